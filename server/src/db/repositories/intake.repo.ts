import type { CaseType, IntakeMethod, Locale } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';
import { notifyCaseChangedSql } from '../live-notify.ts';
import type { DeadlineMilestones } from '../../domain/deadline/deadline-rules.ts';
import { toUnitRow, type UnitRecord, type UnitRow } from './units.repo.ts';

/** The unit receiving a new case and the acknowledgement template it uses (its own, else the city default). */
export async function findIntakeUnit(q: Queryable, code: string, locale: Locale): Promise<{ unit: UnitRow; template: string | null } | undefined> {
  const rows = await q.query<UnitRecord & { template: string | null }>(
    `SELECT u.id, u.code, u.kind, u.name, u.full_name, u.name_en, u.parent_id, p.code AS parent_code, u.path,
            (SELECT t.body FROM message_templates t
              WHERE t.kind = 'acknowledgement' AND t.locale = $2 AND (t.unit_id = u.id OR t.unit_id IS NULL)
              ORDER BY t.unit_id NULLS LAST LIMIT 1) AS template
       FROM units u LEFT JOIN units p ON p.id = u.parent_id
      WHERE u.code = $1`,
    [code, locale],
    { name: 'intake.find-unit' },
  );
  const r = rows[0];
  if (!r) return undefined;
  return { unit: toUnitRow(r), template: r.template };
}

export type NewCaseWithAcknowledgement = {
  trackingCode: string;
  type: CaseType;
  unitId: string;
  unitCode: string;
  /** An existing citizen (channel identity), or contact details for a new one, or neither (anonymous). */
  citizenId: string | null;
  newCitizen: { name: string | null; phone: string | null; email: string | null } | null;
  identityId: string | null;
  channel: string;
  channelAccount: string;
  recipientId: string | null;
  intakeMethod: IntakeMethod;
  text: string;
  /** A public comment is acknowledged by a public reply under it; a private message in the conversation. */
  surface: 'direct' | 'comment';
  attachments: readonly { type: string; url: string; name?: string }[];
  location: { lat: number; lng: number } | null;
  providerMessageId: string | null;
  createdByStaffId: string | null;
  acknowledgement: string;
  /** What the first pass understood (stored for the console and for corrections). */
  classification: { category: string | null; procedureCode: string | null; isUrgent: boolean; needsTriage: boolean; triage: unknown; routing: unknown } | null;
  /** Set when the city received the case and routing sent it to another unit. */
  routedFromUnitCode: string | null;
  /** The legal clock, computed from the unit's calendar before the insert (set-case-deadline.ts). */
  deadline: { ruleId: string; startedAt: Date; pausable: boolean; milestones: DeadlineMilestones };
  /** Open reports this one probably duplicates, scored before the insert (propose-duplicates.ts). */
  duplicateProposals: readonly { candidateId: string; score: number; reasons: unknown }[];
  /** The `case.opened` audit entry (appended to audit_pending like `appendAudit`). */
  audit: { actor: string; payload: Record<string, unknown> };
  at: Date;
};

/**
 * Writes a new case in one statement: the citizen (when new), the case with its deadline, the citizen's message,
 * the acknowledgement and its outbox row, the timeline events, the duplicate proposals and the audit entry. One
 * round trip instead of a dozen keeps intake fast on both engines. Returns null when the tracking code is taken (nothing is written then, the
 * caller rolls back and draws another).
 */
