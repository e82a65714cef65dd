import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DeadlineRule, EscalationPolicy } from '../domain/deadline/deadline-rules.ts';

const REFERENCE_DIR = new URL('../../../reference-data/', import.meta.url);

const DurationSchema = z.union([
  z.object({ workingDays: z.number().int().min(0), sameDayCutoff: z.string().regex(/^\d{2}:\d{2}$/).optional() }).strict(),
  z.object({ days: z.number().int().min(0) }).strict(),
  z.object({ workingHours: z.number().positive() }).strict(),
]);

const RuleSchema = z.object({
  id: z.string().min(1),
  stage: z.enum(['resolution', 'forwarding']),
  match: z.object({ type: z.string().optional(), category: z.string().optional(), procedureCode: z.string().optional() }).strict(),
  duration: DurationSchema,
  complexDuration: DurationSchema.optional(),
  extension: z.object({ days: z.number().int().positive(), max: z.number().int().positive() }).optional(),
  pausable: z.boolean(),
  legalBasis: z.string().min(10),
  status: z.enum(['verified', 'needs_checking', 'product_default']),
  note: z.string().optional(),
  source: z.string().optional(),
});

const RulesFileSchema = z.object({
  escalation: z.object({ dueSoonWorkingHours: z.number().positive(), parentAfterWorkingDays: z.number().int().positive(), cityAfterWorkingDays: z.number().int().positive() }).passthrough(),
  rules: z.array(RuleSchema).min(1),
});

export type DeadlineData = { rules: DeadlineRule[]; escalation: EscalationPolicy };

let cached: DeadlineData | undefined;

/** The shipped deadline rules and escalation policy (reference-data/deadlines/rules.json), validated, read once. */
export function loadDeadlineRules(): DeadlineData {
  if (cached) return cached;
  const parsed = RulesFileSchema.parse(JSON.parse(readFileSync(new URL('deadlines/rules.json', REFERENCE_DIR), 'utf8')));
  const ids = new Set<string>();
  for (const r of parsed.rules) {
    if (ids.has(r.id)) throw new Error(`duplicate deadline rule ${r.id}`);
    ids.add(r.id);
  }
  if (!parsed.rules.some((r) => r.stage === 'resolution' && Object.keys(r.match).length === 0)) throw new Error('deadline rules need a default resolution rule');
  const { dueSoonWorkingHours, parentAfterWorkingDays, cityAfterWorkingDays } = parsed.escalation;
  cached = { rules: parsed.rules as DeadlineRule[], escalation: { dueSoonWorkingHours, parentAfterWorkingDays, cityAfterWorkingDays } };
  return cached;
}

const CalendarFileSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      lunarNewYear: z.string(),
      hungKingsDay: z.string(),
      days: z.array(
        z.object({
          on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          kind: z.enum(['holiday', 'day_off', 'working_day']),
          name: z.string().min(1),
          nameEn: z.string().min(1),
          basis: z.string().min(1),
          status: z.enum(['law', 'computed', 'announced', 'needs_checking']),
          active: z.boolean(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
});

export type ShippedCalendar = z.infer<typeof CalendarFileSchema>;
export type ShippedCalendarDay = ShippedCalendar['years'][number]['days'][number];

/** The shipped holidays (reference-data/calendar/vn-holidays-2025-2028.json), validated. */
export function loadShippedCalendar(): ShippedCalendar {
  return CalendarFileSchema.parse(JSON.parse(readFileSync(new URL('calendar/vn-holidays-2025-2028.json', REFERENCE_DIR), 'utf8')));
}
