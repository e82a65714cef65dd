import type { OnTimeReport, ReportPeriodQuery } from '../../../contracts/api.ts';
import { countOnTimeByUnitAndCategory } from '../db/repositories/reports.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { onTimeRate } from '../domain/accountability/on-time-rate.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { resolveReportPeriod } from './report-period.ts';

/** On-time rate per unit and category of the actor's subtree for a period, with the total. Throws FORBIDDEN. */
export async function reportOnTime(ctx: Pick<CommandContext, 'db' | 'clock'>, actor: StaffRow, query: ReportPeriodQuery): Promise<OnTimeReport> {
  requireAction(actor, 'case.read');
  const now = ctx.clock.now();
  const { from, to } = resolveReportPeriod(query, now);
  const rows = await countOnTimeByUnitAndCategory(ctx.db, { scopePath: actor.unitPath, from, to, end: to < now ? to : now });
  const sum = (k: 'closedOnTime' | 'closedLate' | 'openPastDue') => rows.reduce((n, r) => n + r[k], 0);
  const total = { closedOnTime: sum('closedOnTime'), closedLate: sum('closedLate'), openPastDue: sum('openPastDue') };
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    rows: rows.map((r) => ({ unit: { code: r.unitCode, name: r.unitName }, category: r.category, closedOnTime: r.closedOnTime, closedLate: r.closedLate, openPastDue: r.openPastDue, rate: onTimeRate(r) })),
    total: { ...total, rate: onTimeRate(total) },
  };
}
