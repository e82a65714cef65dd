import type { StaffRow } from '../db/repositories/staff.repo.ts';
import type { CommandContext } from './context.ts';
import { confirmedSlotOf, staffVisitStep } from './field-visit-step.ts';

/** The dispatched officer sets off: the citizen is told on their channel. Throws as `staffVisitStep`. */
export async function markVisitDeparted(ctx: CommandContext, actor: StaffRow, caseId: string) {
  return staffVisitStep(ctx, actor, caseId, 'depart', (_tx, c, visit) => ({ message: { kind: 'on_the_way', trackingCode: c.trackingCode, slot: confirmedSlotOf(visit) } }));
}
