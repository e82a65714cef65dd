import type { StaffRow } from '../db/repositories/staff.repo.ts';
import type { CommandContext } from './context.ts';
import { staffVisitStep } from './field-visit-step.ts';

/**
 * Ends a visit that will not happen: cancelled (before the documents are collected) or no-show (the officer came
 * and met no one), with the reason, told to the citizen. A new offer is possible afterwards. Throws as `staffVisitStep`.
 */
export async function cancelFieldVisit(ctx: CommandContext, actor: StaffRow, caseId: string, reason: string, outcome: 'cancelled' | 'no_show') {
  return staffVisitStep(ctx, actor, caseId, outcome === 'no_show' ? 'no_show' : 'cancel', (_tx, c) => ({
    change: { closeReason: reason },
    message: { kind: outcome, trackingCode: c.trackingCode, reason, trackUrl: `${ctx.publicUrl}/track/${c.trackingCode}` },
    data: { reason },
  }));
}
