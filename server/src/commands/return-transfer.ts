import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { touchCase } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { decideTransfer } from '../db/repositories/transfers.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import type { CommandContext } from './context.ts';
import { getTransferToDecide } from './decide-transfer.ts';

/**
 * The receiving unit refuses the case with a reason; it stays with the unit that asked (and counts as a misroute
 * of that unit). Throws FORBIDDEN, TRANSFER_NOT_FOUND or TRANSFER_NOT_POSSIBLE (already decided).
 */
export async function returnTransfer(ctx: CommandContext, actor: StaffRow, caseId: string, transferId: string, reason: string): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { transfer, c } = await getTransferToDecide(tx, actor, caseId, transferId);
    if (!(await decideTransfer(tx, transfer.id, { status: 'returned', by: actor.id, at, returnReason: reason }))) throw new AppError('TRANSFER_NOT_POSSIBLE', { reason: 'already_decided' });
    const data = { transferId, from: transfer.fromUnit.code, fromName: transfer.fromUnit.name, to: transfer.toUnit.code, toName: transfer.toUnit.name, reason };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'transfer.returned', actorType: 'staff', actorId: actor.id, visibility: 'internal', data, at, alsoNotifyUnitId: transfer.toUnit.id });
    await touchCase(tx, c.id, at);
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'transfer.returned', payload: data });
  });
}
