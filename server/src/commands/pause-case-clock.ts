import type { Queryable } from '../db/client.ts';
import { findCaseClockForUpdate, markClockPaused } from '../db/repositories/case-clocks.repo.ts';

export type PauseResult = { kind: 'paused' } | { kind: 'already_paused' } | { kind: 'not_pausable'; ruleId: string | null } | { kind: 'no_deadline' };

/**
 * Stops a case's clock while it waits for the citizen (status → waiting_citizen), inside the caller's
 * transaction, and records the pause. Khiếu nại and tố cáo clocks do not stop (`not_pausable`).
 */
export async function pauseCaseClock(tx: Queryable, caseId: string, p: { at: Date; staffId?: string | null; reason?: string | null }): Promise<PauseResult> {
  const c = await findCaseClockForUpdate(tx, caseId);
  if (!c?.dueAt) return { kind: 'no_deadline' };
  if (c.clockPausedAt) return { kind: 'already_paused' };
  if (!c.clockPausable) return { kind: 'not_pausable', ruleId: c.deadlineRule };
  await markClockPaused(tx, c.id, { at: p.at, staffId: p.staffId ?? null, reason: p.reason ?? null });
  return { kind: 'paused' };
}
