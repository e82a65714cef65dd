import type { Queryable } from '../db/client.ts';
import { findCaseById, lockCaseById, type CaseRow } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { isCoordinatingInScope, isIncomingInScope } from '../db/repositories/transfers.repo.ts';
import { isAllowed, isPathInScope, type StaffAction } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';

/** Throws FORBIDDEN unless the role grants the action. */
export function requireAction(actor: StaffRow, action: StaffAction): void {
  if (!isAllowed(actor.role, action)) throw new AppError('FORBIDDEN');
}

/**
 * Loads a case the actor may act on. A case outside the actor's unit subtree is reported as not found,
 * so staff cannot probe for cases of other units. Outside the lead unit's subtree, staff of a coordinating unit
 * (phối hợp) may read the case and add notes, and staff of a unit asked to take the case over may read it.
 */
export async function getCaseForActor(q: Queryable, actor: StaffRow, caseId: string, action: StaffAction, lock = false): Promise<CaseRow> {
  requireAction(actor, action);
  const found = lock ? await lockCaseById(q, caseId) : await findCaseById(q, caseId);
  if (!found) throw new AppError('CASE_NOT_FOUND');
  if (isPathInScope(actor.unitPath, found.unitPath)) return found;
  if ((action === 'case.read' || action === 'case.note') && (await isCoordinatingInScope(q, found.id, actor.unitPath))) return found;
  if (action === 'case.read' && (await isIncomingInScope(q, found.id, actor.unitPath))) return found;
  throw new AppError('CASE_NOT_FOUND');
}
