import type { VisitResultReturn } from '../../../contracts/enums.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { checkFeeAndReceipt, visitElapsedMs } from '../domain/visit/visit-outcome.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';
import { staffVisitStep } from './field-visit-step.ts';

export type VisitCompletion = { feeVnd: number; receiptNumber?: string | undefined; resultReturn: VisitResultReturn };

/**
 * Completes a visit: the fee collected (VND) and its receipt number, how the result was returned, and the elapsed
 * time from the case's first message, told to the citizen. Throws VISIT_FEE_INVALID or as `staffVisitStep`.
 */
export async function completeFieldVisit(ctx: CommandContext, actor: StaffRow, caseId: string, done: VisitCompletion) {
  const receiptNumber = done.receiptNumber?.trim() || null;
  const problems = checkFeeAndReceipt(done.feeVnd, receiptNumber);
  if (problems.length) throw new AppError('VISIT_FEE_INVALID', { problems });
  return staffVisitStep(ctx, actor, caseId, 'complete', (_tx, c, visit, _next, at) => {
    const elapsedMs = visitElapsedMs(visit.firstMessageAt, at);
    return {
      change: { feeVnd: done.feeVnd, receiptNumber, resultReturn: done.resultReturn, elapsedMs },
      message: { kind: 'done', trackingCode: c.trackingCode, procedure: visit.procedureName, feeVnd: done.feeVnd, receiptNumber, resultReturn: done.resultReturn },
      data: { feeVnd: done.feeVnd, receiptNumber, resultReturn: done.resultReturn, elapsedMs },
    };
  });
}
