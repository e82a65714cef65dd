import type { Queryable } from '../client.ts';

export type NewInboundEvent = { channel: string; accountId: string; dedupKey: string; rawBody: string; at: Date };

/**
 * Stores raw webhook deliveries in one statement (one commit for the lot: see `groupCommit`), in the order
 * given. For each, false when the same bytes were stored before or earlier in the same list (a redelivery).
 */
export async function insertInboundEvents(q: Queryable, events: readonly NewInboundEvent[]): Promise<boolean[]> {
  const firstOfKey = new Map<string, number>();
  events.forEach((e, i) => {
    const key = `${e.channel}\n${e.dedupKey}`;
    if (!firstOfKey.has(key)) firstOfKey.set(key, i);
  });
  const unique = [...firstOfKey.values()].map((i) => events[i]!);
  const rows = await q.query<{ channel: string; dedup_key: string }>(
    `INSERT INTO inbound_events (channel, account_id, dedup_key, raw_body, received_at, next_attempt_at)
     SELECT channel, account_id, dedup_key, raw_body, received_at, received_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
            WITH ORDINALITY AS t (channel, account_id, dedup_key, raw_body, received_at, ord)
      ORDER BY ord
     ON CONFLICT (channel, dedup_key) DO NOTHING
     RETURNING channel, dedup_key`,
    [
      unique.map((e) => e.channel),
      unique.map((e) => e.accountId),
      unique.map((e) => e.dedupKey),
      unique.map((e) => e.rawBody),
      unique.map((e) => e.at.toISOString()),
    ],
    { name: 'inbound.insert_many' },
  );
  const stored = new Set(rows.map((r) => firstOfKey.get(`${r.channel}\n${r.dedup_key}`)));
  return events.map((_, i) => stored.has(i));
}

export type ClaimedInbound = { id: number; channel: string; accountId: string; rawBody: string; attempts: number };

/** Claims due raw events (oldest first) under a lease, like the outbox. */
export async function claimInboundEvents(q: Queryable, opts: { now: Date; limit: number; workerId: string; leaseMs: number }): Promise<ClaimedInbound[]> {
  const rows = await q.query<{ id: number; channel: string; account_id: string; raw_body: string; attempts: number }>(
    `UPDATE inbound_events e
        SET status = 'processing', attempts = e.attempts + 1, locked_by = $3,
            locked_until = $1::timestamptz + ($4::int * interval '1 millisecond')
       FROM (SELECT id FROM inbound_events
              WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'processing' AND locked_until < $1)
              ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) due
      WHERE e.id = due.id
     RETURNING e.id, e.channel, e.account_id, e.raw_body, e.attempts`,
    [opts.now, opts.limit, opts.workerId, opts.leaseMs],
    { name: 'inbound.claim' },
  );
  return rows
    .map((r) => ({ id: r.id, channel: r.channel, accountId: r.account_id, rawBody: r.raw_body, attempts: r.attempts }))
    .sort((a, b) => a.id - b.id);
}

/** Marks processed deliveries done in one statement (only those this worker still holds). */
export async function finishInboundEventsDone(q: Queryable, ids: readonly number[], workerId: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await q.query(`UPDATE inbound_events SET status = 'done', processed_at = $3, locked_until = NULL WHERE id = ANY($1::bigint[]) AND locked_by = $2`, [ids, workerId, at], {
    name: 'inbound_events_done',
  });
}

export async function finishInboundEvent(
  q: Queryable,
  id: number,
  workerId: string,
  outcome: { status: 'done'; at: Date } | { status: 'pending'; nextAttemptAt: Date; error: string } | { status: 'failed'; error: string; at: Date },
): Promise<void> {
  if (outcome.status === 'done') {
    await q.query(`UPDATE inbound_events SET status = 'done', processed_at = $3, locked_until = NULL WHERE id = $1 AND locked_by = $2`, [id, workerId, outcome.at]);
  } else if (outcome.status === 'pending') {
    await q.query(
      `UPDATE inbound_events SET status = 'pending', next_attempt_at = $3, last_error = $4, locked_until = NULL WHERE id = $1 AND locked_by = $2`,
      [id, workerId, outcome.nextAttemptAt, outcome.error],
    );
  } else {
    await q.query(
      `UPDATE inbound_events SET status = 'failed', last_error = $3, processed_at = $4, locked_until = NULL WHERE id = $1 AND locked_by = $2`,
      [id, workerId, outcome.error, outcome.at],
    );
  }
}
