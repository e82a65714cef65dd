import type { Db } from '../db/client.ts';
import { runSweepStep, type SweepStep } from '../db/repositories/deadline-sweeps.repo.ts';

export type SweepResult = Record<SweepStep, number> & { notifications: number };

const STEPS: SweepStep[] = ['due_soon', 'overdue', 'escalate_parent', 'escalate_city'];

/**
 * Warns about cases falling due and climbs the escalation ladder for overdue ones (assignee → unit
 * administrators → staff of the parent unit → city administrators), writing staff notifications. Safe to run in
 * several processes at once and to repeat: each step happens once per case (markers on the rows). Returns the
 * cases moved per step and the notifications written.
 */
export async function sweepDeadlines(ctx: { db: Db }, now: Date, options: { batchSize?: number } = {}): Promise<SweepResult> {
  const batch = options.batchSize ?? 5000;
  const result: SweepResult = { due_soon: 0, overdue: 0, escalate_parent: 0, escalate_city: 0, notifications: 0 };
  for (const step of STEPS) {
    for (;;) {
      const r = await ctx.db.transaction((tx) => runSweepStep(tx, step, now, batch));
      result[step] += r.cases;
      result.notifications += r.notifications;
      if (r.cases < batch) break;
    }
  }
  return result;
}
