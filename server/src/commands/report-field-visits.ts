import type { ReportPeriodQuery, VisitReport } from '../../../contracts/api.ts';
import { listVisitOutcomesByUnit } from '../db/repositories/field-visits.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { summarizeElapsed } from '../domain/visit/visit-outcome.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { resolveReportPeriod } from './report-period.ts';

/**
 * Field visits of the actor's subtree in a period, per unit: how many were completed, cancelled or missed, and the
 * median and 90th percentile of the time from the case's first message to completion. Throws FORBIDDEN.
 */
export async function reportFieldVisits(ctx: Pick<CommandContext, 'db' | 'clock'>, actor: StaffRow, query: ReportPeriodQuery): Promise<VisitReport> {
  requireAction(actor, 'case.read');
  const { from, to } = resolveReportPeriod(query, ctx.clock.now());
  const rows = await listVisitOutcomesByUnit(ctx.db, { scopePath: actor.unitPath, from, to });
  const figures = (elapsed: number[], cancelled: number, noShow: number) => {
    const s = summarizeElapsed(elapsed);
    return { done: s.count, cancelled, noShow, medianMs: s.medianMs, p90Ms: s.p90Ms };
  };
  const all = rows.flatMap((r) => r.elapsedMs);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    rows: rows.map((r) => ({ unit: { code: r.unitCode, name: r.unitName }, ...figures(r.elapsedMs, r.cancelled, r.noShow) })),
    total: figures(all, rows.reduce((n, r) => n + r.cancelled, 0), rows.reduce((n, r) => n + r.noShow, 0)),
  };
}
