import { CASE_ACTIONS, type CaseAction, type CaseRelationKind, type StaffRole } from '../../../../contracts/enums.ts';
import { isAllowed, type StaffAction } from './permissions.ts';

/**
 * How a staff member's scope relates to a case: its lead unit (chủ trì) is in scope; a coordinating unit
 * (phối hợp) is; a unit asked to take it over (pending transfer) is; or none of these.
 */
export type CaseRelation = CaseRelationKind | 'none';

/**
 * Which actions each relation opens, before the role is asked: the lead unit's subtree may do all its roles grant.
 * Coordinating staff read the case and contribute notes; status, replies to the citizen, assignment, triage,
 * transfers, visits and photos belong to the lead unit. A unit asked to take a case over reads it to decide (the
 * decision itself is checked on the transfer).
 */
const BY_RELATION: Record<Exclude<CaseRelation, 'lead'>, readonly StaffAction[]> = {
  coordinating: ['case.read', 'case.note'],
  incoming: ['case.read'],
  none: [],
};

/** True when a staff member with this role and relation to a case may take the action on it. */
export function mayActOnCase(role: StaffRole, relation: CaseRelation, action: StaffAction): boolean {
  return (relation === 'lead' || BY_RELATION[relation].includes(action)) && isAllowed(role, action);
}

/** The case actions (beyond reading) a staff member may take, in a stable order: what the case page offers. */
export function caseActions(role: StaffRole, relation: CaseRelation): CaseAction[] {
  return CASE_ACTIONS.filter((action) => mayActOnCase(role, relation, action));
}
