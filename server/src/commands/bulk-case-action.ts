import type { BulkCaseAction } from '../../../contracts/api.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { assignCaseInTransaction } from './assign-case.ts';
import { getCaseForActor } from './authorize.ts';
import { changeCaseStatusInTransaction } from './change-case-status.ts';
import type { CommandContext } from './context.ts';

/**
 * One action on several cases of the inbox (assign them, or move them to a status), all or nothing: every case is
 * changed exactly as its own action would change it (timeline, audit, clocks, the citizen told of a resolution),
 * in one transaction. When any case refuses — not found or out of scope, a role that may not, a transition the
 * lifecycle forbids — nothing is changed and the error names that case (`details.caseId`). Cases already as asked
 * are left alone. Returns how many cases changed.
 */
export async function bulkCaseAction(ctx: CommandContext, actor: StaffRow, caseIds: readonly string[], action: BulkCaseAction): Promise<{ changed: number }> {
  const at = ctx.clock.now();
  // A fixed order, so two officers acting on overlapping selections lock the cases in the same order.
  const ids = [...new Set(caseIds)].sort();
  const changed = await ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const caseId of ids) {
      try {
        if (action.kind === 'assign') {
          if (await assignCaseInTransaction(tx, actor, caseId, action.assigneeId, at)) n += 1;
        } else {
          // Checked (scope, role) before "already so", so a case out of scope is refused rather than skipped.
          const current = await getCaseForActor(tx, actor, caseId, 'case.status', true);
          if (current.status === action.status) continue;
          await changeCaseStatusInTransaction(ctx, tx, actor, current, action.status, action.reason, at);
          n += 1;
        }
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, { caseId, ...(typeof err.details === 'object' && err.details ? err.details : {}) });
        throw err;
      }
    }
    return n;
  });
  if (action.kind === 'status') ctx.notifyOutbox();
  return { changed };
}
