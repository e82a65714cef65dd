// OA messages: https://developers.zalo.me/docs/official-account/tin-nhan/tin-tu-van/gui-tin-tu-van-dang-van-ban
// Tokens:      https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new
// (static mirror: docs.zaloplatforms.com/docs/OA/...; errors at .../OA/phu-luc/ma-loi)
import type { HttpClient } from '../channel.ts';
import type { ZaloApiAnswer, ZaloTokenAnswer } from './types.ts';

/** POST /v3.0/oa/message/cs with the `access_token` header. Zalo reports errors in the body with HTTP 200. */
export async function postConsultationMessage(http: HttpClient, input: { openApiUrl: string; accessToken: string; body: unknown }): Promise<{ status: number; answer: ZaloApiAnswer | null }> {
  const res = await http(`${input.openApiUrl}/v3.0/oa/message/cs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', access_token: input.accessToken },
    body: JSON.stringify(input.body),
  });
  const answer = (await res.json().catch(() => null)) as ZaloApiAnswer | null;
  return { status: res.status, answer };
}

/** POST /v4/oa/access_token (form body, `secret_key` header = app secret). */
export async function postRefreshToken(http: HttpClient, input: { oauthUrl: string; appId: string; appSecret: string; refreshToken: string }): Promise<ZaloTokenAnswer | null> {
  const res = await http(`${input.oauthUrl}/v4/oa/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: input.appSecret },
    body: new URLSearchParams({ refresh_token: input.refreshToken, app_id: input.appId, grant_type: 'refresh_token' }).toString(),
  });
  return (await res.json().catch(() => null)) as ZaloTokenAnswer | null;
}
