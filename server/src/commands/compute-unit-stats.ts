import { listUnitStatRows } from '../db/repositories/public-problems.repo.ts';
import { rankUnits, type RankedUnitStat } from '../domain/public/unit-stats.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';

const DAY_MS = 86_400_000;
export const DEFAULT_STATS_DAYS = 90;

/**
 * Public figures per unit over cases opened in [from, to) (default: the last 90 days up to now), ranked.
 * Throws VALIDATION_FAILED when `from` is not before `to`.
 */
export async function computeUnitStats(ctx: CommandContext, range: { from?: Date; to?: Date }): Promise<{ from: string; to: string; generatedAt: string; units: RankedUnitStat[] }> {
  const now = ctx.clock.now();
  const to = range.to ?? now;
  const from = range.from ?? new Date(to.getTime() - DEFAULT_STATS_DAYS * DAY_MS);
  if (from >= to) throw new AppError('VALIDATION_FAILED', { field: 'from' });
  const rows = await listUnitStatRows(ctx.db, from, to, now);
  return { from: from.toISOString(), to: to.toISOString(), generatedAt: now.toISOString(), units: rankUnits(rows) };
}
