import type { CaseStatus } from '../../../../contracts/enums.ts';

/**
 * The case lifecycle (docs/domain/case-lifecycle.md). Keys are the current status, values the statuses a
 * staff member may move the case to. Closed and rejected cases are final.
 */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['assigned', 'in_progress', 'waiting_citizen', 'resolved', 'rejected'],
  assigned: ['new', 'in_progress', 'waiting_citizen', 'resolved', 'rejected'],
  in_progress: ['waiting_citizen', 'resolved', 'rejected'],
  waiting_citizen: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: [],
};

/** The statuses a case in `from` may move to next. */
export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

/** True when a case may move from `from` to `to`. Staying in the same status is not a transition. */
export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Open cases are those still being handled: they count against deadlines and join new messages. */
export function isOpenStatus(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'rejected';
}

/** Setting or clearing the assignee of a new/assigned case moves its status with it. */
export function statusAfterAssignment(current: CaseStatus, hasAssignee: boolean): CaseStatus {
  if (hasAssignee && current === 'new') return 'assigned';
  if (!hasAssignee && current === 'assigned') return 'new';
  return current;
}
