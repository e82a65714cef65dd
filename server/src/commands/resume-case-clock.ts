import type { Queryable } from '../db/client.ts';
import { findCaseClockForUpdate, markClockResumed, updateCaseDeadline } from '../db/repositories/case-clocks.repo.ts';
import { resumeMilestones } from '../domain/deadline/deadline-rules.ts';
import { loadUnitCalendar } from './load-unit-calendar.ts';

export type ResumeResult = { kind: 'resumed'; pausedWorkingMs: number; dueAt: Date } | { kind: 'not_paused' };

/**
 * Restarts a paused clock (status leaves waiting_citizen), inside the caller's transaction: the working time of
 * the pause under the unit's calendar is added to the due time and every milestone, and recorded on the pause.
 */
export async function resumeCaseClock(tx: Queryable, caseId: string, r: { at: Date; staffId?: string | null }): Promise<ResumeResult> {
  const c = await findCaseClockForUpdate(tx, caseId);
  if (!c?.clockPausedAt || !c.dueAt || !c.dueSoonAt || !c.escalateParentAt || !c.escalateCityAt) return { kind: 'not_paused' };
  const calendar = await loadUnitCalendar(tx, c.unitId);
  const m = { dueSoonAt: c.dueSoonAt, dueAt: c.dueAt, escalateParentAt: c.escalateParentAt, escalateCityAt: c.escalateCityAt };
  const { pausedWorkingMs, milestones } = resumeMilestones(calendar, m, c.clockPausedAt, r.at);
  await markClockResumed(tx, c.id, { at: r.at, staffId: r.staffId ?? null, pausedWorkingMs });
  if (pausedWorkingMs > 0) {
    await updateCaseDeadline(tx, c.id, { ruleId: c.deadlineRule ?? 'default', startedAt: c.clockStartedAt ?? c.createdAt, pausable: c.clockPausable, milestones, now: r.at });
  }
  return { kind: 'resumed', pausedWorkingMs, dueAt: milestones.dueAt };
}
