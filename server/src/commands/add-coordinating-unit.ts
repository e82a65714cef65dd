import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { touchCase } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { insertCoordinatingUnit } from '../db/repositories/transfers.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * Adds a unit that works on the case with the lead unit (phối hợp): its staff may read the case and add notes.
 * Returns whether it was added (false: it already coordinates). Throws CASE_NOT_FOUND, FORBIDDEN, UNIT_NOT_FOUND
 * or TRANSFER_NOT_POSSIBLE (the lead unit itself).
 */
export async function addCoordinatingUnit(ctx: CommandContext, actor: StaffRow, caseId: string, unitCode: string): Promise<{ added: boolean }> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.transfer', true);
    const unit = await findUnitByCode(tx, unitCode);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitCode });
    if (unit.id === c.unitId) throw new AppError('TRANSFER_NOT_POSSIBLE', { reason: 'same_unit' });
    const added = await insertCoordinatingUnit(tx, { caseId: c.id, unitId: unit.id, by: actor.id, at });
    if (!added) return { added };
    const data = { unit: unit.code, unitName: unit.fullName };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'coordination.added', actorType: 'staff', actorId: actor.id, visibility: 'internal', data, at });
    await touchCase(tx, c.id, at);
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'coordination.added', payload: data });
    return { added };
  });
}
