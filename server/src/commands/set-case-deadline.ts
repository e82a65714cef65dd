import type { Queryable } from '../db/client.ts';
import { findCaseClockForUpdate, updateCaseDeadline, type CaseClockRow } from '../db/repositories/case-clocks.repo.ts';
import { loadDeadlineRules } from '../deadline/load-deadline-data.ts';
import { computeDeadline, deadlineMilestones, resolveDeadlineProcedure, type Complexity, type DeadlineMilestones } from '../domain/deadline/deadline-rules.ts';
import { procedureCodesForTopic } from '../triage/procedure-topics.ts';
import { loadUnitCalendar, loadUnitCalendarCached } from './load-unit-calendar.ts';

export type CaseDeadline = { dueAt: Date; ruleId: string; legalBasis: string; pausable: boolean };

/**
 * Computes and stores a case's deadline under its unit's calendar, inside the caller's transaction: at intake
 * (`receivedAt` = the intake time) and again when staff change the type, category, procedure or complexity.
 * Working time already spent paused stays added. Throws when the case does not exist.
 */
export async function setCaseDeadline(
  tx: Queryable,
  caseId: string,
  options: { receivedAt?: Date; now?: Date; complexity?: Complexity; extensions?: number } = {},
): Promise<CaseDeadline> {
  const c = await findCaseClockForUpdate(tx, caseId);
  if (!c) throw new Error(`case ${caseId} not found`);
  return computeAndStore(tx, c, await loadUnitCalendar(tx, c.unitId), options);
}

/** What intake writes on a new case row: its deadline rule and milestones (see `newCaseDeadline`). */
export type NewCaseDeadline = CaseDeadline & { startedAt: Date; milestones: DeadlineMilestones };

/**
 * The deadline of a case intake is about to insert, from the facts intake knows (no read back) and the unit's
 * calendar as cached for intake (load-unit-calendar.ts). Intake writes it with the case in the same statement.
 */
export async function newCaseDeadline(
  tx: Queryable,
  c: { unitId: string; type: CaseClockRow['type']; category: string | null; procedureCode: string | null; receivedAt: Date },
): Promise<NewCaseDeadline> {
  const row: CaseClockRow = {
    id: '', type: c.type, status: 'new', unitId: c.unitId, category: c.category, procedureCode: c.procedureCode, createdAt: c.receivedAt,
    clockStartedAt: null, dueAt: null, dueSoonAt: null, escalateParentAt: null, escalateCityAt: null, clockPausable: false, clockPausedAt: null, pausedMs: 0, deadlineRule: null,
  };
  return computeCaseDeadline(row, await loadUnitCalendarCached(tx, c.unitId), { receivedAt: c.receivedAt });
}

async function computeAndStore(
  tx: Queryable,
  c: CaseClockRow,
  calendar: Awaited<ReturnType<typeof loadUnitCalendar>>,
  options: { receivedAt?: Date; now?: Date; complexity?: Complexity; extensions?: number },
): Promise<CaseDeadline> {
  const d = computeCaseDeadline(c, calendar, options);
  await updateCaseDeadline(tx, c.id, { ruleId: d.ruleId, startedAt: d.startedAt, pausable: d.pausable, milestones: d.milestones, now: options.now ?? d.startedAt });
  return { dueAt: d.dueAt, ruleId: d.ruleId, legalBasis: d.legalBasis, pausable: d.pausable };
}

function computeCaseDeadline(
  c: CaseClockRow,
  calendar: Awaited<ReturnType<typeof loadUnitCalendar>>,
  options: { receivedAt?: Date; complexity?: Complexity; extensions?: number },
): NewCaseDeadline {
  const { rules, escalation } = loadDeadlineRules();
  const receivedAt = options.receivedAt ?? c.clockStartedAt ?? c.createdAt;
  // Triage stores a procedure topic ('khai_sinh'); its processing time is that of the national procedure it stands for.
  const procedureCode = resolveDeadlineProcedure(rules, c, c.procedureCode ? procedureCodesForTopic(c.procedureCode) : []);
  const d = computeDeadline({ type: c.type, category: c.category, procedureCode, receivedAt, calendar, rules, complexity: options.complexity, extensions: options.extensions });
  let milestones: DeadlineMilestones = deadlineMilestones(calendar, receivedAt, d.dueAt, escalation);
  if (c.pausedMs > 0) {
    const shift = (t: Date) => calendar.addWorkingTime(t, c.pausedMs);
    milestones = { dueSoonAt: shift(milestones.dueSoonAt), dueAt: shift(milestones.dueAt), escalateParentAt: shift(milestones.escalateParentAt), escalateCityAt: shift(milestones.escalateCityAt) };
  }
  return { dueAt: milestones.dueAt, ruleId: d.rule.id, legalBasis: d.rule.legalBasis, pausable: d.pausable, startedAt: receivedAt, milestones };
}
