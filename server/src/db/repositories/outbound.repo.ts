import type { DeliveryStatus } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';
import { notifyCaseChangedSql } from '../live-notify.ts';

export type NewOutbound = {
  mode?: 'message' | 'public_comment' | 'private_reply';
  replyTo?: string | null;
  messageId: string;
  caseId: string;
  channel: string;
  channelAccount: string;
  recipientId: string | null;
  conversationKey: string;
  idempotencyKey: string;
  maxAttempts?: number;
  at: Date;
};

export async function insertOutbound(q: Queryable, o: NewOutbound): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO outbound_messages (message_id, case_id, channel, channel_account, recipient_id, conversation_key,
                                    idempotency_key, status, max_attempts, next_attempt_at, created_at, mode, reply_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $9, $9, $10, $11) RETURNING id`,
    [o.messageId, o.caseId, o.channel, o.channelAccount, o.recipientId, o.conversationKey, o.idempotencyKey, o.maxAttempts ?? 8, o.at, o.mode ?? 'message', o.replyTo ?? null],
  );
  return rows[0]!.id;
}

export type ClaimedOutbound = {
  id: string;
  caseId: string;
  channel: string;
  channelAccount: string;
  recipientId: string | null;
  idempotencyKey: string;
  attempts: number;
  maxAttempts: number;
  body: string;
  messageKind: 'citizen' | 'acknowledgement' | 'reply' | 'notification';
  lastCitizenMessageAt: Date | null;
  lockedBy: string;
  mode: 'message' | 'public_comment' | 'private_reply';
  replyTo: string | null;
};

/**
 * Claims up to `limit` due messages for this worker: queued and due, or stuck in 'sending' past their lease
 * (a crashed worker). A message waits while an earlier one of its conversation is unsent, so citizens get
 * replies in order. SKIP LOCKED lets several workers on PostgreSQL claim disjoint sets. `excludeIds` are the
 * messages the caller still has in flight: never claimed again by it, even past their lease.
 */
export async function claimDueOutbound(
  q: Queryable,
  opts: { now: Date; limit: number; workerId: string; leaseMs: number; excludeIds: readonly string[] },
): Promise<ClaimedOutbound[]> {
  const rows = await q.query<{
    id: string;
    case_id: string;
    channel: string;
    channel_account: string;
    recipient_id: string | null;
    idempotency_key: string;
    attempts: number;
    max_attempts: number;
    body: string;
    kind: ClaimedOutbound['messageKind'];
    last_citizen_message_at: Date | null;
    locked_by: string;
    mode: ClaimedOutbound['mode'];
    reply_to: string | null;
  }>(
    `WITH due AS (
       SELECT m.id FROM outbound_messages m
        WHERE ((m.status = 'queued' AND m.next_attempt_at <= $1) OR (m.status = 'sending' AND m.locked_until < $1))
          AND m.id <> ALL($5::uuid[])
          AND NOT EXISTS (SELECT 1 FROM outbound_messages e
                           WHERE e.conversation_key = m.conversation_key AND e.seq < m.seq
                             AND e.status IN ('queued', 'sending', 'held'))
        ORDER BY m.next_attempt_at, m.seq
        LIMIT $2
        FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE outbound_messages o
          SET status = 'sending', attempts = o.attempts + 1, locked_by = $3,
              locked_until = $1::timestamptz + ($4::int * interval '1 millisecond')
         FROM due WHERE o.id = due.id
       RETURNING o.*
     )
     SELECT claimed.*, msg.body, msg.kind, c.last_citizen_message_at
       FROM claimed
       JOIN messages msg ON msg.id = claimed.message_id
       JOIN cases c ON c.id = claimed.case_id
      ORDER BY claimed.seq`,
    [opts.now, opts.limit, opts.workerId, opts.leaseMs, opts.excludeIds],
    { name: 'outbound.claim-v3' },
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    channel: r.channel,
    channelAccount: r.channel_account,
    recipientId: r.recipient_id,
    idempotencyKey: r.idempotency_key,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    body: r.body,
    messageKind: r.kind,
    lastCitizenMessageAt: r.last_citizen_message_at,
    lockedBy: r.locked_by,
    mode: r.mode,
    replyTo: r.reply_to,
  }));
}

/**
 * Records the outcome of an attempt. Only the worker holding the claim may record it (fencing): if its lease
 * expired and another worker took the message over, this returns false and changes nothing.
 */
export async function recordOutboundOutcome(
  q: Queryable,
  id: string,
  workerId: string,
  outcome:
    | { status: 'sent'; providerMessageId: string | null; at: Date }
    | { status: 'queued'; nextAttemptAt: Date; code: string; detail: string | null }
    | { status: 'dead' | 'held'; code: string; detail: string | null },
): Promise<boolean> {
  let rows: { id: string }[];
  if (outcome.status === 'sent') {
    rows = await q.query(
      `WITH u AS (UPDATE outbound_messages SET status = 'sent', provider_message_id = $3, sent_at = $4, locked_until = NULL
        WHERE id = $1 AND locked_by = $2 AND status = 'sending' RETURNING id, case_id)
       SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
      [id, workerId, outcome.providerMessageId, outcome.at],
    );
  } else if (outcome.status === 'queued') {
    rows = await q.query(
      `WITH u AS (UPDATE outbound_messages SET status = 'queued', next_attempt_at = $3, last_error_code = $4, last_error = $5, locked_until = NULL
        WHERE id = $1 AND locked_by = $2 AND status = 'sending' RETURNING id, case_id)
       SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
      [id, workerId, outcome.nextAttemptAt, outcome.code, outcome.detail],
    );
  } else {
    rows = await q.query(
      `WITH u AS (UPDATE outbound_messages SET status = $3, last_error_code = $4, last_error = $5, locked_until = NULL
        WHERE id = $1 AND locked_by = $2 AND status = 'sending' RETURNING id, case_id)
       SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
      [id, workerId, outcome.status, outcome.code, outcome.detail],
    );
  }
  return rows.length === 1;
}

