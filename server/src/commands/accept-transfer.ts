import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { decideTransfer, moveCaseToUnit } from '../db/repositories/transfers.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import type { CommandContext } from './context.ts';
import { getTransferToDecide } from './decide-transfer.ts';

/**
 * The receiving unit takes the case over: it becomes the lead unit, nobody is assigned and the case is new
 * there. Throws FORBIDDEN, TRANSFER_NOT_FOUND or TRANSFER_NOT_POSSIBLE (already decided).
 */
export async function acceptTransfer(ctx: CommandContext, actor: StaffRow, caseId: string, transferId: string): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { transfer, c } = await getTransferToDecide(tx, actor, caseId, transferId);
    if (!(await decideTransfer(tx, transfer.id, { status: 'accepted', by: actor.id, at, returnReason: null }))) throw new AppError('TRANSFER_NOT_POSSIBLE', { reason: 'already_decided' });
    await moveCaseToUnit(tx, c.id, transfer.toUnit.id, at);
    const data = { transferId, from: transfer.fromUnit.code, fromName: transfer.fromUnit.name, to: transfer.toUnit.code, toName: transfer.toUnit.name, requestedAt: transfer.requestedAt.toISOString() };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'transfer.accepted', actorType: 'staff', actorId: actor.id, visibility: 'public', data, at, alsoNotifyUnitId: c.unitId });
    if (c.status !== 'new') {
      await appendCaseEvent(tx, { caseId: c.id, kind: 'status.changed', actorType: 'staff', actorId: actor.id, visibility: 'public', data: { from: c.status, to: 'new', reason: 'transfer' }, at });
    }
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'transfer.accepted', payload: { ...data, previousStatus: c.status, previousAssignee: c.assigneeId } });
  });
}
