import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../../../test/fresh-db.ts';
import { groupCommit } from '../../lib/group-commit.ts';
import { insertInboundEvents, type NewInboundEvent } from './inbound-events.repo.ts';

const at = new Date('2026-11-29T08:00:00.000Z');
const event = (key: string, channel = 'zalo'): NewInboundEvent => ({
  channel,
  accountId: 'oa-1',
  dedupKey: key,
  rawBody: `{"k":"${key}"}`,
  at,
});

describeEachEngine('inbound-events.repo: raw deliveries stored in one statement', (ctx) => {
  const stored = async () =>
    ctx().db.query<{
      channel: string;
      dedup_key: string;
      raw_body: string;
      status: string;
      received_at: Date;
      next_attempt_at: Date;
    }>(`SELECT channel, dedup_key, raw_body, status, received_at, next_attempt_at FROM inbound_events ORDER BY id`);

  void test('each delivery stored once, in the order given; redeliveries within the list and from before are reported', async () => {
    assert.deepEqual(await insertInboundEvents(ctx().db, [event('a')]), [true]);
    const result = await insertInboundEvents(ctx().db, [event('b'), event('a'), event('c'), event('b'), event('b', 'facebook')]);
    assert.deepEqual(result, [true, false, true, false, true]);
    const rows = await stored();
    assert.deepEqual(
      rows.map((r) => `${r.channel}:${r.dedup_key}`),
      ['zalo:a', 'zalo:b', 'zalo:c', 'facebook:b'],
    );
    assert.ok(rows.every((r) => r.status === 'pending' && r.raw_body === `{"k":"${r.dedup_key}"}`));
    assert.ok(
      rows.every(
        (r) => new Date(r.received_at).getTime() === at.getTime() && new Date(r.next_attempt_at).getTime() === at.getTime(),
      ),
    );
  });

  void test('group commit: concurrent deliveries share statements and each caller learns its own outcome', async () => {
    let statements = 0;
    const submit = groupCommit({
      write: (events: readonly NewInboundEvent[]) => {
        statements += 1;
        return insertInboundEvents(ctx().db, events);
      },
      maxBatch: 50,
      maxInFlight: 1,
    });
    const keys = Array.from({ length: 120 }, (_, i) => `g-${i % 100}`);
    const outcomes = await Promise.all(keys.map((k) => submit(event(k))));
    assert.equal(outcomes.filter(Boolean).length, 100, 'each distinct delivery stored once');
    assert.ok(statements <= 3, `120 deliveries in ${statements} statements`);
    const rows = await ctx().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbound_events WHERE dedup_key LIKE 'g-%'`);
    assert.equal(rows[0]!.n, 100);
  });

  void test('an empty list stores nothing', async () => {
    const before = (await stored()).length;
    assert.deepEqual(await insertInboundEvents(ctx().db, []), []);
    assert.equal((await stored()).length, before);
  });
});
