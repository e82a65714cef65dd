import type { Queryable } from '../client.ts';
import { notifyStaffSql } from '../live-notify.ts';

/** One step of the escalation ladder the sweep takes. */
export type SweepStep = 'due_soon' | 'overdue' | 'escalate_parent' | 'escalate_city';

const OPEN = "status IN ('new', 'assigned', 'in_progress', 'waiting_citizen')";

// Who hears of each step. $1 is now. "marked" holds the cases this statement moved.
const RECIPIENTS: Record<SweepStep, string> = {
  // The assignee; when nobody is assigned, the unit's administrators.
  due_soon: `SELECT m.id AS case_id, s.id AS staff_id FROM marked m JOIN staff_users s ON s.id = m.assignee_id AND s.is_active
             UNION SELECT m.id, s.id FROM marked m JOIN staff_users s ON s.unit_id = m.unit_id AND s.role = 'unit_admin' AND s.is_active WHERE m.assignee_id IS NULL`,
  // The assignee and the head(s) of the unit.
  overdue: `SELECT m.id AS case_id, s.id AS staff_id FROM marked m JOIN staff_users s ON s.id = m.assignee_id AND s.is_active
            UNION SELECT m.id, s.id FROM marked m JOIN staff_users s ON s.unit_id = m.unit_id AND s.role = 'unit_admin' AND s.is_active`,
  // Staff in charge at the parent unit (the city for wards and departments).
  escalate_parent: `SELECT m.id AS case_id, s.id AS staff_id FROM marked m JOIN units u ON u.id = m.unit_id
                    JOIN staff_users s ON s.unit_id = u.parent_id AND s.role IN ('city_admin', 'unit_admin', 'officer') AND s.is_active`,
  // City administrators.
  escalate_city: `SELECT m.id AS case_id, s.id AS staff_id FROM marked m JOIN staff_users s ON s.role = 'city_admin' AND s.is_active`,
};

const STEP: Record<SweepStep, { due: string; pending: string; also?: string; mark: string; kind: string; level: number }> = {
  // A case first seen already overdue gets the overdue step only (which marks due-soon as done).
  due_soon: { due: 'due_soon_at', pending: 'due_soon_notified_at IS NULL', also: 'AND due_at > $1', mark: 'due_soon_notified_at = $1', kind: 'deadline.due_soon', level: 0 },
  overdue: { due: 'due_at', pending: 'overdue_notified_at IS NULL', mark: 'overdue_notified_at = $1, due_soon_notified_at = coalesce(due_soon_notified_at, $1), escalation_level = GREATEST(escalation_level, 1)', kind: 'deadline.overdue', level: 1 },
  escalate_parent: { due: 'escalate_parent_at', pending: 'escalation_level = 1', mark: 'escalation_level = 2', kind: 'deadline.escalated', level: 2 },
  escalate_city: { due: 'escalate_city_at', pending: 'escalation_level = 2', mark: 'escalation_level = 3', kind: 'deadline.escalated', level: 3 },
};

function sweepSql(step: SweepStep): string {
  const s = STEP[step];
  // The marker is set in the same statement that picks the rows: a row another process has locked is skipped,
  // and one it already marked no longer matches, so every step happens once per case.
  return `
    WITH picked AS (
      SELECT id FROM cases WHERE ${s.due} <= $1 AND ${s.pending} ${s.also ?? ''} AND clock_paused_at IS NULL AND ${OPEN}
       ORDER BY ${s.due} LIMIT $2 FOR UPDATE SKIP LOCKED
    ), marked AS (
      UPDATE cases c SET ${s.mark} FROM picked WHERE c.id = picked.id AND c.${s.pending}
      RETURNING c.id, c.unit_id, c.assignee_id, c.due_at, c.tracking_code
    ), recipients AS (${RECIPIENTS[step]}
    ), inserted AS (
      INSERT INTO staff_notifications (staff_id, case_id, kind, level, due_at, data, created_at)
      SELECT r.staff_id, m.id, '${s.kind}', ${s.level}, m.due_at, jsonb_build_object('trackingCode', m.tracking_code, 'unitName', u.full_name), $1
        FROM recipients r JOIN marked m ON m.id = r.case_id JOIN units u ON u.id = m.unit_id
      ON CONFLICT DO NOTHING
      RETURNING staff_id
    ), told AS (
      -- Each recipient's bell hears of it on commit (their id only).
      SELECT ${notifyStaffSql('staff_id')} FROM (SELECT DISTINCT staff_id FROM inserted) r
    )
    SELECT (SELECT count(*)::int FROM marked) AS cases, (SELECT count(*)::int FROM inserted) AS notifications, (SELECT count(*)::int FROM told) AS told`;
}
const SQL: Record<SweepStep, string> = { due_soon: sweepSql('due_soon'), overdue: sweepSql('overdue'), escalate_parent: sweepSql('escalate_parent'), escalate_city: sweepSql('escalate_city') };

/** Takes one ladder step for up to `limit` cases whose instant has come; returns the cases moved and notifications written. */
export async function runSweepStep(q: Queryable, step: SweepStep, now: Date, limit: number): Promise<{ cases: number; notifications: number }> {
  const [r] = await q.query<{ cases: number; notifications: number }>(SQL[step], [now, limit], { name: `sweep-${step}` });
  return r ?? { cases: 0, notifications: 0 };
}
