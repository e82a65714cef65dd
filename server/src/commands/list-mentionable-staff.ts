import { findCaseAudiences } from '../db/repositories/case-audience.repo.ts';
import { listStaffReaching, type StaffRow } from '../db/repositories/staff.repo.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * Colleagues the actor may mention in a note on the case: active staff who may read it (its unit and the units
 * above, coordinating units, a unit asked to take it over), nearest first. Throws CASE_NOT_FOUND or FORBIDDEN.
 */
export async function listMentionableStaff(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, caseId: string): Promise<StaffRow[]> {
  const c = await getCaseForActor(ctx.db, actor, caseId, 'case.note');
  return listStaffReaching(ctx.db, (await findCaseAudiences(ctx.db, [c.id])).get(c.id) ?? []);
}
