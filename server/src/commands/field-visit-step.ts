import type { VisitState } from '../../../contracts/enums.ts';
import type { Queryable } from '../db/client.ts';
import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { touchCase, type CaseRow } from '../db/repositories/cases.repo.ts';
import { findActiveVisit, updateVisit, type FieldVisitRow, type VisitChange } from '../db/repositories/field-visits.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { isCitizenToldOf, nextVisitState, VISIT_EVENT, type VisitAction } from '../domain/visit/visit-states.ts';
import { renderVisitMessage, type VisitMessage } from '../i18n/visit-messages.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit, type AuditActor } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { queueReplyOnOwnChannel } from './reply-to-citizen.ts';

/** What a step sets on the visit besides its state, what it tells the citizen, and what the timeline records. */
export type StepOutcome = { change?: Omit<VisitChange, 'state' | 'at'>; message?: VisitMessage; data?: Record<string, unknown> };

/** The confirmed slot of a visit (every state after `confirmed` has one). */
export function confirmedSlotOf(v: FieldVisitRow) {
  const slot = v.slots.find((s) => s.number === v.confirmedSlot);
  if (!slot) throw new Error('visit without its confirmed slot');
  return slot;
}

/**
 * Records one step of a case's active visit inside the caller's transaction: checks the lifecycle table, updates
 * the visit, tells the citizen on their channel when the new state is one they hear about (outbox row in the same
 * transaction), appends the timeline event and, last, the audit link. Throws VISIT_NOT_FOUND or VISIT_NOT_POSSIBLE.
 */
export async function recordVisitStep(
  tx: Queryable,
  c: CaseRow,
  action: VisitAction,
  actor: { audit: AuditActor; event: { actorType: 'staff' | 'citizen'; actorId: string | null }; staffId: string | null },
  at: Date,
  decide: (visit: FieldVisitRow, next: VisitState) => Promise<StepOutcome> | StepOutcome,
): Promise<{ visit: FieldVisitRow; next: VisitState }> {
  const visit = await findActiveVisit(tx, c.id, true);
  if (!visit) throw new AppError('VISIT_NOT_FOUND');
  const next = nextVisitState(visit.state, action);
  if (!next) throw new AppError('VISIT_NOT_POSSIBLE', { reason: 'state', from: visit.state, action });
  const outcome = await decide(visit, next);
  await updateVisit(tx, visit.id, { ...outcome.change, state: next, at });
  await touchCase(tx, c.id, at);
  const told = isCitizenToldOf(next) && outcome.message ? (await queueReplyOnOwnChannel(tx, c, { body: renderVisitMessage(outcome.message, 'vi'), authorStaffId: actor.staffId, kind: 'notification', at })) !== null : false;
  const data = { visitId: visit.id, procedure: visit.procedureName, from: visit.state, to: next, ...outcome.data, ...(isCitizenToldOf(next) ? { told } : {}) };
  await appendCaseEvent(tx, { caseId: c.id, kind: VISIT_EVENT[next], ...actor.event, visibility: 'internal', data, at });
  await appendAudit(tx, { caseId: c.id, at, actor: actor.audit, action: VISIT_EVENT[next], payload: data });
  return { visit, next };
}

/** A staff step: the case in the actor's scope with the visit permission, locked, then `recordVisitStep`. */
export async function staffVisitStep(
  ctx: CommandContext,
  actor: StaffRow,
  caseId: string,
  action: VisitAction,
  decide: (tx: Queryable, c: CaseRow, visit: FieldVisitRow, next: VisitState, at: Date) => Promise<StepOutcome> | StepOutcome,
): Promise<{ state: VisitState }> {
  const at = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.visit', true);
    const staff = { audit: { type: 'staff' as const, id: actor.id }, event: { actorType: 'staff' as const, actorId: actor.id }, staffId: actor.id };
    return recordVisitStep(tx, c, action, staff, at, (visit, next) => decide(tx, c, visit, next, at));
  });
  ctx.notifyOutbox();
  return { state: result.next };
}
