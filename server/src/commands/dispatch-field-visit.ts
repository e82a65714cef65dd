import { listOfficerBookings } from '../db/repositories/field-visits.repo.ts';
import { findStaffById, type StaffRow } from '../db/repositories/staff.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';
import { confirmedSlotOf, staffVisitStep } from './field-visit-step.ts';

/**
 * Dispatches an officer (active staff whose scope covers the case's unit) to a confirmed visit, or replaces the
 * one dispatched. The officer must be free during the confirmed slot. Throws CASE_NOT_FOUND, FORBIDDEN,
 * STAFF_NOT_FOUND, VISIT_NOT_FOUND, VISIT_NOT_POSSIBLE or VISIT_SLOT_INVALID (officer_busy).
 */
export async function dispatchFieldVisit(ctx: CommandContext, actor: StaffRow, caseId: string, officerId: string) {
  return staffVisitStep(ctx, actor, caseId, 'dispatch', async (tx, c, visit) => {
    const officer = await findStaffById(tx, officerId);
    if (!officer || !officer.isActive || !isPathInScope(officer.unitPath, c.unitPath)) throw new AppError('STAFF_NOT_FOUND');
    const slot = confirmedSlotOf(visit);
    const busy = await listOfficerBookings(tx, officer.id, visit.id);
    if (busy.some((b) => b.startsAt < slot.endsAt && slot.startsAt < b.endsAt)) throw new AppError('VISIT_SLOT_INVALID', { problems: [{ slot: slot.number, problem: 'officer_busy' }] });
    return { change: { officerId: officer.id }, data: { officer: { id: officer.id, name: officer.name }, previousOfficerId: visit.officerId } };
  });
}
