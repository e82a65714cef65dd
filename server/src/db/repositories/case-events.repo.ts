import type { TimelineKind } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';
import { notifyCaseChangedSql } from '../live-notify.ts';

export type NewCaseEvent = {
  caseId: string;
  kind: TimelineKind;
  actorType: 'citizen' | 'staff' | 'system';
  actorId: string | null;
  messageId?: string | null;
  visibility: 'public' | 'internal';
  data?: Record<string, unknown>;
  at: Date;
  /** A unit that stops reading the case with this change: its open consoles are told too (live updates). */
  alsoNotifyUnitId?: string;
};

/**
 * Appends to the case timeline (append-only: the table refuses updates and deletes) and, in the same statement,
 * tells open consoles on commit (ids and kind only).
 */
export async function appendCaseEvent(q: Queryable, e: NewCaseEvent): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `WITH e AS (
       INSERT INTO case_events (case_id, kind, actor_type, actor_id, message_id, visibility, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING id, case_id, kind
     )
     SELECT e.id, ${notifyCaseChangedSql('e.case_id', 'e.kind', '$9::uuid')}::text AS notified FROM e`,
    [e.caseId, e.kind, e.actorType, e.actorId, e.messageId ?? null, e.visibility, JSON.stringify(e.data ?? {}), e.at, e.alsoNotifyUnitId ?? null],
  );
  return rows[0]!.id;
}

export type TimelineRow = {
  id: number;
  kind: TimelineKind;
  actorType: 'citizen' | 'staff' | 'system';
  actorName: string | null;
  visibility: 'public' | 'internal';
  data: Record<string, unknown>;
  createdAt: Date;
  message: {
    id: string;
    direction: 'in' | 'out';
    kind: 'citizen' | 'acknowledgement' | 'reply' | 'notification';
    channel: string;
    body: string;
    delivery: { status: string; attempts: number; lastErrorCode: string | null; sentAt: Date | null } | null;
  } | null;
};

/** The whole timeline of a case, oldest first, with message bodies and delivery states. */
export async function listTimeline(q: Queryable, caseId: string): Promise<TimelineRow[]> {
  const rows = await q.query<{
    id: number;
    kind: TimelineKind;
    actor_type: 'citizen' | 'staff' | 'system';
    actor_name: string | null;
    visibility: 'public' | 'internal';
    data: Record<string, unknown>;
    created_at: Date;
    message_id: string | null;
    m_direction: 'in' | 'out' | null;
    m_kind: 'citizen' | 'acknowledgement' | 'reply' | 'notification' | null;
    m_channel: string | null;
    m_body: string | null;
    o_status: string | null;
    o_attempts: number | null;
    o_last_error_code: string | null;
    o_sent_at: Date | null;
  }>(
    `SELECT e.id, e.kind, e.actor_type, e.visibility, e.data, e.created_at, e.message_id,
            coalesce(s.name, ci.display_name) AS actor_name,
            m.direction AS m_direction, m.kind AS m_kind, m.channel AS m_channel, m.body AS m_body,
            o.status AS o_status, o.attempts AS o_attempts, o.last_error_code AS o_last_error_code, o.sent_at AS o_sent_at
       FROM case_events e
       LEFT JOIN staff_users s ON e.actor_type = 'staff' AND s.id = e.actor_id
       LEFT JOIN citizens ci ON e.actor_type = 'citizen' AND ci.id = e.actor_id
       LEFT JOIN messages m ON m.id = e.message_id
       LEFT JOIN outbound_messages o ON o.message_id = e.message_id
      WHERE e.case_id = $1
      ORDER BY e.id`,
    [caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    actorType: r.actor_type,
    actorName: r.actor_name,
    visibility: r.visibility,
    data: r.data,
    createdAt: r.created_at,
    message:
      r.message_id && r.m_direction && r.m_kind && r.m_channel !== null && r.m_body !== null
        ? {
            id: r.message_id,
            direction: r.m_direction,
            kind: r.m_kind,
            channel: r.m_channel,
            body: r.m_body,
            delivery: r.o_status
              ? { status: r.o_status, attempts: r.o_attempts ?? 0, lastErrorCode: r.o_last_error_code, sentAt: r.o_sent_at }
              : null,
          }
        : null,
  }));
}

/** Public replies of a case (acknowledgements and staff replies), oldest first: what the citizen may read. */
export async function listPublicReplies(
  q: Queryable,
  caseId: string,
): Promise<{ body: string; kind: 'acknowledgement' | 'reply' | 'notification'; createdAt: Date }[]> {
  const rows = await q.query<{ body: string; kind: 'acknowledgement' | 'reply' | 'notification'; created_at: Date }>(
    `SELECT m.body, m.kind, m.created_at FROM messages m JOIN outbound_messages o ON o.message_id = m.id
      WHERE m.case_id = $1 AND m.direction = 'out' ORDER BY m.created_at, o.seq`,
    [caseId],
  );
  return rows.map((r) => ({ body: r.body, kind: r.kind, createdAt: r.created_at }));
}
