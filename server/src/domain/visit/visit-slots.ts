/** Time slots offered for a field visit, and the rules they must satisfy. */
export type VisitSlot = { startsAt: Date; endsAt: Date };

export const SLOTS_MAX = 5;
export const SLOT_MIN_MS = 15 * 60_000;
export const SLOT_MAX_MS = 4 * 3_600_000;
/** Offers are for the coming weeks, not for next year. */
export const SLOT_HORIZON_MS = 30 * 86_400_000;

export type SlotProblem = 'in_past' | 'too_far' | 'too_short' | 'too_long' | 'outside_working_hours' | 'overlaps_other_slot' | 'officer_busy';
export type SlotCheck = { ok: true } | { ok: false; problems: { slot: number; problem: SlotProblem }[] } | { ok: false; count: number };

export type SlotRules = {
  now: Date;
  /** Working time between two instants under the unit's calendar (BusinessCalendar.workingTimeBetween). */
  workingTimeBetween: (a: Date, b: Date) => number;
  /** Intervals the officer (when one is named) is already booked for on other visits. */
  officerBusy?: readonly VisitSlot[];
};

const overlaps = (a: VisitSlot, b: VisitSlot) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * Checks offered slots: 1–5 of them, each 15 min–4 h, starting in the future within 30 days, wholly inside the
 * unit's working hours on a working day (all of it is working time), not overlapping each other nor the named
 * officer's other visits. Problems are numbered by slot (1-based), the way the citizen sees them.
 */
export function checkSlots(slots: readonly VisitSlot[], rules: SlotRules): SlotCheck {
  if (slots.length < 1 || slots.length > SLOTS_MAX) return { ok: false, count: slots.length };
  const problems: { slot: number; problem: SlotProblem }[] = [];
  slots.forEach((s, i) => {
    const add = (problem: SlotProblem) => problems.push({ slot: i + 1, problem });
    const ms = s.endsAt.getTime() - s.startsAt.getTime();
    if (s.startsAt.getTime() <= rules.now.getTime()) add('in_past');
    else if (s.startsAt.getTime() - rules.now.getTime() > SLOT_HORIZON_MS) add('too_far');
    if (ms < SLOT_MIN_MS) add('too_short');
    else if (ms > SLOT_MAX_MS) add('too_long');
    else if (rules.workingTimeBetween(s.startsAt, s.endsAt) !== ms) add('outside_working_hours');
    if (slots.some((o, j) => j !== i && overlaps(s, o))) add('overlaps_other_slot');
    if (rules.officerBusy?.some((b) => overlaps(s, b))) add('officer_busy');
  });
  return problems.length ? { ok: false, problems } : { ok: true };
}
