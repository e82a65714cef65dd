import type { StaffCaseCreate } from '../../../contracts/api.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { openCase, type OpenCaseResult } from './open-case.ts';

/**
 * Records a request staff received by phone, at the counter, by letter or e-mail, for a unit of their scope (a
 * unit outside it is "not found", as everywhere else: a matter of another unit is recorded here and transferred).
 * Throws FORBIDDEN, UNIT_NOT_FOUND or LOCATION_OUT_OF_RANGE.
 */
export async function openCaseForStaff(ctx: CommandContext, actor: StaffRow, input: StaffCaseCreate): Promise<OpenCaseResult> {
  requireAction(actor, 'case.create');
  const unit = await findUnitByCode(ctx.db, input.unitCode);
  if (!unit || !isPathInScope(actor.unitPath, unit.path)) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
  return openCase(ctx, {
    text: input.text,
    type: input.type,
    unitCode: input.unitCode,
    // The caller follows the case on the tracking page with the code the officer reads out.
    channel: 'portal',
    intakeMethod: input.intakeMethod,
    contact: input.citizen,
    location: input.location,
    locale: 'vi',
    createdByStaffId: actor.id,
  });
}
