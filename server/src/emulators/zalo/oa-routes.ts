import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hangRequest } from '../shared/http-helpers.ts';
import type { FaultSwitch } from '../shared/faults.ts';
import { ZaloApiError, zaloErrors } from './oa-errors.ts';
import { handleSendMessage, type SendCsContext } from './send-cs.ts';
import { zaloAppSecretProof } from './signature.ts';
import type { ZaloState } from './state.ts';

export type OaRouteOptions = SendCsContext & {
  appSecretKey: string;
  faults: FaultSwitch;
  /** Requests per minute per app (4,000 in production, zalo spec §1). */
  rateLimitPerMinute: number;
  /** Code for an access token past its 25 h: -216 as seen in practice, or -220 as the error table says (zalo spec §6). */
  expiredTokenCode: -216 | -220;
  timeoutHangMs: number;
};

type Body = Record<string, unknown>;

/** OA OpenAPI on `/v2.0/oa/*` and `/v3.0/oa/*`: errors are HTTP 200 with `{error, message}` (zalo spec §1, §4–§6). */
export function registerOaRoutes(app: FastifyInstance, opts: OaRouteOptions): void {
  let windowStartMs = 0;
  let calls = 0;

  function checkToken(req: FastifyRequest, state: ZaloState): void {
    const token = req.headers.access_token;
    if (typeof token !== 'string' || token === '') throw zaloErrors.invalidToken();
    const found = state.accessTokens.find((t) => t.value === token);
    if (!found || found.isRevoked) throw zaloErrors.invalidToken();
    if (opts.clock.now() >= found.expiresAtMs) throw opts.expiredTokenCode === -220 ? zaloErrors.expiredToken() : zaloErrors.invalidToken();
    const proof = req.headers.appsecret_proof;
    if (typeof proof === 'string' && proof !== zaloAppSecretProof(token, opts.appSecretKey)) throw zaloErrors.badProof();
  }

  function countCall(reply: FastifyReply): boolean {
    const now = opts.clock.now();
    if (now - windowStartMs >= 60_000) {
      windowStartMs = now;
      calls = 0;
    }
    calls += 1;
    reply.header('X-RateLimit-Limit', String(opts.rateLimitPerMinute));
    reply.header('X-RateLimit-Remain', String(Math.max(0, opts.rateLimitPerMinute - calls)));
    return calls > opts.rateLimitPerMinute;
  }

  async function handle(req: FastifyRequest, reply: FastifyReply, run: (body: Body) => unknown) {
    const path = req.url.split('?')[0] ?? '';
    const fault = opts.faults.take();
    if (fault?.kind === 'timeout') return hangRequest(reply, opts.timeoutHangMs);
    if (fault?.kind === 'server-error') {
      opts.state.apiCalls.push({ atMs: opts.clock.now(), path, error: 0, httpStatus: 502 });
      return reply.code(502).type('text/html').send('<html><body><h1>502 Bad Gateway</h1></body></html>');
    }
    try {
      const isOverLimit = countCall(reply);
      if (fault?.kind === 'rate-limit' || isOverLimit) {
        reply.header('X-RateLimit-Remain', '0');
        throw fault?.code ? new ZaloApiError(fault.code, 'Your OA reached limit call api') : zaloErrors.rateLimited();
      }
      checkToken(req, opts.state);
      const data = run((req.body && typeof req.body === 'object' ? req.body : {}) as Body);
      opts.state.apiCalls.push({ atMs: opts.clock.now(), path, error: 0, httpStatus: 200 });
      return reply.send({ error: 0, message: 'Success', data });
    } catch (err) {
      if (!(err instanceof ZaloApiError)) throw err;
      opts.state.apiCalls.push({ atMs: opts.clock.now(), path, error: err.code, httpStatus: 200 });
      return reply.send(err.toBody());
    }
  }

  /** GET calls take one `data` query parameter holding URL-encoded JSON (zalo spec §1). */
  const queryData = (req: FastifyRequest): Body => {
    const raw = (req.query as Record<string, string | undefined>).data;
    try {
      return raw ? (JSON.parse(raw) as Body) : {};
    } catch {
      throw zaloErrors.invalidParam('data');
    }
  };

  for (const endpoint of ['cs', 'transaction', 'promotion'] as const) {
    app.post(`/v3.0/oa/message/${endpoint}`, (req, reply) => handle(req, reply, (body) => handleSendMessage(opts, endpoint, body)));
  }
  app.post('/v2.0/oa/message', (req, reply) => handle(req, reply, () => { throw zaloErrors.v2ShutDown(); }));
  app.get('/v2.0/oa/getoa', (req, reply) =>
    handle(req, reply, () => ({
      oaid: opts.state.oaId, name: opts.state.oaName, description: 'Kênh tiếp nhận phản ánh của người dân', oa_alias: '', is_verified: true, oa_type: 4,
      avatar: '', cover: '', num_follower: opts.state.users.filter((u) => u.isFollower).length,
    })),
  );
  app.get('/v3.0/oa/user/detail', (req, reply) =>
    handle(req, reply, () => {
      const userId = queryData(req).user_id;
      const user = opts.state.users.find((u) => u.userId === userId);
      if (!user) throw zaloErrors.invalidParam('user_id');
      const last = user.lastInteractionAtMs === null ? '' : new Date(user.lastInteractionAtMs + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
      return {
        user_id: user.userId, user_id_by_app: user.userIdByApp, display_name: user.name, user_alias: user.name, is_sensitive: false,
        user_last_interaction_date: last, user_is_follower: user.isFollower, avatar: '', shared_info: user.sharedInfo ?? {},
      };
    }),
  );
  app.route({ method: ['GET', 'POST'], url: '/v*', handler: (req, reply) => handle(req, reply, () => { throw zaloErrors.notSupported(); }) });
}
