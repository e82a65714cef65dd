import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hangRequest } from '../shared/http-helpers.ts';
import type { FaultSwitch } from '../shared/faults.ts';
import { GraphError, graphErrors } from './graph-error.ts';
import { handleSendApi, type SendApiContext } from './send-api.ts';
import { facebookAppSecretProof } from './signature.ts';
import type { FacebookPageConfig } from './state.ts';

export type GraphOptions = SendApiContext & {
  appSecret: string;
  requireAppSecretProof: boolean;
  faults: FaultSwitch;
  /** Per-Page budget in a fixed window; over it, error 32 and usage headers at 100 (facebook spec §6). */
  rateLimit: { callsPerWindow: number; windowMs: number };
  timeoutHangMs: number;
};

type Body = Record<string, unknown>;

/** Graph API (facebook spec §1, §5–§7) on any `/vNN.N/` prefix or none. */
export function registerGraphRoutes(app: FastifyInstance, opts: GraphOptions): void {
  const usage = new Map<string, { windowStartMs: number; calls: number }>();

  function countCall(pageId: string): { percent: number; regainMinutes: number } {
    const now = opts.clock.now();
    let u = usage.get(pageId);
    if (!u || now - u.windowStartMs >= opts.rateLimit.windowMs) {
      u = { windowStartMs: now, calls: 0 };
      usage.set(pageId, u);
    }
    u.calls += 1;
    const percent = Math.min(100, Math.round((u.calls / opts.rateLimit.callsPerWindow) * 100));
    const regainMinutes = u.calls > opts.rateLimit.callsPerWindow ? Math.max(1, Math.ceil((u.windowStartMs + opts.rateLimit.windowMs - now) / 60_000)) : 0;
    return { percent, regainMinutes };
  }

  function usageHeaders(reply: FastifyReply, pageId: string, percent: number, regainMinutes: number): void {
    const stats = { call_count: percent, total_cputime: Math.round(percent / 2), total_time: Math.round(percent / 2) };
    reply.header('x-app-usage', JSON.stringify(stats));
    reply.header('x-page-usage', JSON.stringify(stats));
    reply.header('x-business-use-case-usage', JSON.stringify({ [pageId]: [{ type: 'pages', ...stats, estimated_time_to_regain_access: regainMinutes }] }));
  }

  function authenticate(req: FastifyRequest, body: Body): FacebookPageConfig {
    const query = req.query as Record<string, string | undefined>;
    const auth = req.headers.authorization;
    const token = query.access_token ?? (typeof body.access_token === 'string' ? body.access_token : undefined) ?? (auth?.startsWith('Bearer ') ? auth.slice(7) : undefined);
    if (!token) throw new GraphError(400, 104, 'An access token is required to request this resource.');
    const page = opts.state.pages.find((p) => p.accessToken === token);
    if (opts.state.expiredTokens.includes(token)) throw graphErrors.expiredToken();
    if (!page) throw graphErrors.invalidToken();
    const proof = query.appsecret_proof ?? (typeof body.appsecret_proof === 'string' ? body.appsecret_proof : undefined);
    if (proof !== undefined && proof !== facebookAppSecretProof(token, opts.appSecret)) throw graphErrors.badProof();
    if (proof === undefined && opts.requireAppSecretProof) throw graphErrors.proofRequired();
    return page;
  }

  app.route({
    method: ['GET', 'POST', 'DELETE'],
    url: '/*',
    handler: async (req, reply) => {
      const path = req.url.split('?')[0] ?? '';
      const segments = path.split('/').filter(Boolean);
      if (/^v\d+\.\d+$/.test(segments[0] ?? '')) segments.shift();
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Body;
      let pageId: string | null = null;
      try {
        const fault = opts.faults.take();
        if (fault?.kind === 'timeout') return hangRequest(reply, opts.timeoutHangMs);
        if (fault?.kind === 'server-error') throw graphErrors.temporary();
        const page = authenticate(req, body);
        pageId = page.id;
        const { percent, regainMinutes } = countCall(page.id);
        if (fault?.kind === 'rate-limit') {
          const regain = fault.untilMs === null ? 60 : Math.max(1, Math.ceil((fault.untilMs - opts.clock.now()) / 60_000));
          usageHeaders(reply, page.id, 100, regain);
          throw rateLimitError(fault.code ?? 32);
        }
        usageHeaders(reply, page.id, percent, regainMinutes);
        if (regainMinutes > 0) throw graphErrors.pageRateLimit();
        const result = dispatch(req.method, segments, page, body, req.query as Record<string, string | undefined>);
        opts.state.apiCalls.push({ atMs: opts.clock.now(), path, pageId, status: 200 });
        return reply.send(result);
      } catch (err) {
        if (!(err instanceof GraphError)) throw err;
        opts.state.apiCalls.push({ atMs: opts.clock.now(), path, pageId, status: err.httpStatus, errorCode: err.code, ...(err.subcode === undefined ? {} : { errorSubcode: err.subcode }) });
        return reply.code(err.httpStatus).send(err.toBody());
      }
    },
  });

  function dispatch(method: string, segments: string[], page: FacebookPageConfig, body: Body, query: Record<string, string | undefined>): unknown {
    const [node = '', edge, ...rest] = segments;
    if (rest.length > 0) throw graphErrors.invalidParam('Unknown path components');
    const nodeId = node === 'me' ? page.id : node;
    const isPage = nodeId === page.id;
    if (isPage && edge === 'messages' && method === 'POST') return handleSendApi(opts, page, body);
    if (isPage && edge === 'feed' && method === 'POST') {
      if (typeof body.message !== 'string' || body.message === '') throw graphErrors.invalidParam('param message must be non-empty');
      return { id: opts.world.publishPost(page.id, body.message).id };
    }
    if (isPage && edge === 'subscribed_apps') {
      if (method === 'POST') {
        const fields = String(body.subscribed_fields ?? query.subscribed_fields ?? '').split(',').filter(Boolean);
        opts.state.subscribedApps[page.id] = fields;
        return { success: true };
      }
      return { data: [{ id: opts.appId, name: 'Gần Dân', subscribed_fields: opts.state.subscribedApps[page.id] ?? [] }] };
    }
    if (isPage && edge === undefined && method === 'GET') {
      return { id: page.id, name: page.name, followers_count: opts.state.users.filter((u) => u.pageId === page.id).length };
    }
    const comment = opts.state.comments.find((c) => c.id === nodeId && c.pageId === page.id && !c.isDeleted);
    if (comment) return commentNode(method, edge, comment, page, body);
    const post = opts.state.posts.find((p) => p.id === nodeId && p.pageId === page.id && !p.isDeleted);
    if (post && edge === undefined) {
      if (method === 'DELETE') {
        post.isDeleted = true;
        return { success: true };
      }
      if (method === 'POST' && typeof body.message === 'string') {
        post.message = body.message;
        return { success: true };
      }
      return { id: post.id, message: post.message, created_time: new Date(post.createdAtMs).toISOString() };
    }
    if (post && edge === 'comments' && method === 'POST') return { id: replyAsPage(post.id, undefined, page, body) };
    const user = opts.state.users.find((u) => u.psid === nodeId && u.pageId === page.id);
    if (user && edge === undefined && method === 'GET') {
      const [first = '', ...last] = user.name.split(' ').reverse();
      return { id: user.psid, first_name: first, last_name: last.reverse().join(' '), profile_pic: `https://platform-lookaside.example/${user.psid}.jpg` };
    }
    throw graphErrors.unknownObject(nodeId);
  }

  function commentNode(method: string, edge: string | undefined, comment: (typeof opts.state.comments)[number], page: FacebookPageConfig, body: Body): unknown {
    if (edge === 'private_replies') throw graphErrors.deprecatedPrivateReplies();
    if (edge === 'comments' && method === 'POST') return { id: replyAsPage(comment.postId, comment.id, page, body) };
    if (edge !== undefined) throw graphErrors.invalidParam('Unknown path components');
    if (method === 'DELETE') {
      opts.world.deleteComment(comment.id);
      return { success: true };
    }
    if (method === 'POST' && body.is_hidden !== undefined) {
      const isHidden = body.is_hidden === true || body.is_hidden === 'true';
      if (comment.isHidden !== isHidden) {
        comment.isHidden = isHidden;
        opts.world.commentModerated(comment, isHidden ? 'hide' : 'unhide');
      }
      return { success: true };
    }
    const canReplyPrivately = !comment.privateReplyMid && comment.fromId !== page.id && opts.clock.now() - comment.createdAtMs <= 7 * 86_400_000;
    return {
      id: comment.id, message: comment.message, from: { id: comment.fromId, name: comment.fromName },
      created_time: new Date(comment.createdAtMs).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      is_hidden: comment.isHidden, can_reply_privately: canReplyPrivately, can_hide: comment.fromId !== page.id,
      parent: comment.parentId === comment.postId ? undefined : { id: comment.parentId },
    };
  }

  function replyAsPage(postId: string, parentId: string | undefined, page: FacebookPageConfig, body: Body): string {
    if (typeof body.message !== 'string' || body.message === '') throw graphErrors.invalidParam('param message must be non-empty');
    return opts.world.addComment({ pageId: page.id, postId, parentId, fromId: page.id, fromName: page.name, message: body.message }).id;
  }
}

function rateLimitError(code: number): GraphError {
  const messages: Record<number, string> = {
    4: '(#4) Application request limit reached',
    17: '(#17) User request limit reached',
    32: '(#32) Page request limit reached',
    613: '(#613) Calls to this api have exceeded the rate limit.',
  };
  return new GraphError(400, code, messages[code] ?? `(#${code}) There have been too many calls for this business use case.`, undefined, { is_transient: true });
}
