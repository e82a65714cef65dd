import { createHash, createHmac } from 'node:crypto';

/**
 * `X-ZEvent-Signature` value: `mac=` + plain SHA-256 (not HMAC) over app_id + raw body + timestamp + OA secret key,
 * where app_id and timestamp are the body's own fields (zalo spec §3.2).
 */
export function signZaloWebhook(input: { appId: string; rawBody: string | Buffer; timestamp: string; oaSecretKey: string }): string {
  const hash = createHash('sha256').update(input.appId).update(input.rawBody).update(input.timestamp).update(input.oaSecretKey).digest('hex');
  return `mac=${hash}`;
}

/** Optional `appsecret_proof` header: HMAC-SHA256 of the access token keyed by the app secret (zalo spec §1). */
export function zaloAppSecretProof(accessToken: string, appSecretKey: string): string {
  return createHmac('sha256', appSecretKey).update(accessToken).digest('hex');
}
