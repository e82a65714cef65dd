import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { findCaseByTrackingCode, lockCaseById, updateCaseStatus } from '../db/repositories/cases.repo.ts';
import { insertCaseRating } from '../db/repositories/ratings.repo.ts';
import { parseTrackingCode } from '../domain/case/tracking-code.ts';
import { canRate, canReopen, REOPEN_WITHIN_MS } from '../domain/case/after-resolution.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import type { CommandContext } from './context.ts';

async function lockByCode(ctx: CommandContext, tx: Parameters<Parameters<CommandContext['db']['transaction']>[0]>[0], code: string) {
  const trackingCode = parseTrackingCode(code);
  if (!trackingCode) throw new AppError('TRACKING_CODE_INVALID');
  const found = await findCaseByTrackingCode(tx, trackingCode);
  const c = found ? await lockCaseById(tx, found.id) : undefined;
  if (!c) throw new AppError('CASE_NOT_FOUND');
  return c;
}

/**
 * The citizen (holder of the tracking code) rates how a resolved case was handled, once per resolution.
 * Throws TRACKING_CODE_INVALID, CASE_NOT_FOUND or RATING_NOT_POSSIBLE.
 */
export async function rateCase(ctx: CommandContext, code: string, score: number, comment: string | undefined): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const c = await lockByCode(ctx, tx, code);
    if (!canRate(c) || !c.resolvedAt) throw new AppError('RATING_NOT_POSSIBLE', { status: c.status });
    if (!(await insertCaseRating(tx, { caseId: c.id, score, comment: comment ?? null, resolvedAt: c.resolvedAt, at }))) throw new AppError('RATING_NOT_POSSIBLE', { reason: 'already rated' });
    await appendCaseEvent(tx, { caseId: c.id, kind: 'case.rated', actorType: 'citizen', actorId: c.citizenId, visibility: 'internal', data: { score, ...(comment ? { comment } : {}) }, at });
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'citizen', id: c.citizenId }, action: 'case.rated', payload: { score } });
  });
}

/**
 * The citizen says the problem is not solved: within 7 days of the resolution the case goes back to
 * "in progress" for the same unit, with the reason on the timeline. Throws REOPEN_NOT_POSSIBLE after that.
 */
export async function reopenCase(ctx: CommandContext, code: string, reason: string): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const c = await lockByCode(ctx, tx, code);
    if (!canReopen(c, at)) throw new AppError('REOPEN_NOT_POSSIBLE', { status: c.status, withinDays: REOPEN_WITHIN_MS / 86_400_000 });
    await updateCaseStatus(tx, c.id, 'in_progress', at);
    await appendCaseEvent(tx, { caseId: c.id, kind: 'case.reopened', actorType: 'citizen', actorId: c.citizenId, visibility: 'public', data: { reason, from: c.status }, at });
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'citizen', id: c.citizenId }, action: 'case.reopened', payload: { reason } });
  });
}
