import type { Queryable } from '../db/client.ts';
import { findCaseById, lockCaseById, type CaseRow } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { isAllowed, isPathInScope, type StaffAction } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';

/** Throws FORBIDDEN unless the role grants the action. */
export function requireAction(actor: StaffRow, action: StaffAction): void {
  if (!isAllowed(actor.role, action)) throw new AppError('FORBIDDEN');
}

/**
 * Loads a case the actor may act on. A case outside the actor's unit subtree is reported as not found,
 * so staff cannot probe for cases of other units.
 */
export async function getCaseForActor(q: Queryable, actor: StaffRow, caseId: string, action: StaffAction, lock = false): Promise<CaseRow> {
  requireAction(actor, action);
  const found = lock ? await lockCaseById(q, caseId) : await findCaseById(q, caseId);
  if (!found || !isPathInScope(actor.unitPath, found.unitPath)) throw new AppError('CASE_NOT_FOUND');
  return found;
}
