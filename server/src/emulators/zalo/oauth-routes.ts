import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { randomToken } from '../shared/ids.ts';
import type { EmulatorClock } from '../shared/clock.ts';
import type { ZaloState } from './state.ts';

/** Access tokens live 25 h, refresh tokens 3 months and work once; codes 10 min (zalo spec §2). */
export const accessTokenLifetimeMs = 90_000_000;
export const refreshTokenLifetimeMs = 90 * 86_400_000;
const codeLifetimeMs = 600_000;

/**
 * Issues a new pair: the previous access tokens stop working (zalo spec §2.2, "treat as likely").
 */
export function issueTokenPair(state: ZaloState, clock: EmulatorClock, values?: { accessToken?: string; refreshToken?: string }) {
  for (const t of state.accessTokens) t.isRevoked = true;
  const now = clock.now();
  const access = { value: values?.accessToken ?? `at_${randomToken(32)}`, expiresAtMs: now + accessTokenLifetimeMs, isRevoked: false };
  const refresh = { value: values?.refreshToken ?? `rt_${randomToken(32)}`, expiresAtMs: now + refreshTokenLifetimeMs, isRevoked: false, isUsed: false };
  state.accessTokens.push(access);
  state.refreshTokens.push(refresh);
  return { access_token: access.value, refresh_token: refresh.value, expires_in: String(accessTokenLifetimeMs / 1000) };
}

/**
 * The OAuth v4 endpoints for OA tokens. Errors: the exact body is UNCONFIRMED in the spec; the emulator answers
 * HTTP 200 with `{error, error_name, error_description, error_reason}`, -216 for a wrong app or secret_key and
 * -124 for a refresh token or code that is unknown, used or expired. Adapters must only check for `access_token`.
 */
export function registerOauthRoutes(app: FastifyInstance, opts: { state: ZaloState; clock: EmulatorClock; appSecretKey: string }): void {
  const { state, clock } = opts;
  const oauthError = (error: number, name: string, description: string) => ({ error, error_name: name, error_description: description, error_reason: description });

  app.get('/v4/oa/permission', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    if (q.app_id !== state.appId || !q.redirect_uri || !q.code_challenge) return reply.code(400).send(oauthError(-201, 'invalid_request', 'app_id, redirect_uri and code_challenge are required'));
    const code = randomToken(24);
    state.authorizationCodes.push({ code, codeChallenge: q.code_challenge, expiresAtMs: clock.now() + codeLifetimeMs, isUsed: false });
    const target = new URL(q.redirect_uri);
    target.searchParams.set('code', code);
    target.searchParams.set('oa_id', state.oaId);
    return reply.redirect(target.toString(), 302);
  });

  app.post('/v4/oa/access_token', async (req) => {
    const form = (req.body ?? {}) as Record<string, string | undefined>;
    if (req.headers.secret_key !== opts.appSecretKey || form.app_id !== state.appId) return oauthError(-216, 'invalid_client', 'app_id or secret_key is invalid');
    const now = clock.now();
    if (form.grant_type === 'refresh_token') {
      const refresh = state.refreshTokens.find((t) => t.value === form.refresh_token);
      if (!refresh || refresh.isUsed || refresh.isRevoked || now >= refresh.expiresAtMs) return oauthError(-124, 'invalid_grant', 'Refresh token is invalid, expired or already used');
      refresh.isUsed = true;
      return issueTokenPair(state, clock);
    }
    if (form.grant_type === 'authorization_code') {
      const code = state.authorizationCodes.find((c) => c.code === form.code);
      if (!code || code.isUsed || now >= code.expiresAtMs) return oauthError(-124, 'invalid_grant', 'Authorization code is invalid, expired or already used');
      code.isUsed = true;
      const challenge = createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
      if (challenge !== code.codeChallenge) return oauthError(-124, 'invalid_grant', 'code_verifier does not match code_challenge');
      return issueTokenPair(state, clock);
    }
    return oauthError(-201, 'invalid_request', 'grant_type is invalid');
  });
}
