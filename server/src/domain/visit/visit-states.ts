import type { TimelineKind, VisitState } from '../../../../contracts/enums.ts';

/** What staff (or the citizen, for `confirm`) do to a visit. */
export type VisitAction = 'confirm' | 'dispatch' | 'depart' | 'collect' | 'complete' | 'cancel' | 'no_show';

/**
 * The visit lifecycle as a table: from a state, an action leads to the next state. Cancelling is possible until
 * the documents are collected; a no-show is recorded by the officer who came (on the way) and found no one.
 */
const NEXT: Record<VisitState, Partial<Record<VisitAction, VisitState>>> = {
  offered: { confirm: 'confirmed', cancel: 'cancelled' },
  confirmed: { dispatch: 'dispatched', cancel: 'cancelled' },
  dispatched: { dispatch: 'dispatched', depart: 'on_the_way', cancel: 'cancelled' },
  on_the_way: { collect: 'collected', cancel: 'cancelled', no_show: 'no_show' },
  collected: { complete: 'done' },
  done: {},
  cancelled: {},
  no_show: {},
};

/** The state after `action`, or null when the action is not possible from `state`. */
export function nextVisitState(state: VisitState, action: VisitAction): VisitState | null {
  return NEXT[state][action] ?? null;
}

/** The actions possible from a state (what the console offers). */
export function visitActions(state: VisitState): VisitAction[] {
  return Object.keys(NEXT[state]) as VisitAction[];
}

/** Finished visits: a case may get a new offer only when its visits are all finished. */
export function isVisitFinished(state: VisitState): boolean {
  return state === 'done' || state === 'cancelled' || state === 'no_show';
}

/** The timeline event each resulting state writes. */
export const VISIT_EVENT: Record<VisitState, TimelineKind> = {
  offered: 'visit.offered',
  confirmed: 'visit.confirmed',
  dispatched: 'visit.dispatched',
  on_the_way: 'visit.departed',
  collected: 'visit.collected',
  done: 'visit.completed',
  cancelled: 'visit.cancelled',
  no_show: 'visit.no_show',
};

/**
 * States the citizen is told about on their channel: the offer (with the slots), the confirmation, the officer on
 * the way, completion, and a cancellation or missed visit (with the reason).
 */
export function isCitizenToldOf(state: VisitState): boolean {
  return state !== 'dispatched' && state !== 'collected';
}
