import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { startWebhookRecorder } from '../shared/webhook-recorder.ts';
import { startZaloEmulator, type ZaloEmulator } from './index.ts';
import { signZaloWebhook, zaloAppSecretProof } from './signature.ts';

const creds = { appId: '4100000000000000001', oaId: '1500000000000000004', oaSecretKey: 'OA_SECRET_demo', appSecretKey: 'APPSECRET_demo', accessToken: 'at_demo_01', refreshToken: 'rt_demo_01' };
const hourMs = 3_600_000;

let recorder: Awaited<ReturnType<typeof startWebhookRecorder>>;
let zalo: ZaloEmulator;
void before(async () => {
  recorder = await startWebhookRecorder();
});
void after(() => recorder.close());
void afterEach(() => zalo?.close());

async function start(extra: Partial<Parameters<typeof startZaloEmulator>[0]> = {}) {
  zalo = await startZaloEmulator({ ...creds, webhookUrl: recorder.url, retry: { delaysMs: [60_000, 60_000], timeoutMs: 2000 }, ...extra });
  return zalo;
}

async function cs(body: unknown, token: string | null = creds.accessToken, headers: Record<string, string> = {}) {
  const res = await fetch(`${zalo.url}/v3.0/oa/message/cs`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { access_token: token } : {}), ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { error: number; message: string; data?: Record<string, unknown> } };
}

