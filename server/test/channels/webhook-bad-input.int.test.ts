import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startZaloEmulator, type ZaloEmulator } from '../../src/emulators/zalo/index.ts';
import { signZaloWebhook } from '../../src/emulators/zalo/signature.ts';
import { testEngines } from '../fresh-db.ts';
import { startTestServer, type TestServer } from '../test-server.ts';
import { eventually, ZALO } from './reliability-kit.ts';

const PAGE = { id: '222222222222222', token: 'EAApagetokenBadInput' };
const FB_SECRET = 'fb-app-secret-bad-input';

for (const engine of testEngines()) {
  void describe(`webhooks refuse or ignore bad input through the real HTTP route [${engine}]`, () => {
    let server: TestServer;
    let zalo: ZaloEmulator;
    const count = async (sql: string) => Number((await server.db.query<{ n: number }>(sql))[0]!.n);
    const storedEvents = () => count('SELECT count(*)::int AS n FROM inbound_events');
    const fbSig = (b: string | Buffer) => `sha256=${createHmac('sha256', FB_SECRET).update(b).digest('hex')}`;
    const zaloSig = (b: string, timestamp: string) => signZaloWebhook({ appId: ZALO.appId, rawBody: b, timestamp, oaSecretKey: ZALO.oaSecretKey });
    const post = async (channel: string, body: string | Buffer, headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/webhooks/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      return { status: res.status, json: (await res.json().catch(() => null)) as { status?: string; error?: { code: string } } | null };
    };

    before(async () => {
      zalo = await startZaloEmulator({ host: '127.0.0.1', ...ZALO });
      server = await startTestServer({ engine, env: { ZALO_OPENAPI_URL: zalo.url, ZALO_OAUTH_URL: zalo.url, FACEBOOK_GRAPH_URL: zalo.url } });
      await server.admin('channel.add', { channel: 'facebook', unit: '26740', config: { pageId: PAGE.id, pageToken: PAGE.token, appSecret: FB_SECRET, verifyToken: 'verify-bad-input' } });
      const t = zalo.currentTokens();
      await server.admin('channel.add', {
        channel: 'zalo',
        unit: '26800',
        config: { oaId: ZALO.oaId, appId: ZALO.appId, oaSecretKey: ZALO.oaSecretKey, accessToken: t.accessToken, refreshToken: t.refreshToken, appSecret: ZALO.appSecretKey },
      });
    });
    after(async () => {
      await server?.close();
      await zalo?.close();
    });

    test('a body over 1 MB gets 413 BODY_TOO_LARGE and nothing is stored, signed or not', async () => {
      const padding = 'x'.repeat(1024 * 1024 + 1);
      const huge = JSON.stringify({ object: 'page', entry: [{ id: PAGE.id, time: 1, messaging: [{ sender: { id: '9' }, recipient: { id: PAGE.id }, timestamp: 1, message: { mid: 'm.huge', text: padding } }] }] });
      const fb = await post('facebook', huge, { 'x-hub-signature-256': fbSig(huge) });
      assert.equal(fb.status, 413);
      assert.equal(fb.json?.error?.code, 'BODY_TOO_LARGE');
      const zaloHuge = JSON.stringify({ app_id: ZALO.appId, event_name: 'user_send_text', timestamp: '1', sender: { id: '9' }, recipient: { id: ZALO.oaId }, message: { msg_id: 'huge', text: padding } });
      const z = await post('zalo', zaloHuge, { 'x-zevent-signature': zaloSig(zaloHuge, '1') });
      assert.equal(z.status, 413);
      assert.equal(z.json?.error?.code, 'BODY_TOO_LARGE');
      assert.equal(await storedEvents(), 0);
      // The server is still answering afterwards.
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    });

    test('malformed JSON gets 400 BODY_MALFORMED; an empty body too; nothing stored', async () => {
      for (const [channel, body, headers] of [
        ['facebook', '{"object":"page","entry":[', { 'x-hub-signature-256': fbSig('{"object":"page","entry":[') }],
        ['zalo', '{"app_id":', { 'x-zevent-signature': `mac=${'a'.repeat(64)}` }],
        ['zalo', 'not json at all', {}],
        ['facebook', '', { 'x-hub-signature-256': fbSig('') }],
      ] as const) {
        const res = await post(channel, body, headers);
        assert.equal(res.status, 400, `${channel} ${body}`);
        assert.equal(res.json?.error?.code, 'BODY_MALFORMED');
      }
      assert.equal(await storedEvents(), 0);
    });

    test('valid JSON for a Page or OA we do not know is answered 200 "ignored" and not stored', async () => {
      const fb = JSON.stringify({ object: 'page', entry: [{ id: '999999999', time: 1, messaging: [{ sender: { id: '1' }, recipient: { id: '999999999' }, timestamp: 1, message: { mid: 'm.x', text: 'hi' } }] }] });
      const z = JSON.stringify({ app_id: ZALO.appId, event_name: 'user_send_text', timestamp: '5', sender: { id: '1' }, recipient: { id: '123456789' }, message: { msg_id: 'x', text: 'hi' } });
      const noAccount = JSON.stringify({ hello: 'world' });
      for (const [channel, body, headers] of [
        ['facebook', fb, { 'x-hub-signature-256': fbSig(fb) }],
        ['zalo', z, { 'x-zevent-signature': zaloSig(z, '5') }],
        ['zalo', noAccount, {}],
        ['facebook', '[]', {}],
      ] as const) {
        const res = await post(channel, body, headers);
        assert.equal(res.status, 200, `${channel} ${body}`);
        assert.deepEqual(res.json, { status: 'ignored' });
      }
      assert.equal(await storedEvents(), 0);
    });

    test('event types we do not handle are stored, processed without error, and change nothing else', async () => {
      const casesBefore = await count('SELECT count(*)::int AS n FROM cases');
      const fb = JSON.stringify({ object: 'page', entry: [{ id: PAGE.id, time: 3, messaging: [{ sender: { id: '5' }, recipient: { id: PAGE.id }, timestamp: 3, game_play: { game_id: '1' } }], standby: [{ x: 1 }] }] });
      const z = JSON.stringify({ app_id: ZALO.appId, event_name: 'user_reacted_message', timestamp: '7', sender: { id: '5' }, recipient: { id: ZALO.oaId }, message: { msg_id: 'r1', react_icon: '/-heart' } });
      const zUnknownShape = JSON.stringify({ app_id: ZALO.appId, event_name: 'shop_has_order', timestamp: '8', recipient: { id: ZALO.oaId }, order: { id: 1 } });
      assert.deepEqual((await post('facebook', fb, { 'x-hub-signature-256': fbSig(fb) })).json, { status: 'stored' });
      assert.deepEqual((await post('zalo', z, { 'x-zevent-signature': zaloSig(z, '7') })).json, { status: 'stored' });
      assert.deepEqual((await post('zalo', zUnknownShape, { 'x-zevent-signature': zaloSig(zUnknownShape, '8') })).json, { status: 'stored' });
      await eventually('unknown events processed', async () => (await count(`SELECT count(*)::int AS n FROM inbound_events WHERE status = 'done'`)) === 3 || undefined, 15_000);
      assert.equal(await count(`SELECT count(*)::int AS n FROM inbound_events WHERE last_error IS NOT NULL OR attempts <> 1`), 0);
      assert.equal(await count('SELECT count(*)::int AS n FROM cases'), casesBefore);
    });
  });
}
