import type { CaseVisits, StaffVisit } from '../../../contracts/api.ts';
import { listHomeServiceProcedures, listVisitsOfCase, type FieldVisitRow } from '../db/repositories/field-visits.repo.ts';
import { listStaffOfUnit, type StaffRow } from '../db/repositories/staff.repo.ts';
import { isAllowed, isPathInScope } from '../domain/access/permissions.ts';
import { isVisitFinished, visitActions } from '../domain/visit/visit-states.ts';
import { procedureCodesForTopic } from '../triage/procedure-topics.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

const OPEN_STATUSES = new Set(['new', 'assigned', 'in_progress', 'waiting_citizen']);

/**
 * The field visits of a case as staff see them (active one, past ones), the procedures that may be done at home
 * (those matching the case's procedure first) and what the viewer may do. Throws CASE_NOT_FOUND or FORBIDDEN.
 */
export async function getCaseVisits(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, caseId: string): Promise<CaseVisits> {
  const c = await getCaseForActor(ctx.db, actor, caseId, 'case.read');
  const [visits, procedures, staff] = await Promise.all([listVisitsOfCase(ctx.db, c.id), listHomeServiceProcedures(ctx.db), listStaffOfUnit(ctx.db, c.unitId)]);
  const mayAct = isAllowed(actor.role, 'case.visit') && isPathInScope(actor.unitPath, c.unitPath);
  const suggested = new Set(c.procedureCode ? procedureCodesForTopic(c.procedureCode) : []);
  const present = (v: FieldVisitRow): StaffVisit => ({
    id: v.id,
    state: v.state,
    procedure: { code: v.procedureCode, name: v.procedureName },
    slots: v.slots.map((s) => ({ number: s.number, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    confirmedSlot: v.confirmedSlot,
    officer: v.officerId ? { id: v.officerId, name: v.officerName ?? '' } : null,
    feeVnd: v.feeVnd,
    receiptNumber: v.receiptNumber,
    resultReturn: v.resultReturn,
    closeReason: v.closeReason,
    offeredAt: v.offeredAt.toISOString(),
    completedAt: v.completedAt?.toISOString() ?? null,
    firstMessageAt: v.firstMessageAt.toISOString(),
    elapsedMs: v.elapsedMs,
    // The citizen confirms on their channel; staff do the rest.
    actions: mayAct ? visitActions(v.state).filter((a) => a !== 'confirm') : [],
  });
  const active = visits.find((v) => !isVisitFinished(v.state));
  return {
    procedures: procedures
      .map((p) => ({ code: p.code, name: p.shortName, feeVnd: p.feeVnd, conditions: p.homeService.conditions, suggested: suggested.has(p.code) }))
      .sort((a, b) => Number(b.suggested) - Number(a.suggested)),
    canOffer: mayAct && !active && OPEN_STATUSES.has(c.status) && !c.mergedIntoId,
    active: active ? present(active) : null,
    past: visits.filter((v) => v !== active).map(present),
    officers: staff.map((s) => ({ id: s.id, name: s.name })),
  };
}
