import { createHmac } from 'node:crypto';

/** Both signature headers Meta puts on a webhook POST, over the exact body bytes (facebook spec §2.3). */
export function signFacebookWebhook(body: string | Buffer, appSecret: string): { 'x-hub-signature-256': string; 'x-hub-signature': string } {
  return {
    'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
    'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`,
  };
}

/** `appsecret_proof`: HMAC-SHA256 of the access token keyed by the app secret, lowercase hex (facebook spec §1). */
export function facebookAppSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}
