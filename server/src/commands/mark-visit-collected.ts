import type { StaffRow } from '../db/repositories/staff.repo.ts';
import type { CommandContext } from './context.ts';
import { staffVisitStep } from './field-visit-step.ts';

/** The officer has the citizen's documents (and checked the originals) at the home. Throws as `staffVisitStep`. */
export async function markVisitCollected(ctx: CommandContext, actor: StaffRow, caseId: string) {
  return staffVisitStep(ctx, actor, caseId, 'collect', () => ({}));
}
