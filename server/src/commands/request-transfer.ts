import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { touchCase } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findPendingTransfer, insertTransfer } from '../db/repositories/transfers.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * Asks another unit (any unit of the city) to take over a case of the actor's scope; the case stays where it is
 * until the receiving unit accepts. Returns the transfer id. Throws CASE_NOT_FOUND, FORBIDDEN, UNIT_NOT_FOUND or
 * TRANSFER_NOT_POSSIBLE (same unit, closed or rejected case, a transfer already pending).
 */
export async function requestTransfer(ctx: CommandContext, actor: StaffRow, caseId: string, input: { unitCode: string; reason: string }): Promise<{ transferId: string }> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.transfer', true);
    const target = await findUnitByCode(tx, input.unitCode);
    if (!target) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
    if (target.id === c.unitId) throw new AppError('TRANSFER_NOT_POSSIBLE', { reason: 'same_unit' });
    if (c.status === 'closed' || c.status === 'rejected') throw new AppError('TRANSFER_NOT_POSSIBLE', { reason: 'case_final' });
    if (await findPendingTransfer(tx, c.id)) throw new AppError('TRANSFER_NOT_POSSIBLE', { reason: 'already_pending' });
    const transferId = await insertTransfer(tx, { caseId: c.id, fromUnitId: c.unitId, toUnitId: target.id, requestedBy: actor.id, reason: input.reason, at });
    const data = { transferId, from: c.unitCode, fromName: c.unitFullName, to: target.code, toName: target.fullName, reason: input.reason };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'transfer.requested', actorType: 'staff', actorId: actor.id, visibility: 'internal', data, at });
    await touchCase(tx, c.id, at);
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'transfer.requested', payload: data });
    return { transferId };
  });
}
