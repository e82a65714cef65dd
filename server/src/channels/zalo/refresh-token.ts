import type { HttpClient, SendContext } from '../channel.ts';
import { postRefreshToken } from './client.ts';
import type { ZaloConfig } from './index.ts';

export type ZaloTokenRefresh =
  | { kind: 'refreshed'; accessToken: string; refreshToken: string; expiresInSeconds: number }
  /** The refresh token is single use: after 'failed' the OA needs re-authorisation (zalo spec §2.2). */
  | { kind: 'failed'; code: 'ZALO_REFRESH_REJECTED' | 'NETWORK_ERROR'; detail?: string };

/**
 * Exchanges the stored refresh token for a new pair. Persist both values atomically before using them;
 * the old refresh token is spent either way. Any answer without `access_token` is a failure (the error body is UNCONFIRMED).
 */
export async function refreshZaloToken(config: ZaloConfig, ctx: { http: HttpClient; baseUrls: SendContext<ZaloConfig>['baseUrls'] }): Promise<ZaloTokenRefresh> {
  try {
    const answer = await postRefreshToken(ctx.http, { oauthUrl: ctx.baseUrls.zaloOAuthUrl, appId: config.appId, appSecret: config.appSecret, refreshToken: config.refreshToken });
    if (!answer?.access_token || !answer.refresh_token) return { kind: 'failed', code: 'ZALO_REFRESH_REJECTED', detail: `${answer?.error ?? '?'} ${answer?.error_description ?? ''}`.trim() };
    const expires = Number(answer.expires_in ?? 90_000);
    return { kind: 'refreshed', accessToken: answer.access_token, refreshToken: answer.refresh_token, expiresInSeconds: Number.isFinite(expires) ? expires : 90_000 };
  } catch (err) {
    return { kind: 'failed', code: 'NETWORK_ERROR', detail: err instanceof Error ? err.message : String(err) };
  }
}