export async function insertCaseWithAcknowledgement(
  q: Queryable,
  n: NewCaseWithAcknowledgement,
): Promise<{ caseId: string; citizenId: string | null; messageId: string; acknowledgementId: string } | null> {
  const staff = n.createdByStaffId !== null;
  const rows = await q.query<{ case_id: string; citizen_id: string | null; message_id: string; ack_id: string }>(
    `WITH cit AS (
       INSERT INTO citizens (display_name, phone, email, created_at)
       SELECT $1, $2, $3, $4 WHERE $5::boolean AND NOT EXISTS (SELECT 1 FROM cases WHERE tracking_code = $6)
       RETURNING id
     ), c AS (
       INSERT INTO cases (tracking_code, type, status, unit_id, citizen_id, identity_id, channel, intake_method, description,
                          location_lat, location_lng, created_by_staff_id, created_at, updated_at, last_citizen_message_at,
                          category, procedure_code, is_urgent, needs_triage, triage, routing, description_folded, description_trgm,
                          deadline_rule, clock_started_at, clock_pausable, due_at, due_soon_at, escalate_parent_at, escalate_city_at)
       VALUES ($6, $7, 'new', $8, coalesce($9::uuid, (SELECT id FROM cit)), $10, $11, $12, $13, $14, $15, $16, $4, $4,
               CASE WHEN $16::uuid IS NULL THEN $4::timestamptz END,
               $25, $26, coalesce($27::boolean, false), coalesce($28::boolean, false), $29::jsonb, $30::jsonb,
               f_unaccent(lower($13)), trgm_signature(f_unaccent(lower($13))),
               $32, $33, $34, $35, $36, $37, $38)
       ON CONFLICT (tracking_code) DO NOTHING
       RETURNING id, citizen_id
     ), mi AS (
       INSERT INTO messages (case_id, direction, channel, identity_id, kind, body, attachments, provider_message_id, created_at, surface)
       SELECT c.id, 'in', $11, $10, 'citizen', $13, $23::jsonb, $17, $4, $24 FROM c
       RETURNING id
     ), mo AS (
       INSERT INTO messages (case_id, direction, channel, identity_id, kind, body, created_at)
       SELECT c.id, 'out', $11, $10, 'acknowledgement', $18, $4 FROM c
       RETURNING id
     ), ob AS (
       INSERT INTO outbound_messages (message_id, case_id, channel, channel_account, recipient_id, conversation_key,
                                      idempotency_key, status, next_attempt_at, created_at, mode, reply_to)
       SELECT mo.id, c.id, $11, $19, $20, $11 || ':' || $19 || ':' || coalesce($20, c.id::text), 'msg-' || mo.id, 'queued', $4, $4,
              CASE WHEN $24 = 'comment' THEN 'public_comment' ELSE 'message' END, CASE WHEN $24 = 'comment' THEN $17 END
         FROM c, mo
       RETURNING id
     ), ev AS (
       INSERT INTO case_events (case_id, kind, actor_type, actor_id, message_id, visibility, data, created_at)
       SELECT c.id, v.kind, v.actor_type,
              CASE v.actor_type WHEN 'staff' THEN $16::uuid WHEN 'citizen' THEN c.citizen_id END,
              CASE v.msg WHEN 'in' THEN mi.id WHEN 'out' THEN mo.id END,
              'public', v.data::jsonb, $4
         FROM c, mi, mo,
              (VALUES (1, 'case.opened', $21, NULL, $22),
                      (2, 'case.routed', 'system', NULL, $31),
                      (3, 'message.received', $21, 'in', '{}'),
                      (4, 'message.sent', 'system', 'out', '{}')) AS v(ord, kind, actor_type, msg, data)
        WHERE v.kind <> 'case.routed' OR $31 IS NOT NULL
        ORDER BY v.ord
       RETURNING id
     ), dp AS (
       INSERT INTO case_duplicate_proposals (case_id, candidate_case_id, score, reasons, created_at)
       SELECT c.id, p.candidate, p.score, p.reasons, $4 FROM c, unnest($39::uuid[], $40::float8[], $41::jsonb[]) AS p (candidate, score, reasons)
       ON CONFLICT DO NOTHING
       RETURNING 1
     ), au AS (
       INSERT INTO audit_pending (case_id, at, actor, action, payload)
       SELECT c.id, $4, $42, 'case.opened', $43::jsonb FROM c
       RETURNING id
     )
     SELECT c.id AS case_id, c.citizen_id, mi.id AS message_id, mo.id AS ack_id, ${notifyCaseChangedSql('c.id', "'case.opened'")}::text AS notified
       FROM c, mi, mo, (SELECT count(*) FROM ob) o, (SELECT count(*) FROM ev) e, (SELECT count(*) FROM dp) d, (SELECT count(*) FROM au) a`,
    [
      n.newCitizen?.name ?? null,
      n.newCitizen?.phone ?? null,
      n.newCitizen?.email ?? null,
      n.at,
      n.newCitizen !== null && n.citizenId === null,
      n.trackingCode,
      n.type,
      n.unitId,
      n.citizenId,
      n.identityId,
      n.channel,
      n.intakeMethod,
      n.text,
      n.location?.lat ?? null,
      n.location?.lng ?? null,
      n.createdByStaffId,
      n.providerMessageId,
      n.acknowledgement,
      n.channelAccount,
      n.recipientId,
      staff ? 'staff' : 'citizen',
      JSON.stringify({ intakeMethod: n.intakeMethod, unitCode: n.unitCode }),
      JSON.stringify(n.attachments),
      n.surface,
      n.classification?.category ?? null,
      n.classification?.procedureCode ?? null,
      n.classification?.isUrgent ?? null,
      n.classification?.needsTriage ?? null,
      n.classification ? JSON.stringify(n.classification.triage) : null,
      n.classification ? JSON.stringify(n.classification.routing) : null,
      n.routedFromUnitCode ? JSON.stringify({ from: n.routedFromUnitCode, to: n.unitCode }) : null,
      n.deadline.ruleId,
      n.deadline.startedAt,
      n.deadline.pausable,
      n.deadline.milestones.dueAt,
      n.deadline.milestones.dueSoonAt,
      n.deadline.milestones.escalateParentAt,
      n.deadline.milestones.escalateCityAt,
      n.duplicateProposals.map((p) => p.candidateId),
      n.duplicateProposals.map((p) => p.score),
      n.duplicateProposals.map((p) => JSON.stringify(p.reasons)),
      n.audit.actor,
      JSON.stringify(n.audit.payload),
    ],
    { name: 'intake.insert-case-v7' },
  );
  const r = rows[0];
  return r ? { caseId: r.case_id, citizenId: r.citizen_id, messageId: r.message_id, acknowledgementId: r.ack_id } : null;
}