async function refresh(refreshToken: string, secret = creds.appSecretKey) {
  const res = await fetch(`${zalo.url}/v4/oa/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: secret },
    body: new URLSearchParams({ refresh_token: refreshToken, app_id: creds.appId, grant_type: 'refresh_token' }).toString(),
  });
  return (await res.json()) as Record<string, string | number>;
}

/** Time jumps past 25 h expire the access token, as in production: refresh like the adapter would. */
async function freshToken(): Promise<string> {
  return String((await refresh(zalo.currentTokens().refreshToken)).access_token);
}

const text = (userId: string, t: string) => ({ recipient: { user_id: userId }, message: { text: t } });

void describe('zalo webhook signature (zalo spec §3.2)', () => {
  const body =
    '{"app_id":"4100000000000000001","user_id_by_app":"7700000000000000002","event_name":"user_send_text","sender":{"id":"2400000000000000003"},"recipient":{"id":"1500000000000000004"},"message":{"msg_id":"a1b2c3d4e5f60718293a","text":"Đèn đường ở ngõ 12 bị hỏng"},"timestamp":"1767225600123"}';

  void it('is mac= + sha256(app_id + raw body + timestamp + OA secret key) on the spec sample (our vector)', () => {
    assert.equal(signZaloWebhook({ appId: creds.appId, rawBody: body, timestamp: '1767225600123', oaSecretKey: 'OA_SECRET_demo' }), 'mac=c3b086b32b6a5492a8ab5995fc4e13a9cf874acefc0cecc505cd015636ba2e5c');
  });

  void it('signs every delivered event over the exact bytes, with string ids and timestamps', async () => {
    await start();
    const msg = zalo.citizenSends({ name: 'Lê Văn C', text: 'Đèn đường ở ngõ 12 bị hỏng' });
    await zalo.settled();
    const req = recorder.requests.at(-1)!;
    const parsed = JSON.parse(req.rawBody.toString('utf8'));
    const expected = createHash('sha256').update(`${parsed.app_id}${req.rawBody.toString('utf8')}${parsed.timestamp}OA_SECRET_demo`).digest('hex');
    assert.equal(req.headers['x-zevent-signature'], `mac=${expected}`);
    assert.equal(parsed.event_name, 'user_send_text');
    assert.equal(parsed.message.msg_id, msg.msgId);
    assert.equal(parsed.recipient.id, creds.oaId);
    assert.match(parsed.timestamp, /^\d{13}$/);
    assert.equal(typeof parsed.sender.id, 'string');
  });
});

void describe('zalo events (zalo spec §3.4)', () => {
  void it('emits image, file, location (string coordinates), sticker, link, follow, unfollow and submit_info', async () => {
    await start();
    const ref = { name: 'Phạm Thị D' };
    zalo.citizenSends({ ...ref, text: 'ảnh', attachments: [{ type: 'image', url: 'https://f6.photo.talk.zdn.vn/1.jpg' }] });
    zalo.citizenSends({ ...ref, attachments: [{ type: 'file', url: 'https://zdn.vn/a.pdf', name: 'don.pdf', size: 2048 }] });
    zalo.citizenSends({ ...ref, text: 'Chợ Bến Thành', attachments: [{ type: 'location', lat: 10.7725, lng: 106.698 }] });
    zalo.citizenSends({ ...ref, attachments: [{ type: 'sticker', url: 'https://zdn.vn/s.png', id: 'st1' }] });
    zalo.citizenSends({ ...ref, attachments: [{ type: 'link', url: 'https://dichvucong.gov.vn' }] });
    zalo.citizenFollows(ref, false);
    zalo.citizenFollows(ref, true);
    zalo.citizenSharesInfo(ref, { phone: '84912345678', address: '12 Lê Lợi' });
    await zalo.settled();
    const events = recorder.posts().slice(-8);
    const byName = Object.fromEntries(events.map((e) => [e.event_name, e])) as Record<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(Object.keys(byName).sort(), ['follow', 'unfollow', 'user_send_file', 'user_send_image', 'user_send_link', 'user_send_location', 'user_send_sticker', 'user_submit_info']);
    assert.deepEqual(byName.user_send_location!.message.attachments[0].payload.coordinates, { latitude: '10.7725', longitude: '106.698' });
    assert.equal(byName.user_send_file!.message.attachments[0].payload.size, '2048');
    assert.equal(byName.follow!.follower.id, zalo.citizen(ref).userId);
    assert.equal(byName.follow!.oa_id, creds.oaId);
    assert.equal(byName.follow!.sender, undefined);
    assert.equal(byName.user_submit_info!.info.phone, '84912345678');
  });
});

void describe('zalo consultation messages (zalo spec §4)', () => {
  void it('sends within the window, echoes oa_send_text, reports receipt and seen, free within 48 h then billed', async () => {
    await start();
    const { userId } = zalo.citizen({ name: 'E' });
    zalo.citizenSends({ userId, text: 'Hỏi thủ tục' });
    const ok = await cs(text(userId, 'Chào anh/chị'));
    assert.equal(ok.status, 200);
    assert.equal(ok.body.error, 0);
    assert.equal(ok.body.data!.user_id, userId);
    assert.equal((ok.body.data!.quota as Record<string, string>).quota_type, 'reply');
    assert.equal(ok.headers.get('x-ratelimit-limit'), '4000');
    assert.equal(ok.headers.get('x-ratelimit-remain'), '3999');
    zalo.advanceClock(49 * hourMs);
    const billed = await cs(text(userId, 'Sau 48 giờ'), await freshToken());
    assert.equal(billed.body.error, 0);
    assert.equal((billed.body.data!.quota as Record<string, string>).quota_type, 'sub_quota');
    assert.deepEqual(zalo.sentTo(userId).map((m) => [m.text, m.isBilled]), [['Chào anh/chị', false], ['Sau 48 giờ', true]]);
    zalo.citizenReads({ userId });
    await zalo.settled();
    const names = recorder.posts().map((e) => e.event_name);
    assert.ok(names.includes('oa_send_text'));
    assert.ok(names.includes('user_received_message'));
    const seen = recorder.posts().find((e) => e.event_name === 'user_seen_message') as { message: { msg_ids: string[] }; sender: { id: string } };
    assert.equal(seen.message.msg_ids.length, 2);
    assert.equal(seen.sender.id, creds.oaId);
  });

  void it('refuses past 7 days (-230), never-interacted users (-232), long text (-210), v2 (-240), bad ids (-201)', async () => {
    await start();
    const { userId } = zalo.citizen({ name: 'F' });
    assert.equal((await cs(text(userId, 'x'))).body.error, -232);
    zalo.citizenSends({ userId, text: 'x' });
    assert.equal((await cs(text(userId, 'x'.repeat(2001)))).body.error, -210);
    assert.equal((await cs(text('123', 'x'))).body.error, -201);
    zalo.advanceClock(7 * 24 * hourMs + 1);
    const token = await freshToken();
    const closed = await cs(text(userId, 'muộn'), token);
    assert.equal(closed.status, 200, 'errors come with HTTP 200');
    assert.deepEqual(Object.keys(closed.body).sort(), ['error', 'message']);
    assert.equal(closed.body.error, -230);
    const v2 = await fetch(`${zalo.url}/v2.0/oa/message`, { method: 'POST', headers: { access_token: token, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(((await v2.json()) as { error: number }).error, -240);
  });

  void it('sends an image with the media template and checks appsecret_proof', async () => {
    await start();
    const { userId } = zalo.citizen({ name: 'G' });
    zalo.citizenSends({ userId, text: 'x' });
    const image = { recipient: { user_id: userId }, message: { text: 'Ảnh hiện trường', attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://example.com/a.jpg' }] } } } };
    const proof = zaloAppSecretProof(creds.accessToken, creds.appSecretKey);
    assert.equal((await cs(image, creds.accessToken, { appsecret_proof: proof })).body.error, 0);
    assert.equal((await cs(image, creds.accessToken, { appsecret_proof: 'bad' })).body.error, -242);
    assert.equal(zalo.sentTo(userId)[0]!.eventName, 'oa_send_image');
  });

  void it('rate limit -32 with headers, 5xx and timeouts from the fault knob', async () => {
    await start({ rateLimitPerMinute: 2 });
    const { userId } = zalo.citizen({ name: 'H' });
    zalo.citizenSends({ userId, text: 'x' });
    await cs(text(userId, '1'));
    await cs(text(userId, '2'));
    const limited = await cs(text(userId, '3'));
    assert.equal(limited.body.error, -32);
    assert.equal(limited.headers.get('x-ratelimit-remain'), '0');
    zalo.advanceClock(60_000);
    zalo.fail({ kind: 'server-error', count: 1 });
    assert.equal((await fetch(`${zalo.url}/v3.0/oa/message/cs`, { method: 'POST' })).status, 502);
    zalo.fail({ kind: 'timeout', count: 1 });
    await assert.rejects(fetch(`${zalo.url}/v3.0/oa/message/cs`, { method: 'POST', signal: AbortSignal.timeout(100) }), { name: 'TimeoutError' });
    assert.equal((await cs(text(userId, 'ok'))).body.error, 0);
  });
});

void describe('zalo OAuth v4 tokens (zalo spec §2)', () => {
  void it('refresh tokens work once, old access tokens stop working, access tokens last 25 h', async () => {
    await start();
    const { userId } = zalo.citizen({ name: 'I' });
    zalo.citizenSends({ userId, text: 'x' });
    const first = await refresh(creds.refreshToken);
    assert.equal(first.expires_in, '90000');
    assert.equal(typeof first.access_token, 'string');
    assert.notEqual(first.refresh_token, creds.refreshToken);
    const reused = await refresh(creds.refreshToken);
    assert.equal(reused.access_token, undefined);
    assert.equal(reused.error, -124);
    assert.equal((await cs(text(userId, 'old token'))).body.error, -216);
    assert.equal((await cs(text(userId, 'new token'), String(first.access_token))).body.error, 0);
    zalo.advanceClock(25 * hourMs);
    assert.equal((await cs(text(userId, 'expired'), String(first.access_token))).body.error, -216);
    const second = await refresh(String(first.refresh_token));
    assert.equal((await cs(text(userId, 'again'), String(second.access_token))).body.error, 0);
    assert.equal((await refresh(String(second.refresh_token), 'wrong-secret')).error, -216);
    assert.equal((await cs(text(userId, 'x'), null)).body.error, -216);
  });

  void it('the expire knob makes the current token fail until refreshed; -220 can be chosen', async () => {
    await start({ expiredTokenCode: -220 });
    const { userId } = zalo.citizen({ name: 'J' });
    zalo.citizenSends({ userId, text: 'x' });
    zalo.expireAccessToken();
    assert.equal((await cs(text(userId, 'x'))).body.error, -220);
    const pair = await refresh(zalo.currentTokens().refreshToken);
    assert.equal((await cs(text(userId, 'x'), String(pair.access_token))).body.error, 0);
    assert.equal(zalo.currentTokens().accessToken, pair.access_token);
  });

  void it('authorization code with PKCE (S256) works once', async () => {
    await start();
    const verifier = 'a'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const res = await fetch(`${zalo.url}/v4/oa/permission?app_id=${creds.appId}&redirect_uri=${encodeURIComponent('https://city.example/cb?state=s1')}&code_challenge=${challenge}`, { redirect: 'manual' });
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location')!);
    assert.equal(location.searchParams.get('oa_id'), creds.oaId);
    assert.equal(location.searchParams.get('state'), 's1');
    const exchange = (code: string) =>
      fetch(`${zalo.url}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: creds.appSecretKey },
        body: new URLSearchParams({ code, app_id: creds.appId, grant_type: 'authorization_code', code_verifier: verifier }).toString(),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const code = location.searchParams.get('code')!;
    assert.equal(typeof (await exchange(code)).access_token, 'string');
    assert.equal((await exchange(code)).error, -124);
  });
});

