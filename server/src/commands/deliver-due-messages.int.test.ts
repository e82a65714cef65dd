import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { z } from 'zod';
import type { ChannelAdapter } from '../channels/channel.ts';
import type { OutboundMessage, SendResult } from '../domain/message/message.ts';
import { manualClock } from '../lib/clock.ts';
import { describeEachEngine } from '../../test/fresh-db.ts';
import { buildTestApp, START, type TestApp } from '../../test/build-test-app.ts';
import { cryptoRandom, type CommandContext } from './context.ts';
import { deliverDueMessages, deliveryPump, type DeliveryDeps } from './deliver-due-messages.ts';
import { openCase } from './open-case.ts';

/** A channel whose answers the test scripts: one queued result per call, then 'sent'. */
function scriptedChannel(script: SendResult[]) {
  const calls: OutboundMessage[] = [];
  const adapter = {
    id: 'portal',
    capabilities: { usesAccounts: false, freeReplyWindowMs: null, replyModes: ['message'], privateReplyWindowMs: null, replyWindowMs: null, humanReplyWindowMs: null, canPushMessages: true, images: false, files: false, deliveryReceipts: false, maxTextLength: 2000 },
    configSchema: z.object({}),
    verifyWebhook: () => false,
    webhookAccountIds: () => [],
    parseWebhook: () => [],
    send: async (m: OutboundMessage): Promise<SendResult> => {
      calls.push(m);
      return script.shift() ?? { kind: 'sent', providerMessageId: `p-${calls.length}` };
    },
  } satisfies ChannelAdapter<Record<string, never>>;
  return { adapter: adapter as unknown as ChannelAdapter<never>, calls };
}

function deps(t: TestApp, clock: ReturnType<typeof manualClock>, adapter: ChannelAdapter<never>, workerId = 'w1', random = 0.5): DeliveryDeps {
  const ctx: CommandContext = { ...t.ctx, clock, random: { ...cryptoRandom, unit: () => random } };
  return { ...ctx, workerId, findChannel: () => adapter, sendContext: async () => ({ config: {} as never, http: fetch, baseUrls: { facebookGraphUrl: '', zaloOpenApiUrl: '', zaloOAuthUrl: '' }, now: () => clock.now() }) };
}

async function outbound(t: TestApp, caseId: string) {
  return t.ctx.db.query<{ status: string; attempts: number; next_attempt_at: Date; last_error_code: string | null; provider_message_id: string | null }>(
    'SELECT status, attempts, next_attempt_at, last_error_code, provider_message_id FROM outbound_messages WHERE case_id = $1 ORDER BY seq',
    [caseId],
  );
}

async function newCase(t: TestApp, clock = t.clock) {
  return openCase({ ...t.ctx, clock }, { text: 'Rác tràn ra đường', unitCode: '26740', channel: 'portal', intakeMethod: 'portal', locale: 'vi' });
}

