import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { fakeHttp, jsonResponse, runChannelContract } from '../contract.ts';
import { zaloChannel, type ZaloConfig } from './index.ts';
import { refreshZaloToken } from './refresh-token.ts';

const config: ZaloConfig = { oaId: '1500000000000000004', appId: '4100000000000000001', oaSecretKey: 'OA_SECRET_demo', accessToken: 'at_demo_01', refreshToken: 'rt_demo_01', appSecret: 'APPSECRET_demo' };
const baseUrls = { facebookGraphUrl: '', zaloOpenApiUrl: 'https://openapi.test', zaloOAuthUrl: 'https://oauth.test' };
const fixtures = path.join(import.meta.dirname, 'fixtures');
const zaloError = (error: number) => jsonResponse({ error, message: 'x' });

runChannelContract({
  adapter: zaloChannel,
  config,
  fixturesDir: fixtures,
  sign: (rawBody, c) => {
    const { timestamp } = JSON.parse(rawBody.toString('utf8')) as { timestamp: string };
    return { headers: { 'x-zevent-signature': `mac=${createHash('sha256').update(c.appId).update(rawBody).update(timestamp).update(c.oaSecretKey).digest('hex')}` }, rawBody, query: {} };
  },
  message: { idempotencyKey: 'om_1', channelAccount: config.oaId, recipientId: '2400000000000000003', text: 'Cảm ơn anh/chị', origin: 'automatic', lastInboundAt: new Date(), mode: 'message', replyToId: null },
  respondSent: () => jsonResponse({ error: 0, message: 'Success', data: { message_id: '63ecf43f0df7dba892e6', user_id: '2400000000000000003' } }),
  errorCases: [
    { name: '-216 invalid token → held', respond: () => zaloError(-216), expect: { kind: 'held', code: 'CHANNEL_AUTH_INVALID' } },
    { name: '-220 expired token → held', respond: () => zaloError(-220), expect: { kind: 'held', code: 'CHANNEL_AUTH_INVALID' } },
    { name: '-124 expired token → held', respond: () => zaloError(-124), expect: { kind: 'held', code: 'CHANNEL_AUTH_INVALID' } },
    { name: '-32 rate limit → retry', respond: () => zaloError(-32), expect: { kind: 'retry', code: 'RATE_LIMITED', afterMs: 60_000 } },
    { name: '-230 window → failed', respond: () => zaloError(-230), expect: { kind: 'failed', code: 'WINDOW_CLOSED' } },
    { name: '-232 never interacted → failed', respond: () => zaloError(-232), expect: { kind: 'failed', code: 'WINDOW_CLOSED' } },
    { name: '502 HTML → retry', respond: () => new Response('<html/>', { status: 502 }), expect: { kind: 'retry' } },
    { name: '-201 bad id → failed', respond: () => zaloError(-201), expect: { kind: 'failed', code: 'PROVIDER_REJECTED' } },
  ],
});

const load = (f: string) => JSON.parse(readFileSync(path.join(fixtures, f), 'utf8')) as unknown;

void it('parses location strings, follow envelopes and shared info', () => {
  const [loc] = zaloChannel.parseWebhook(load('location.json'));
  assert.deepEqual(loc?.kind === 'message' && loc.location, { lat: 21.0287747, lng: 105.8523034 });
  assert.deepEqual(zaloChannel.parseWebhook(load('user-unfollowed.json')), [{ kind: 'follow', channelAccount: '1500000000000000004', userId: '2400000000000000003', followed: false, occurredAt: new Date(1767225850789) }]);
  const [info] = zaloChannel.parseWebhook(load('user-submit-info.json'));
  assert.equal(info?.kind === 'contact-shared' && info.phone, '84912345678');
});

void it('accepts the signature without the mac= prefix and in upper case, rejects a foreign app_id', () => {
  const raw = readFileSync(path.join(fixtures, 'text-message.json'));
  const hex = createHash('sha256').update(config.appId).update(raw).update('1767225600123').update(config.oaSecretKey).digest('hex');
  assert.equal(zaloChannel.verifyWebhook({ headers: { 'x-zevent-signature': hex.toUpperCase() }, rawBody: raw, query: {} }, config), true);
  assert.equal(zaloChannel.verifyWebhook({ headers: { 'x-zevent-signature': `mac=${hex}` }, rawBody: raw, query: {} }, { ...config, appId: '1' }), false);
});

void it('sends the access_token header to message/cs', async () => {
  const http = fakeHttp(() => jsonResponse({ error: 0, message: 'Success', data: { message_id: 'm1' } }));
  await zaloChannel.send({ idempotencyKey: 'k', channelAccount: config.oaId, recipientId: 'u1', text: 'x', origin: 'reply', lastInboundAt: null, mode: 'message', replyToId: null }, { config, http, baseUrls, now: () => new Date() });
  assert.equal(http.calls[0]!.url, 'https://openapi.test/v3.0/oa/message/cs');
  assert.equal((http.calls[0]!.init.headers as Record<string, string>).access_token, 'at_demo_01');
});

void it('refreshZaloToken returns the new pair, or failed for an answer without access_token', async () => {
  const ok = await refreshZaloToken(config, { baseUrls, http: fakeHttp((url, init) => (url === 'https://oauth.test/v4/oa/access_token' && (init.headers as Record<string, string>).secret_key === 'APPSECRET_demo' ? jsonResponse({ access_token: 'at2', refresh_token: 'rt2', expires_in: '90000' }) : undefined)) });
  assert.deepEqual(ok, { kind: 'refreshed', accessToken: 'at2', refreshToken: 'rt2', expiresInSeconds: 90000 });
  const used = await refreshZaloToken(config, { baseUrls, http: fakeHttp(() => jsonResponse({ error: -124, error_description: 'used' })) });
  assert.equal(used.kind, 'failed');
});