void describe('zalo webhook retries (zalo spec §3.1)', () => {
  void it('retries with num_retry, then disables the webhook after the last retry', async () => {
    const down = await startWebhookRecorder(() => ({ status: 500 }));
    await start({ webhookUrl: down.url });
    zalo.citizenSends({ name: 'K', text: 'x' });
    await zalo.settled();
    await zalo.retryWebhooksNow();
    await zalo.retryWebhooksNow();
    assert.deepEqual(down.requests.map((r) => r.headers.num_retry), [undefined, '1', '2']);
    assert.ok(down.requests.every((r) => r.headers['x-zevent-signature'] === down.requests[0]!.headers['x-zevent-signature']));
    assert.equal(zalo.state.isWebhookDisabled, true);
    zalo.citizenSends({ name: 'K', text: 'lost' });
    await zalo.settled();
    assert.equal(down.requests.length, 3, 'nothing is sent while disabled');
    zalo.enableWebhook();
    await down.close();
  });

  void it('connection-only mode does not retry an HTTP 500', async () => {
    const down = await startWebhookRecorder(() => ({ status: 500 }));
    await start({ webhookUrl: down.url, retry: { delaysMs: [60_000], timeoutMs: 2000, retryOn: 'connection-only' } });
    zalo.citizenSends({ name: 'L', text: 'x' });
    await zalo.settled();
    assert.equal(zalo.deliveries[0]!.state, 'dropped');
    assert.equal(down.requests.length, 1);
    await down.close();
  });
});
