import type { ReportPeriodQuery } from '../../../contracts/api.ts';
import { AppError } from '../lib/app-error.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * [from, to) of a report. A day is a Vietnam calendar day: `from` starts at its 00:00 (+07:00), `to` includes the
 * whole day. Without `to`: up to now inclusive; without `from`: 30 days before `to`. Throws VALIDATION_FAILED when from ≥ to.
 */
/** One end of a period: an instant as given, or a Vietnam day's start (`from`) or the end of that day (`to`). */
export function parseReportInstant(value: string, end: 'from' | 'to'): Date {
  if (!isDay(value)) return new Date(value);
  const start = new Date(`${value}T00:00:00+07:00`);
  return end === 'from' ? start : new Date(start.getTime() + DAY_MS);
}

export function resolveReportPeriod(query: ReportPeriodQuery, now: Date): { from: Date; to: Date } {
  // Without `to` the period includes what happened at this very instant.
  const to = query.to ? parseReportInstant(query.to, 'to') : new Date(now.getTime() + 1);
  const from = query.from ? parseReportInstant(query.from, 'from') : new Date(to.getTime() - 30 * DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) throw new AppError('VALIDATION_FAILED', { field: 'from' });
  return { from, to };
}
