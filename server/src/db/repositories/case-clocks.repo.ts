import type { CaseStatus, CaseType } from '../../../../contracts/enums.ts';
import type { DeadlineMilestones } from '../../domain/deadline/deadline-rules.ts';
import type { Queryable } from '../client.ts';

/** What the deadline commands need of a case, read under a row lock. */
export type CaseClockRow = {
  id: string;
  type: CaseType;
  status: CaseStatus;
  unitId: string;
  category: string | null;
  procedureCode: string | null;
  createdAt: Date;
  clockStartedAt: Date | null;
  dueAt: Date | null;
  dueSoonAt: Date | null;
  escalateParentAt: Date | null;
  escalateCityAt: Date | null;
  clockPausable: boolean;
  clockPausedAt: Date | null;
  pausedMs: number;
  deadlineRule: string | null;
};

export async function findCaseClockForUpdate(q: Queryable, caseId: string): Promise<CaseClockRow | undefined> {
  const [r] = await q.query<{
    id: string; type: CaseType; status: CaseStatus; unit_id: string; category: string | null; procedure_code: string | null; created_at: Date;
    clock_started_at: Date | null; due_at: Date | null; due_soon_at: Date | null; escalate_parent_at: Date | null; escalate_city_at: Date | null;
    clock_pausable: boolean; clock_paused_at: Date | null; paused_ms: number | string; deadline_rule: string | null;
  }>(
    `SELECT id, type, status, unit_id, category, procedure_code, created_at, clock_started_at, due_at, due_soon_at, escalate_parent_at,
            escalate_city_at, clock_pausable, clock_paused_at, paused_ms, deadline_rule
       FROM cases WHERE id = $1 FOR UPDATE`,
    [caseId],
  );
  if (!r) return undefined;
  return {
    id: r.id, type: r.type, status: r.status, unitId: r.unit_id, category: r.category, procedureCode: r.procedure_code, createdAt: r.created_at,
    clockStartedAt: r.clock_started_at, dueAt: r.due_at, dueSoonAt: r.due_soon_at, escalateParentAt: r.escalate_parent_at, escalateCityAt: r.escalate_city_at,
    clockPausable: r.clock_pausable, clockPausedAt: r.clock_paused_at, pausedMs: Number(r.paused_ms), deadlineRule: r.deadline_rule,
  };
}

/**
 * Stores a case's deadline and milestones. Markers of steps whose instant moved after `now` are cleared, so a
 * deadline that moved later is warned about and escalated again when it comes.
 */
export async function updateCaseDeadline(
  q: Queryable,
  caseId: string,
  d: { ruleId: string; startedAt: Date; pausable: boolean; milestones: DeadlineMilestones; now: Date },
): Promise<void> {
  const m = d.milestones;
  await q.query(
    `UPDATE cases SET deadline_rule = $2, clock_started_at = $3, clock_pausable = $4, due_at = $5, due_soon_at = $6, escalate_parent_at = $7, escalate_city_at = $8,
            due_soon_notified_at = CASE WHEN $6 > $9::timestamptz THEN NULL ELSE due_soon_notified_at END,
            overdue_notified_at = CASE WHEN $5 > $9::timestamptz THEN NULL ELSE overdue_notified_at END,
            escalation_level = CASE WHEN $5 > $9::timestamptz THEN 0 WHEN $7 > $9::timestamptz THEN LEAST(escalation_level, 1) WHEN $8 > $9::timestamptz THEN LEAST(escalation_level, 2) ELSE escalation_level END
      WHERE id = $1`,
    [caseId, d.ruleId, d.startedAt, d.pausable, m.dueAt, m.dueSoonAt, m.escalateParentAt, m.escalateCityAt, d.now],
  );
}

export async function markClockPaused(q: Queryable, caseId: string, p: { at: Date; staffId: string | null; reason: string | null }): Promise<void> {
  await q.query('UPDATE cases SET clock_paused_at = $2 WHERE id = $1', [caseId, p.at]);
  await q.query('INSERT INTO case_clock_pauses (case_id, paused_at, reason, paused_by) VALUES ($1, $2, $3, $4)', [caseId, p.at, p.reason, p.staffId]);
}

export async function markClockResumed(q: Queryable, caseId: string, r: { at: Date; staffId: string | null; pausedWorkingMs: number }): Promise<void> {
  await q.query('UPDATE cases SET clock_paused_at = NULL, paused_ms = paused_ms + $2 WHERE id = $1', [caseId, r.pausedWorkingMs]);
  await q.query('UPDATE case_clock_pauses SET resumed_at = $2, resumed_by = $3, paused_working_ms = $4 WHERE case_id = $1 AND resumed_at IS NULL', [caseId, r.at, r.staffId, r.pausedWorkingMs]);
}

export type ClockPauseRow = { pausedAt: Date; resumedAt: Date | null; pausedWorkingMs: number | null; reason: string | null; pausedBy: string | null; resumedBy: string | null };

/** Every pause of a case's clock, oldest first. */
export async function listClockPauses(q: Queryable, caseId: string): Promise<ClockPauseRow[]> {
  const rows = await q.query<{ paused_at: Date; resumed_at: Date | null; paused_working_ms: number | string | null; reason: string | null; paused_by: string | null; resumed_by: string | null }>(
    'SELECT paused_at, resumed_at, paused_working_ms, reason, paused_by, resumed_by FROM case_clock_pauses WHERE case_id = $1 ORDER BY paused_at, id',
    [caseId],
  );
  return rows.map((r) => ({ pausedAt: r.paused_at, resumedAt: r.resumed_at, pausedWorkingMs: r.paused_working_ms === null ? null : Number(r.paused_working_ms), reason: r.reason, pausedBy: r.paused_by, resumedBy: r.resumed_by }));
}
