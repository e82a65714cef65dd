import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startFacebookEmulator } from '../../src/emulators/facebook/index.ts';
import { startZaloEmulator } from '../../src/emulators/zalo/index.ts';
import { eventually } from '../eventually.ts';
import { testEngines } from '../fresh-db.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../test-server.ts';

const PAGE = { id: '111111111111111', name: 'UBND Phường Sài Gòn', accessToken: 'EAApagetokenSaiGon' };
const FB_SECRET = 'fb-app-secret-for-tests';
const ZALO = { appId: '4242424242', oaId: '579745863508352884', oaSecretKey: 'oa-secret-key-for-tests', appSecretKey: 'zalo-app-secret-for-tests' };


for (const engine of testEngines()) {
  describe(`channels end to end through the emulators [${engine}]`, () => {
    let server: TestServer;
    let fb: Awaited<ReturnType<typeof startFacebookEmulator>>;
    let zalo: Awaited<ReturnType<typeof startZaloEmulator>>;
    let cookie = '';
    let csrf = '';
    const staff = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
    };
    const caseOf = async (channel: string) => {
      const list = await staff('GET', '/api/staff/cases?view=unit&limit=100');
      return (list.json.items as { id: string; channel: string; trackingCode: string }[]).filter((c) => c.channel === channel);
    };
    const count = async (sql: string) => Number((await server.db.query<{ n: number }>(sql))[0]?.n);

    before(async () => {
      fb = await startFacebookEmulator({ host: '127.0.0.1', appSecret: FB_SECRET, verifyToken: 'verify-me', pages: [PAGE], retry: { delaysMs: [0, 100, 300], timeoutMs: 5_000 } });
      zalo = await startZaloEmulator({ host: '127.0.0.1', ...ZALO, retry: { delaysMs: [0, 100, 300], timeoutMs: 5_000 } });
      server = await startTestServer({ engine, env: { FACEBOOK_GRAPH_URL: fb.url, ZALO_OPENAPI_URL: zalo.url, ZALO_OAUTH_URL: zalo.url } });
      await server.admin('channel.add', { channel: 'facebook', unit: '26740', config: { pageId: PAGE.id, pageToken: PAGE.accessToken, appSecret: FB_SECRET, verifyToken: 'verify-me' } });
      const tokens = zalo.currentTokens();
      await server.admin('channel.add', {
        channel: 'zalo',
        unit: '26800',
        config: { oaId: ZALO.oaId, appId: ZALO.appId, oaSecretKey: ZALO.oaSecretKey, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, appSecret: ZALO.appSecretKey },
      });
      fb.setWebhookUrl(`${server.url}/webhooks/facebook`);
      zalo.setWebhookUrl(`${server.url}/webhooks/zalo`);
      const login = await fetch(`${server.url}/api/staff/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@gandan.local', password: TEST_PASSWORD }) });
      cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    });
    after(async () => {
      await server?.close();
      await fb?.close();
      await zalo?.close();
    });

    test(`Meta's handshake succeeds with the Page's verify token only`, async () => {
      assert.equal((await fb.verifyWebhook()).ok, true);
      const bad = await fetch(`${server.url}/webhooks/facebook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=123`);
      assert.equal(bad.status, 403);
    });

    test(`Messenger: message → case → acknowledgement with the code → staff reply → citizen receives it`, async () => {
      const first = fb.citizenSends({ name: 'Nguyễn Văn Tư', text: 'Đèn đường trước số 12 Lê Lợi bị hỏng 3 ngày rồi ạ' });
      const ack = await eventually('acknowledgement on Messenger', () => fb.sentTo(first.psid).at(0));
      const [c] = await caseOf('facebook');
      assert.ok(c, 'a case was opened');
      assert.ok(ack.text?.includes(`Mã hồ sơ: ${c.trackingCode}`), ack.text);
      const reply = await staff('POST', `/api/staff/cases/${c.id}/replies`, { body: 'Phường đã báo điện lực, chiều nay sẽ thay bóng.' });
      assert.equal(reply.status, 201);
      await eventually('staff reply on Messenger', () => fb.sentTo(first.psid).find((m) => m.text?.startsWith('Phường đã báo')));
      // A second message joins the open case: no new case, no second acknowledgement.
      fb.citizenSends({ psid: first.psid, text: 'Cảm ơn phường nhiều' });
      await eventually('second message on the case', async () => {
        const d = await staff('GET', `/api/staff/cases/${c.id}`);
        return (d.json.timeline as { kind: string }[]).filter((e) => e.kind === 'message.received').length === 2 || undefined;
      });
      await fb.settled();
      await eventually('echoes processed', async () => (await count("SELECT count(*)::int AS n FROM inbound_events WHERE status <> 'done'")) === 0 || undefined);
      assert.equal((await caseOf('facebook')).length, 1);
      assert.equal(fb.sentTo(first.psid).length, 2, 'one acknowledgement and one reply');
      const detail = await staff('GET', `/api/staff/cases/${c.id}`);
      const sent = (detail.json.timeline as { kind: string }[]).filter((e) => e.kind === 'message.sent');
      assert.equal(sent.length, 2, 'echoes of our own messages are not recorded again');
    });

    test(`Zalo: message → case at the OA's ward → acknowledgement → reply`, async () => {
      const m = zalo.citizenSends({ name: 'Lê Thị Hoa', text: 'Hẻm 45 Võ Văn Ngân ngập nước sau mưa, xe không đi được' });
      const ack = await eventually('acknowledgement on Zalo', () => zalo.sentTo(m.userId).at(0));
      const [c] = await caseOf('zalo');
      assert.ok(c);
      assert.match(ack.text ?? '', /^UBND Phường Linh Xuân đã tiếp nhận/);
      assert.ok(ack.text?.includes(c.trackingCode));
      await staff('POST', `/api/staff/cases/${c.id}/replies`, { body: 'Phường đã cử tổ công tác khơi thông cống.' });
      await eventually('reply on Zalo', () => zalo.sentTo(m.userId).find((x) => x.text?.startsWith('Phường đã cử')));
    });

    test(`an expired Zalo token: the reply is held, the token refreshed once, and the reply delivered`, async () => {
      const m = zalo.citizenSends({ name: 'Phạm Minh', text: 'Cây xanh nghiêng trước trường học' });
      await eventually('acknowledgement', () => zalo.sentTo(m.userId).at(0));
      const before = zalo.currentTokens();
      zalo.expireAccessToken();
      const target = (await caseOf('zalo'))[0]!; // newest first: Phạm Minh's case
      await staff('POST', `/api/staff/cases/${target.id}/replies`, { body: 'Đã báo đội cây xanh.' });
      await eventually('reply after refresh', () => zalo.sentTo(m.userId).find((x) => x.text === 'Đã báo đội cây xanh.'));
      const after = zalo.currentTokens();
      assert.notEqual(after.refreshToken, before.refreshToken, 'the single-use refresh token was exchanged');
      const lines = await server.admin('channel.list', {});
      const zl = lines.find((l) => l.startsWith('zalo'))!;
      assert.match(zl, /\thealthy\t/);
      assert.match(zl, /token expires 20/);
    });

    test(`bad webhooks: wrong or missing signature 401 and nothing stored; unknown Page ignored; bad JSON 400`, async () => {
      const body = JSON.stringify({ object: 'page', entry: [{ id: PAGE.id, time: 1, messaging: [] }] });
      const zaloBody = JSON.stringify({ app_id: ZALO.appId, event_name: 'user_send_text', timestamp: '1', recipient: { id: ZALO.oaId }, sender: { id: '1' } });
      const stored = async (...bodies: string[]) => Number((await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbound_events WHERE raw_body = ANY($1::text[])', [bodies]))[0]?.n);
      const post = (headers: Record<string, string>, b = body) => fetch(`${server.url}/webhooks/facebook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: b });
      assert.equal((await post({ 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` })).status, 401);
      assert.equal((await post({})).status, 401);
      const zalo401 = await fetch(`${server.url}/webhooks/zalo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': 'mac=abc' }, body: zaloBody });
      assert.equal(zalo401.status, 401);
      const unknown = JSON.stringify({ object: 'page', entry: [{ id: '999', time: 1, messaging: [] }] });
      const sig = (b: string) => `sha256=${createHmac('sha256', FB_SECRET).update(b).digest('hex')}`;
      const ignored = await post({ 'x-hub-signature-256': sig(unknown) }, unknown);
      assert.equal(ignored.status, 200);
      assert.deepEqual(await ignored.json(), { status: 'ignored' });
      assert.equal((await post({ 'x-hub-signature-256': sig('{"object":') }, '{"object":')).status, 400);
      assert.equal(await stored(body, zaloBody, unknown, '{"object":'), 0, 'nothing stored for refused or ignored deliveries');
      // A well-signed redelivery of the same bytes is stored once.
      const once = await post({ 'x-hub-signature-256': sig(body) });
      const twice = await post({ 'x-hub-signature-256': sig(body) });
      assert.deepEqual([await once.json(), await twice.json()], [{ status: 'stored' }, { status: 'duplicate' }]);
      assert.equal(await stored(body), 1);
      // An event type we do not handle is stored and processed without error.
      const odd = JSON.stringify({ object: 'page', entry: [{ id: PAGE.id, time: 2, messaging: [{ sender: { id: '1' }, recipient: { id: PAGE.id }, timestamp: 2, game_play: {} }] }] });
      assert.equal((await post({ 'x-hub-signature-256': sig(odd) }, odd)).status, 200);
      await eventually('odd event processed', async () => (await count("SELECT count(*)::int AS n FROM inbound_events WHERE status = 'done' AND raw_body LIKE '%game_play%'")) === 1 || undefined);
    });
  });
}
