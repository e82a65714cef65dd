import type { Queryable } from '../db/client.ts';
import { lockCaseById, type CaseRow } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findTransfer, type TransferRow } from '../db/repositories/transfers.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';
import { requireAction } from './authorize.ts';

/**
 * Loads a pending transfer the actor may decide (staff of the receiving unit's subtree) with its case locked.
 * A transfer to a unit outside the actor's scope is reported as not found.
 */
export async function getTransferToDecide(tx: Queryable, actor: StaffRow, caseId: string, transferId: string): Promise<{ transfer: TransferRow; c: CaseRow }> {
  requireAction(actor, 'case.transfer');
  const c = await lockCaseById(tx, caseId);
  const transfer = await findTransfer(tx, transferId);
  if (!c || !transfer || transfer.caseId !== c.id || !isPathInScope(actor.unitPath, transfer.toUnit.path)) throw new AppError('TRANSFER_NOT_FOUND');
  if (transfer.status !== 'pending') throw new AppError('TRANSFER_NOT_POSSIBLE', { reason: 'already_decided', status: transfer.status });
  return { transfer, c };
}
