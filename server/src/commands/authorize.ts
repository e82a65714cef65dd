import type { CaseAction, CaseRelationKind } from '../../../contracts/enums.ts';
import type { Queryable } from '../db/client.ts';
import { findCaseById, lockCaseById, type CaseRow } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { isCoordinatingInScope, isIncomingInScope } from '../db/repositories/transfers.repo.ts';
import { caseActions, mayActOnCase, type CaseRelation } from '../domain/access/case-access.ts';
import { isAllowed, isPathInScope, type StaffAction } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';

/** Throws FORBIDDEN unless the role grants the action. */
export function requireAction(actor: StaffRow, action: StaffAction): void {
  if (!isAllowed(actor.role, action)) throw new AppError('FORBIDDEN');
}

/**
 * Throws FORBIDDEN unless the actor's scope is the whole city (their unit is the root, e.g. '79'): city-wide
 * settings (the city's calendar and default hours, routing rules) need the role *and* the city's scope, so an
 * administrator's role given at a ward reaches only that ward.
 */
export function requireCityScope(actor: StaffRow): void {
  if (actor.unitPath.includes('/')) throw new AppError('FORBIDDEN');
}

/** A unit of the actor's scope by code; one outside it is UNIT_NOT_FOUND, as a missing one. */
export function requireUnitInScope<U extends { path: string }>(actor: StaffRow, unit: U | undefined, unitCode: string): U {
  if (!unit || !isPathInScope(actor.unitPath, unit.path)) throw new AppError('UNIT_NOT_FOUND', { unitCode });
  return unit;
}

/** How the actor's unit subtree relates to a case (lead, coordinating, incoming transfer, or none). */
export async function findCaseRelation(
  q: Queryable,
  actor: StaffRow,
  c: Pick<CaseRow, 'id' | 'unitPath'>,
): Promise<CaseRelation> {
  if (isPathInScope(actor.unitPath, c.unitPath)) return 'lead';
  if (await isCoordinatingInScope(q, c.id, actor.unitPath)) return 'coordinating';
  if (await isIncomingInScope(q, c.id, actor.unitPath)) return 'incoming';
  return 'none';
}

/**
 * Loads a case the actor may act on. The role is checked first (FORBIDDEN, whatever the case). A case the actor
 * may not even read is reported as not found (CASE_NOT_FOUND), so staff cannot probe for cases of other units;
 * on a case they may read (a coordinating unit, a unit asked to take it over) other actions are FORBIDDEN.
 * What each relation opens is `domain/access/case-access.ts`.
 */
export async function getCaseForActor(
  q: Queryable,
  actor: StaffRow,
  caseId: string,
  action: StaffAction,
  lock = false,
): Promise<CaseRow> {
  return (await getCaseAccess(q, actor, caseId, action, lock)).c;
}

/** `getCaseForActor` that also returns the case actions the actor may take on it (what the case page offers). */
export async function getCaseAccess(
  q: Queryable,
  actor: StaffRow,
  caseId: string,
  action: StaffAction,
  lock = false,
): Promise<{ c: CaseRow; relation: CaseRelationKind; actions: CaseAction[] }> {
  requireAction(actor, action);
  const found = lock ? await lockCaseById(q, caseId) : await findCaseById(q, caseId);
  if (!found) throw new AppError('CASE_NOT_FOUND');
  const relation = await findCaseRelation(q, actor, found);
  if (relation === 'none' || !mayActOnCase(actor.role, relation, 'case.read')) throw new AppError('CASE_NOT_FOUND');
  if (!mayActOnCase(actor.role, relation, action)) throw new AppError('FORBIDDEN');
  return { c: found, relation, actions: caseActions(actor.role, relation) };
}