describeEachEngine('delivery worker', (db) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(db());
    // Earlier tests' messages must not interfere: each test drains what it queued.
  });

  test('a transient failure is retried with backoff, then delivered once', async () => {
    const clock = manualClock(START);
    const opened = await newCase(t, clock);
    const { adapter, calls } = scriptedChannel([{ kind: 'retry', code: 'PROVIDER_5XX' }, { kind: 'retry', code: 'PROVIDER_5XX', afterMs: 60_000 }]);
    const d = deps(t, clock, adapter);
    assert.equal(await deliverDueMessages(d), 1);
    let [row] = await outbound(t, opened.caseId);
    assert.equal(row?.status, 'queued');
    assert.equal(row?.attempts, 1);
    assert.equal(row?.last_error_code, 'PROVIDER_5XX');
    // attempt 1, random 0.5 → 1.5 s
    assert.equal(row!.next_attempt_at.getTime() - START.getTime(), 1_500);
    assert.equal(await deliverDueMessages(d), 0, 'not due yet');
    clock.advance(1_500);
    assert.equal(await deliverDueMessages(d), 1);
    [row] = await outbound(t, opened.caseId);
    // the provider asked for 60 s, longer than our 3 s
    assert.equal(row!.next_attempt_at.getTime() - clock.now().getTime(), 60_000);
    clock.advance(60_000);
    assert.equal(await deliverDueMessages(d), 1);
    [row] = await outbound(t, opened.caseId);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 3);
    assert.equal(row?.provider_message_id, 'p-3');
    assert.equal(new Set(calls.map((c) => c.idempotencyKey)).size, 1, 'the same idempotency key on every attempt');
    assert.match(calls[0]!.text, /Mã hồ sơ: GD-/);
    clock.advance(3_600_000);
    assert.equal(await deliverDueMessages(d), 0, 'nothing is sent twice');
  });

  test('a permanent failure goes to the dead-letter state; retry from the console sends it', async () => {
    const clock = manualClock(START);
    const opened = await newCase(t, clock);
    const { adapter } = scriptedChannel([{ kind: 'failed', code: 'RECIPIENT_BLOCKED' }]);
    await deliverDueMessages(deps(t, clock, adapter));
    let [row] = await outbound(t, opened.caseId);
    assert.equal(row?.status, 'dead');
    assert.equal(row?.last_error_code, 'RECIPIENT_BLOCKED');
    const officer = await t.login('canbo.saigon@gandan.local');
    const admin = await t.login('truongphong.saigon@gandan.local');
    const list = await t.app.inject({ url: '/api/staff/outbox?status=dead', headers: officer.headers });
    assert.ok((list.json() as { caseId: string }[]).some((o) => o.caseId === opened.caseId));
    const id = (list.json() as { id: string; caseId: string }[]).find((o) => o.caseId === opened.caseId)!.id;
    const denied = await t.app.inject({ method: 'POST', url: `/api/staff/outbox/${id}/retry`, headers: officer.headers });
    assert.equal(denied.statusCode, 403, 'officers see dead letters, unit admins retry them');
    const retried = await t.app.inject({ method: 'POST', url: `/api/staff/outbox/${id}/retry`, headers: admin.headers });
    assert.equal(retried.statusCode, 204, retried.body);
    const again = await t.app.inject({ method: 'POST', url: `/api/staff/outbox/${id}/retry`, headers: admin.headers });
    assert.equal(again.statusCode, 409);
    await deliverDueMessages(deps(t, t.clock, adapter));
    [row] = await outbound(t, opened.caseId);
    assert.equal(row?.status, 'sent');
  });

  test('retries stop after the attempt budget: the message is dead, not lost', async () => {
    const clock = manualClock(START);
    const opened = await newCase(t, clock);
    const { adapter, calls } = scriptedChannel(Array.from({ length: 20 }, () => ({ kind: 'retry' as const, code: 'TIMEOUT' })));
    const d = deps(t, clock, adapter);
    for (let i = 0; i < 12; i++) {
      await deliverDueMessages(d);
      clock.advance(60 * 60_000);
    }
    const [row] = await outbound(t, opened.caseId);
    assert.equal(row?.status, 'dead');
    assert.equal(row?.attempts, 8);
    assert.equal(calls.length, 8);
  });

  test('held messages stay held (not sent, not dropped) until retried', async () => {
    const clock = manualClock(START);
    const opened = await newCase(t, clock);
    const { adapter } = scriptedChannel([{ kind: 'held', code: 'TOKEN_EXPIRED' }]);
    await deliverDueMessages(deps(t, clock, adapter));
    clock.advance(24 * 3_600_000);
    assert.equal(await deliverDueMessages(deps(t, clock, adapter)), 0);
    const [row] = await outbound(t, opened.caseId);
    assert.equal(row?.status, 'held');
    assert.equal(row?.last_error_code, 'TOKEN_EXPIRED');
  });

  test('replies of one conversation go out in order even when the first one fails for a while', async () => {
    const clock = manualClock(START);
    const opened = await newCase(t, clock);
    const officer = await t.login('canbo.saigon@gandan.local');
    for (const body of ['Trả lời 1', 'Trả lời 2']) {
      const r = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${opened.caseId}/replies`, headers: officer.headers, payload: { body } });
      assert.equal(r.statusCode, 201);
    }
    const { adapter, calls } = scriptedChannel([{ kind: 'retry', code: 'PROVIDER_5XX' }]);
    const d = deps(t, clock, adapter);
    await deliverDueMessages(d);
    assert.equal(calls.length, 1, 'later messages wait for the failed acknowledgement');
    clock.advance(10 * 60_000);
    while ((await deliverDueMessages(d)) > 0) clock.advance(1);
    const texts = calls.filter((c) => c.idempotencyKey).map((c) => c.text.slice(0, 9));
    assert.deepEqual(texts.slice(1), ['UBND Phườ', 'Trả lời 1', 'Trả lời 2']);
  });

  test('a worker that crashed mid-send loses its claim after the lease; its late outcome is refused', async () => {
    const clock = manualClock(START);
    const opened = await newCase(t, clock);
    const slow = scriptedChannel([]);
    // Worker A claims and "crashes" (we never record its outcome); B takes over after the 60 s lease.
    const claimedByA = await t.ctx.db.transaction(async (tx) => {
      const { claimDueOutbound } = await import('../db/repositories/outbound.repo.ts');
      return claimDueOutbound(tx, { now: clock.now(), limit: 10, workerId: 'A', leaseMs: 60_000, excludeIds: [] });
    });
    const mine = claimedByA.find((m) => m.caseId === opened.caseId)!;
    assert.ok(mine);
    assert.equal(await deliverDueMessages(deps(t, clock, slow.adapter, 'B')), 0, 'claimed by A');
    clock.advance(60_001);
    assert.equal(await deliverDueMessages(deps(t, clock, slow.adapter, 'B')), 1);
    const { recordOutboundOutcome } = await import('../db/repositories/outbound.repo.ts');
    assert.equal(await recordOutboundOutcome(t.ctx.db, mine.id, 'A', { status: 'dead', code: 'LATE', detail: null }), false);
    const [row] = await outbound(t, opened.caseId);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 2);
  });
});

describeEachEngine('delivery worker concurrency', (db) => {
  test('four workers in parallel deliver 300 acknowledgements exactly once each', async () => {
    const t = await buildTestApp(db());
    const clock = manualClock(START);
    for (let i = 0; i < 300; i++) await newCase(t, clock);
    const { adapter, calls } = scriptedChannel([]);
    const worker = async (id: string) => {
      while ((await deliverDueMessages(deps(t, clock, adapter, id), 7)) > 0);
    };
    await Promise.all(['w1', 'w2', 'w3', 'w4'].map(worker));
    const keys = calls.map((c) => c.idempotencyKey);
    assert.equal(keys.length, 300);
    assert.equal(new Set(keys).size, 300);
    const [{ n }] = (await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbound_messages WHERE status = 'sent'")) as [{ n: number }];
    assert.equal(n, 300);
  });
});

describeEachEngine('delivery pump (the worker outbox)', (db) => {
  /** A channel whose first send hangs until released; every other send succeeds at once. */
  function firstSendHangs() {
    const calls: OutboundMessage[] = [];
    let release: () => void = () => undefined;
    const hung = new Promise<void>((r) => (release = r));
    const { adapter } = scriptedChannel([]);
    const hanging = {
      ...(adapter as unknown as ChannelAdapter<Record<string, never>>),
      send: async (m: OutboundMessage): Promise<SendResult> => {
        calls.push(m);
        if (calls.length === 1) await hung;
        return { kind: 'sent', providerMessageId: `p-${calls.length}` };
      },
    };
    return { adapter: hanging as unknown as ChannelAdapter<never>, calls, release: () => release() };
  }

  test('a provider call that hangs holds back only its own message, and is never claimed twice meanwhile', async () => {
    const t = await buildTestApp(db());
    const clock = manualClock(START);
    const slowCase = await newCase(t, clock);
    const { adapter, calls, release } = firstSendHangs();
    const errors: unknown[] = [];
    const pump = deliveryPump({ ...deps(t, clock, adapter, 'pump'), onError: (err) => errors.push(err) });
    let wakes = 0;
    pump.attach(() => (wakes += 1));

    assert.equal(await pump.run(10), 1, 'the first acknowledgement is claimed; its send hangs');
    const fastCases = [await newCase(t, clock), await newCase(t, clock)];
    assert.equal(await pump.run(10), 2, 'later acknowledgements are claimed while it hangs');
    for (const c of fastCases) await eventuallyStatus(t, c.caseId, 'sent');
    assert.equal((await outbound(t, slowCase.caseId))[0]?.status, 'sending');

    // Past the hanging message's lease: another process could take it over, this pump never does.
    clock.advance(LEASE_PLUS);
    assert.equal(await pump.run(10), 0);
    assert.equal(calls.length, 3);

    release();
    await pump.settle();
    assert.equal((await outbound(t, slowCase.caseId))[0]?.status, 'sent');
    assert.equal(calls.length, 3, 'each message sent once');
    assert.equal(new Set(calls.map((c) => c.idempotencyKey)).size, 3);
    assert.ok(wakes >= 3, 'each settled send wakes the loop');
    assert.deepEqual(errors, []);
  });

  test('at capacity, run waits for a send to settle before claiming more', async () => {
    const t = await buildTestApp(db());
    const clock = manualClock(START);
    const first = await newCase(t, clock);
    const { adapter, release } = firstSendHangs();
    const pump = deliveryPump({ ...deps(t, clock, adapter, 'pump-1'), onError: (err) => assert.fail(String(err)) });
    assert.equal(await pump.run(1), 1);
    const second = await newCase(t, clock);
    let claimedSecond: number | undefined;
    const next = pump.run(1).then((n) => (claimedSecond = n));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(claimedSecond, undefined, 'no room: nothing claimed while the first send hangs');
    release();
    assert.equal(await next, 1);
    await pump.settle();
    assert.equal((await outbound(t, first.caseId))[0]?.status, 'sent');
    assert.equal((await outbound(t, second.caseId))[0]?.status, 'sent');
  });

  async function eventuallyStatus(t: TestApp, caseId: string, status: string) {
    for (let i = 0; i < 100; i++) {
      if ((await outbound(t, caseId))[0]?.status === status) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.fail(`case ${caseId}: outbound never ${status}`);
  }
});

const LEASE_PLUS = 60_001;
