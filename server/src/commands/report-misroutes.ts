import type { MisrouteQuery, MisrouteReport } from '../../../contracts/api.ts';
import { countMisroutesByUnit } from '../db/repositories/reports.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { resolveReportPeriod } from './report-period.ts';

/**
 * Misroutes per unit of the actor's subtree, by transfers decided in the period: transfers the unit asked for and
 * got back, plus cases it passed on within `days` of receiving them. Throws FORBIDDEN.
 */
export async function reportMisroutes(ctx: Pick<CommandContext, 'db' | 'clock'>, actor: StaffRow, query: MisrouteQuery): Promise<MisrouteReport> {
  requireAction(actor, 'case.read');
  const { from, to } = resolveReportPeriod(query, ctx.clock.now());
  const rows = await countMisroutesByUnit(ctx.db, { scopePath: actor.unitPath, from, to, days: query.days });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    days: query.days,
    rows: rows.map((r) => ({ unit: { code: r.unitCode, name: r.unitName }, returned: r.returned, passedOnQuickly: r.passedOnQuickly, total: r.returned + r.passedOnQuickly })),
  };
}
