import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { touchCase } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { deleteCoordinatingUnit } from '../db/repositories/transfers.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/** Ends a unit's coordination of a case. Returns whether it coordinated. Throws CASE_NOT_FOUND or FORBIDDEN. */
export async function removeCoordinatingUnit(ctx: CommandContext, actor: StaffRow, caseId: string, unitCode: string): Promise<{ removed: boolean }> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.transfer', true);
    const unit = await findUnitByCode(tx, unitCode);
    const removed = unit ? await deleteCoordinatingUnit(tx, c.id, unit.id) : false;
    if (!removed || !unit) return { removed: false };
    const data = { unit: unit.code, unitName: unit.fullName };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'coordination.removed', actorType: 'staff', actorId: actor.id, visibility: 'internal', data, at, alsoNotifyUnitId: unit.id });
    await touchCase(tx, c.id, at);
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'coordination.removed', payload: data });
    return { removed };
  });
}
