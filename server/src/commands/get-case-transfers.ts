import type { CaseTransfers } from '../../../contracts/api.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { listCoordinatingUnits, listTransfersOfCase } from '../db/repositories/transfers.repo.ts';
import { isAllowed, isPathInScope } from '../domain/access/permissions.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/** Transfers and coordinating units of a case, with what the viewer may do. Throws CASE_NOT_FOUND or FORBIDDEN. */
export async function getCaseTransfers(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, caseId: string): Promise<CaseTransfers> {
  const c = await getCaseForActor(ctx.db, actor, caseId, 'case.read');
  const [transfers, coordinating] = await Promise.all([listTransfersOfCase(ctx.db, c.id), listCoordinatingUnits(ctx.db, c.id)]);
  const mayTransfer = isAllowed(actor.role, 'case.transfer');
  return {
    lead: { code: c.unitCode, name: c.unitFullName },
    transfers: transfers.map((t) => ({
      id: t.id,
      from: { code: t.fromUnit.code, name: t.fromUnit.name },
      to: { code: t.toUnit.code, name: t.toUnit.name },
      requestedBy: t.requestedBy.name,
      requestedAt: t.requestedAt.toISOString(),
      reason: t.reason,
      status: t.status,
      decidedBy: t.decidedBy?.name ?? null,
      decidedAt: t.decidedAt?.toISOString() ?? null,
      returnReason: t.returnReason,
      canDecide: mayTransfer && t.status === 'pending' && isPathInScope(actor.unitPath, t.toUnit.path),
    })),
    coordinatingUnits: coordinating.map((u) => ({ code: u.code, name: u.name, addedAt: u.addedAt.toISOString() })),
    canTransfer: mayTransfer && isPathInScope(actor.unitPath, c.unitPath),
  };
}
