import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startZaloEmulator, type ZaloEmulator } from '../../src/emulators/zalo/index.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { testEngines } from '../fresh-db.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../test-server.ts';
import { eventually, ZALO } from './reliability-kit.ts';

const REPLIES_PER_CONVERSATION = 4;

/** Real time plus an offset the test moves forward, so retries with minutes of backoff come due at once. */
function skippingClock(): Clock & { skip(ms: number): void } {
  let offsetMs = 0;
  return { now: () => new Date(Date.now() + offsetMs), skip: (ms) => void (offsetMs += ms) };
}

for (const engine of testEngines()) {
  void describe(`Zalo failing with 5xx, then rate limits, then timeouts: staff replies still arrive once and in order [${engine}]`, () => {
    let server: TestServer;
    let zalo: ZaloEmulator;
    const clock = skippingClock();
    let cookie = '';
    let csrf = '';

    before(async () => {
      // The emulator holds a "timed out" request for two minutes, far longer than this test may wait.
      zalo = await startZaloEmulator({ host: '127.0.0.1', ...ZALO, retry: { delaysMs: [100, 500, 2_000], timeoutMs: 5_000 } });
      server = await startTestServer({ engine, env: { ZALO_OPENAPI_URL: zalo.url, ZALO_OAUTH_URL: zalo.url }, start: { clock, providerTimeoutMs: 1_000 } });
      const t = zalo.currentTokens();
      await server.admin('channel.add', {
        channel: 'zalo',
        unit: '26800',
        config: { oaId: ZALO.oaId, appId: ZALO.appId, oaSecretKey: ZALO.oaSecretKey, accessToken: t.accessToken, refreshToken: t.refreshToken, appSecret: ZALO.appSecretKey },
      });
      zalo.setWebhookUrl(`${server.url}/webhooks/zalo`);
      const login = await fetch(`${server.url}/api/staff/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@gandan.local', password: TEST_PASSWORD }) });
      cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    });
    after(async () => {
      await server?.close();
      await zalo?.close();
    });

    const reply = async (caseId: string, body: string) => {
      const res = await fetch(`${server.url}/api/staff/cases/${caseId}/replies`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
      assert.equal(res.status, 201, await res.text());
    };
    const outbox = (bodies: string[]) =>
      server.db.query<{ body: string; status: string; attempts: number; last_error_code: string | null }>(
        `SELECT m.body, o.status, o.attempts, o.last_error_code FROM outbound_messages o JOIN messages m ON m.id = o.message_id WHERE m.body = ANY($1::text[]) ORDER BY o.seq`,
        [bodies],
      );
    /** Moves the clock past any backoff until `done`, giving the worker (100 ms poll) time to act each step. */
    // Moves the clock on to the next retry, but never while a send is in flight: the hung call runs in real time,
    // and skipping clock time past its 60 s lease would let the message be claimed a second time.
    const drive = (what: string, done: () => Promise<boolean>) =>
      eventually(what, async () => {
        if (await done()) return true;
        const inFlight = await server.db.query("SELECT 1 FROM outbound_messages WHERE status = 'sending' LIMIT 1");
        if (inFlight.length === 0) clock.skip(5 * 60_000);
        return undefined;
      }, 20_000, 150);

    test('every reply is delivered exactly once, in order per conversation, after recover()', { timeout: 120_000 }, async () => {
      const citizens = [zalo.citizenSends({ name: 'Trần Văn Bảy', text: 'Cống trước nhà số 8 bị nghẹt' }), zalo.citizenSends({ name: 'Đỗ Thị Tám', text: 'Rác tồn đọng ở chợ Linh Xuân' })];
      await eventually('both acknowledgements', () => citizens.every((c) => zalo.sentTo(c.userId).length === 1) || undefined, 15_000);
      const caseIds = new Map<string, string>();
      for (const c of citizens) {
        const rows = await server.db.query<{ id: string }>(`SELECT c.id FROM cases c JOIN citizen_identities i ON i.id = c.identity_id WHERE i.external_id = $1`, [c.userId]);
        caseIds.set(c.userId, rows[0]!.id);
      }
      const texts = new Map(citizens.map((c, k) => [c.userId, Array.from({ length: REPLIES_PER_CONVERSATION }, (_, i) => `Trả lời ${i + 1} cho người dân ${k + 1}`)]));
      const heads = [...texts.values()].map((t) => t[0]!);
      const headsFailedWith = (code: string, attempts: number) => async () => {
        const rows = await outbox(heads);
        return rows.length === heads.length && rows.every((r) => r.status === 'queued' && r.attempts >= attempts && r.last_error_code === code);
      };

      zalo.fail({ kind: 'server-error' });
      // Staff keep answering while Zalo is down; replies of one conversation interleave with the other's.
      for (let i = 0; i < REPLIES_PER_CONVERSATION; i++) for (const c of citizens) await reply(caseIds.get(c.userId)!, texts.get(c.userId)![i]!);
      await drive('two 5xx attempts', headsFailedWith('PROVIDER_UNAVAILABLE', 2));

      zalo.fail({ kind: 'rate-limit' });
      await drive('two rate-limited attempts', headsFailedWith('RATE_LIMITED', 4));

      zalo.fail({ kind: 'timeout' });
      await drive('a timed-out attempt', headsFailedWith('NETWORK_ERROR', 5));

      // Nothing but the conversation heads was tried while the provider failed.
      const waiting = (await outbox([...texts.values()].flat())).filter((r) => !heads.includes(r.body));
      assert.ok(waiting.every((r) => r.status === 'queued' && r.attempts === 0), JSON.stringify(waiting));

      zalo.recover();
      const all = [...texts.values()].flat();
      await drive('all replies sent', async () => (await outbox(all)).filter((r) => r.status === 'sent').length === all.length);
      await zalo.settled();

      for (const c of citizens) {
        const got = zalo.sentTo(c.userId).map((m) => m.text ?? '');
        assert.equal(got.length, 1 + REPLIES_PER_CONVERSATION, JSON.stringify(got));
        assert.match(got[0]!, /đã tiếp nhận/);
        assert.deepEqual(got.slice(1), texts.get(c.userId), 'each reply once, in the order staff wrote them');
      }
      const rows = await outbox(all);
      assert.ok(rows.every((r) => r.status === 'sent'));
      // Two 5xx, two 429 and at least one timed-out attempt before the successful one (a slow machine may fit a
      // second timeout in before recover()); the emulator's log above proves each was delivered once.
      assert.ok(rows.filter((r) => heads.includes(r.body)).every((r) => r.attempts >= 6), JSON.stringify(rows));
    });
  });
}