/**
 * Records several successful sends in one statement (the common case of a delivery batch). Returns the ids
 * actually updated; a message whose lease this worker lost is left alone, as in `recordOutboundOutcome`.
 */
export async function recordOutboundSent(
  q: Queryable,
  workerId: string,
  sent: readonly { id: string; providerMessageId: string | null }[],
  at: Date,
): Promise<string[]> {
  if (sent.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `WITH u AS (UPDATE outbound_messages o SET status = 'sent', provider_message_id = s.provider_id, sent_at = $3, locked_until = NULL
       FROM unnest($2::uuid[], $4::text[]) AS s(id, provider_id)
      WHERE o.id = s.id AND o.locked_by = $1 AND o.status = 'sending'
     RETURNING o.id, o.case_id)
     SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
    [workerId, sent.map((x) => x.id), at, sent.map((x) => x.providerMessageId)],
    { name: 'outbound.record-sent' },
  );
  return rows.map((r) => r.id);
}

/** Puts a dead or held message back in the queue (staff "retry"), with a fresh attempt budget. */
export async function requeueOutbound(q: Queryable, id: string, at: Date): Promise<boolean> {
  const rows = await q.query(
    `WITH u AS (UPDATE outbound_messages SET status = 'queued', attempts = 0, next_attempt_at = $2, locked_by = NULL, locked_until = NULL
      WHERE id = $1 AND status IN ('dead', 'held') RETURNING id, case_id)
     SELECT u.id, ${notifyCaseChangedSql('u.case_id', "'delivery.updated'")}::text AS notified FROM u`,
    [id, at],
  );
  return rows.length === 1;
}

export type OutboxRow = {
  id: string;
  caseId: string;
  unitId: string;
  trackingCode: string;
  channel: string;
  status: DeliveryStatus;
  attempts: number;
  lastErrorCode: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
};

/** Outgoing messages in a unit subtree with the given statuses (the console's dead-letter view). */
export async function listOutbox(q: Queryable, scopePath: string, statuses: readonly DeliveryStatus[], limit: number): Promise<OutboxRow[]> {
  const rows = await q.query<{
    id: string;
    case_id: string;
    unit_id: string;
    tracking_code: string;
    channel: string;
    status: DeliveryStatus;
    attempts: number;
    last_error_code: string | null;
    created_at: Date;
    next_attempt_at: Date;
  }>(
    `SELECT o.id, o.case_id, c.unit_id, c.tracking_code, o.channel, o.status, o.attempts, o.last_error_code, o.created_at, o.next_attempt_at
       FROM outbound_messages o JOIN cases c ON c.id = o.case_id JOIN units u ON u.id = c.unit_id
      WHERE o.status = ANY($2::text[]) AND (u.path = $1 OR u.path LIKE $1 || '/%')
      ORDER BY o.created_at DESC LIMIT $3`,
    [scopePath, statuses, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    unitId: r.unit_id,
    trackingCode: r.tracking_code,
    channel: r.channel,
    status: r.status,
    attempts: r.attempts,
    lastErrorCode: r.last_error_code,
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
  }));
}

export async function findOutboundScope(q: Queryable, id: string): Promise<{ unitId: string; status: DeliveryStatus } | undefined> {
  const rows = await q.query<{ unit_id: string; status: DeliveryStatus }>(
    'SELECT c.unit_id, o.status FROM outbound_messages o JOIN cases c ON c.id = o.case_id WHERE o.id = $1',
    [id],
  );
  return rows[0] ? { unitId: rows[0].unit_id, status: rows[0].status } : undefined;
}

/** Counts per status, for /metrics. */
export async function countOutboundByStatus(q: Queryable): Promise<Record<string, number>> {
  const rows = await q.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM outbound_messages GROUP BY status');
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
