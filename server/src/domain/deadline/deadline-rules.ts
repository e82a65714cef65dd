/**
 * Deadline rules (from reference-data/deadlines/rules.json) and the due time they give a case. A rule matches on
 * case type, category and procedure; the most specific match wins (procedure, then category, then type, then
 * the default rule), so a city can add a rule for one category without touching the others.
 */
import type { BusinessCalendar } from './business-calendar.ts';
import { parseClockTime } from './local-date.ts';

/** Which clock: resolving the case, or forwarding it to the competent body when it is not ours. */
export type DeadlineStage = 'resolution' | 'forwarding';

export type DeadlineDuration =
  | { workingDays: number; sameDayCutoff?: string }
  | { days: number }
  | { workingHours: number };

export type DeadlineRule = {
  id: string;
  stage: DeadlineStage;
  match: { type?: string; category?: string; procedureCode?: string };
  duration: DeadlineDuration;
  /** Longer duration for complex matters (Luật Khiếu nại 2011 Art. 28: 30 → 45 days). */
  complexDuration?: DeadlineDuration;
  /** Extensions the competent person may grant (Luật Tố cáo 2018 Art. 30: up to two of 30 days). */
  extension?: { days: number; max: number };
  /** True where the rules let the clock stop while the citizen supplements the file. */
  pausable: boolean;
  legalBasis: string;
  status: 'verified' | 'needs_checking' | 'product_default';
  note?: string;
};

export type Complexity = 'normal' | 'complex' | 'especially_complex';

export type DeadlineInput = {
  type: string;
  category?: string | null;
  procedureCode?: string | null;
  receivedAt: Date;
  calendar: BusinessCalendar;
  rules: readonly DeadlineRule[];
  stage?: DeadlineStage;
  complexity?: Complexity;
  /** Extensions granted so far (tố cáo); defaults to what the complexity implies. */
  extensions?: number;
};

export type ComputedDeadline = { dueAt: Date; rule: DeadlineRule; pausable: boolean };

/** The most specific rule of the stage that matches the case, or undefined when none (not even a default) does. */
export function findDeadlineRule(rules: readonly DeadlineRule[], c: { type: string; category?: string | null; procedureCode?: string | null; stage?: DeadlineStage }): DeadlineRule | undefined {
  let best: DeadlineRule | undefined;
  let bestScore = -1;
  for (const r of rules) {
    if (r.stage !== (c.stage ?? 'resolution')) continue;
    const m = r.match;
    if (m.type !== undefined && m.type !== c.type) continue;
    if (m.category !== undefined && m.category !== c.category) continue;
    if (m.procedureCode !== undefined && m.procedureCode !== c.procedureCode) continue;
    const score = (m.procedureCode ? 4 : 0) + (m.category ? 2 : 0) + (m.type ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

/**
 * The procedure code a case's deadline is counted under. A case carries either a national procedure code (as
 * staff may enter it) or a triage topic such as 'khai_sinh', which stands for the catalogue codes that answer it,
 * most common first (`topicCodes`, from reference-data/procedures/triage-topics.json): the first of them with a
 * rule of its own for the case's type gives the case that procedure's processing time. Anything else is returned
 * as it is (the category, type or default rule then applies).
 */
export function resolveDeadlineProcedure(rules: readonly DeadlineRule[], c: { type: string; procedureCode: string | null }, topicCodes: readonly string[]): string | null {
  if (!c.procedureCode) return null;
  const hasOwnRule = (code: string) => rules.some((r) => r.match.procedureCode === code && (r.match.type === undefined || r.match.type === c.type));
  return [c.procedureCode, ...topicCodes].find(hasOwnRule) ?? c.procedureCode;
}

/** Adds a duration to an instant under a calendar (see BusinessCalendar for counting conventions). */
export function addDuration(calendar: BusinessCalendar, from: Date, d: DeadlineDuration): Date {
  if ('workingDays' in d) return calendar.addWorkingDays(from, d.workingDays, d.sameDayCutoff ? { cutoffMinute: parseClockTime(d.sameDayCutoff) } : {});
  if ('days' in d) return calendar.addCalendarDays(from, d.days);
  return calendar.addWorkingHours(from, d.workingHours);
}

/**
 * The due time of a case and the rule that gave it. Throws when no rule matches (the shipped rules have a
 * default, so this means a broken rules file).
 */
export function computeDeadline(input: DeadlineInput): ComputedDeadline {
  const rule = findDeadlineRule(input.rules, input);
  if (!rule) throw new Error(`no deadline rule for ${input.type}/${input.category ?? '-'}/${input.procedureCode ?? '-'}`);
  const complex = input.complexity !== undefined && input.complexity !== 'normal';
  const duration = complex && rule.complexDuration ? rule.complexDuration : rule.duration;
  let extensions = input.extensions ?? (input.complexity === 'especially_complex' ? 2 : input.complexity === 'complex' ? 1 : 0);
  extensions = rule.extension ? Math.min(Math.max(extensions, 0), rule.extension.max) : 0;
  if (rule.extension && extensions > 0 && 'days' in duration) {
    const total = { days: duration.days + extensions * rule.extension.days };
    return { dueAt: addDuration(input.calendar, input.receivedAt, total), rule, pausable: rule.pausable };
  }
  return { dueAt: addDuration(input.calendar, input.receivedAt, duration), rule, pausable: rule.pausable };
}

/** When to warn and when to climb the escalation ladder, relative to the due time. */
export type EscalationPolicy = {
  /** Warn this much working time before the due time (at most half the time the case had). */
  dueSoonWorkingHours: number;
  /** Notify the parent unit this many working days after the due time. */
  parentAfterWorkingDays: number;
  /** Notify city administrators this many working days after the due time. */
  cityAfterWorkingDays: number;
};

export type DeadlineMilestones = { dueSoonAt: Date; dueAt: Date; escalateParentAt: Date; escalateCityAt: Date };

/** The instants at which the sweeps act on a case with this due time. */
export function deadlineMilestones(calendar: BusinessCalendar, receivedAt: Date, dueAt: Date, policy: EscalationPolicy): DeadlineMilestones {
  const total = calendar.workingTimeBetween(receivedAt, dueAt);
  const warn = Math.min(policy.dueSoonWorkingHours * 3_600_000, Math.floor(total / 2));
  const day = calendar.workingDayMs();
  return {
    dueSoonAt: calendar.addWorkingTime(dueAt, -warn),
    dueAt,
    escalateParentAt: calendar.addWorkingTime(dueAt, policy.parentAfterWorkingDays * day),
    escalateCityAt: calendar.addWorkingTime(dueAt, policy.cityAfterWorkingDays * day),
  };
}

/**
 * A clock stopped at `pausedAt` and restarted at `resumedAt`: the working time in between, and every milestone
 * moved later by that much working time, so the case keeps the working time it had left.
 */
export function resumeMilestones(calendar: BusinessCalendar, m: DeadlineMilestones, pausedAt: Date, resumedAt: Date): { pausedWorkingMs: number; milestones: DeadlineMilestones } {
  const pausedWorkingMs = calendar.workingTimeBetween(pausedAt, resumedAt);
  const shift = (d: Date) => calendar.addWorkingTime(d, pausedWorkingMs);
  return {
    pausedWorkingMs,
    milestones: { dueSoonAt: shift(m.dueSoonAt), dueAt: shift(m.dueAt), escalateParentAt: shift(m.escalateParentAt), escalateCityAt: shift(m.escalateCityAt) },
  };
}
