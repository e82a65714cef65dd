import type { StaffRole } from '../../../../contracts/enums.ts';

export const STAFF_ACTIONS = [
  'case.read',
  'case.create',
  'case.reply',
  'case.note',
  'case.status',
  'case.assign',
  /** Correct the first pass (type, category, urgency) and route a case from the triage queue. */
  'case.triage',
  'template.edit',
  'outbox.read',
  'outbox.retry',
  /** Connect or reconnect provider accounts (Pages, OAs) of units in scope; reading their health needs case.read. */
  'channel.manage',
  /** Ask another unit to take a case over (it accepts or returns it); add or remove coordinating units. */
  'case.transfer',
  /** Approve a report's photo for the public map, list and Open311 after checking it for faces and plates. */
  'photo.publish',
  /** Offer a field visit (home service), dispatch an officer and record its steps, fee and receipt. */
  'case.visit',
  /** Export the audit log of cases in scope. */
  'audit.export',
  /** Set the weekly working hours of units in scope. */
  'hours.edit',
  /** City-wide settings: the working-day calendar (holidays, days off, make-up days) and the routing rules. */
  'calendar.edit',
  'routing.edit',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** What each role may do, within its own unit and the units below it. */
const GRANTS: Record<StaffRole, readonly StaffAction[]> = {
  city_admin: STAFF_ACTIONS,
  unit_admin: STAFF_ACTIONS.filter((a) => a !== 'calendar.edit' && a !== 'routing.edit'),
  officer: ['case.read', 'case.create', 'case.reply', 'case.note', 'case.status', 'case.assign', 'case.triage', 'outbox.read', 'case.transfer', 'photo.publish', 'case.visit'],
  triage_operator: ['case.read', 'case.create', 'case.note', 'case.assign', 'case.triage'],
  viewer: ['case.read'],
};

export function isAllowed(role: StaffRole, action: StaffAction): boolean {
  return GRANTS[role].includes(action);
}

/** A unit is in scope when it is the staff member's unit or below it (paths like '79/26734'). */
export function isPathInScope(scopePath: string, unitPath: string): boolean {
  return unitPath === scopePath || unitPath.startsWith(`${scopePath}/`);
}
