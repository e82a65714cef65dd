import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startZaloEmulator, type ZaloEmulator } from '../../src/emulators/zalo/index.ts';
import { freshDb, type FreshDb } from '../fresh-db.ts';
import {
  addZaloChannel,
  citizenTextWebhook,
  eventually,
  forEachBounded,
  postZalo,
  SECRET_KEY,
  shuffle,
  startGandanProcess,
  waitForChannel,
  ZALO,
  type GandanProcess,
  type SignedWebhook,
} from './reliability-kit.ts';

const EVENTS = 1_000;
const COPIES = 3;

// Two server processes on one database: PostgreSQL only. PGlite is an in-process database that one process
// opens at a time (the data directory is locked), so this scenario does not exist there.
const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl && process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set: this PostgreSQL test cannot be skipped in CI');

void describe('1,000 citizen messages, each delivered 3 times in shuffled order to two server processes [postgres]', { skip: !pgUrl && 'needs TEST_DATABASE_URL' }, () => {
  let fresh: FreshDb;
  let zalo: ZaloEmulator;
  const servers: GandanProcess[] = [];

  before(async () => {
    fresh = await freshDb('postgres');
    zalo = await startZaloEmulator({ host: '127.0.0.1', ...ZALO, retry: { delaysMs: [200, 1_000, 3_000], timeoutMs: 10_000 } });
    const env = { DATABASE_URL: fresh.url!, GANDAN_SECRET_KEY: SECRET_KEY, GANDAN_ROLE: 'all', ZALO_OPENAPI_URL: zalo.url, ZALO_OAUTH_URL: zalo.url, FACEBOOK_GRAPH_URL: zalo.url };
    // One after the other: the first run seeds the city.
    servers.push(await startGandanProcess(env));
    servers.push(await startGandanProcess(env));
    addZaloChannel(zalo, { DATABASE_URL: fresh.url!, GANDAN_SECRET_KEY: SECRET_KEY });
    await waitForChannel(servers.map((s) => s.url));
    // Zalo's echoes of our acknowledgements and its delivery receipts go to the first process.
    zalo.setWebhookUrl(`${servers[0]!.url}/webhooks/zalo`);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await zalo?.close();
    await fresh?.drop();
  });

  test('exactly 1,000 messages, cases and acknowledgements; nothing sent twice', { timeout: 180_000 }, async () => {
    const webhooks: SignedWebhook[] = Array.from({ length: EVENTS }, (_, n) => citizenTextWebhook(zalo, n, `Phản ánh số ${n}: đèn đường hẻm ${n % 97} Võ Văn Ngân không sáng`));
    const deliveries = shuffle(webhooks.flatMap((w) => Array.from({ length: COPIES }, () => w)));
    const outcomes: Record<string, number> = {};
    await forEachBounded(deliveries, 32, async (w, i) => {
      const res = await postZalo(servers[i % 2]!.url, w);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      const kind = (res.json as { status: string }).status;
      outcomes[kind] = (outcomes[kind] ?? 0) + 1;
    });
    assert.deepEqual(outcomes, { stored: EVENTS, duplicate: EVENTS * (COPIES - 1) }, 'the same bytes are stored once');

    const q = async (sql: string) => Number((await fresh.db.query<{ n: number }>(sql))[0]!.n);
    await eventually('1,000 acknowledgements at Zalo', () => zalo.state.messages.filter((m) => m.direction === 'outbound').length >= EVENTS || undefined, 120_000, 250);
    await eventually('outbox drained', async () => (await q(`SELECT count(*)::int AS n FROM outbound_messages WHERE status <> 'sent'`)) === 0 || undefined, 30_000);
    await zalo.settled();
    await eventually('echoes and receipts processed', async () => (await q(`SELECT count(*)::int AS n FROM inbound_events WHERE status <> 'done'`)) === 0 || undefined, 30_000);

    assert.equal(await q(`SELECT count(*)::int AS n FROM messages WHERE direction = 'in' AND channel = 'zalo'`), EVENTS);
    assert.equal(await q(`SELECT count(*)::int AS n FROM cases WHERE channel = 'zalo'`), EVENTS);
    assert.equal(await q(`SELECT count(*)::int AS n FROM outbound_messages`), EVENTS);
    assert.equal(await q(`SELECT count(*)::int AS n FROM outbound_messages WHERE status = 'sent'`), EVENTS);
    assert.equal(await q(`SELECT count(*)::int AS n FROM inbound_events WHERE status = 'failed'`), 0);

    const codes = new Map(
      (
        await fresh.db.query<{ external_id: string; tracking_code: string }>(
          `SELECT i.external_id, c.tracking_code FROM cases c JOIN citizen_identities i ON i.id = c.identity_id WHERE c.channel = 'zalo'`,
        )
      ).map((r) => [r.external_id, r.tracking_code]),
    );
    const outbound = zalo.state.messages.filter((m) => m.direction === 'outbound');
    assert.equal(outbound.length, EVENTS, 'no acknowledgement sent twice');
    for (const w of webhooks) {
      const sent = zalo.sentTo(w.userId);
      assert.equal(sent.length, 1, `one acknowledgement for ${w.userId}`);
      const code = codes.get(w.userId);
      assert.ok(code, `a case for ${w.userId}`);
      assert.ok(sent[0]!.text?.includes(code), `the acknowledgement carries ${code}`);
    }
    for (const s of servers) assert.equal(s.child.exitCode, null, `server still running:\n${s.output()}`);
  });
});
