import type { PublicCaseView } from '../../../contracts/api.ts';
import { listPublicReplies } from '../db/repositories/case-events.repo.ts';
import { findCaseById, findCaseByTrackingCode } from '../db/repositories/cases.repo.ts';
import { parseTrackingCode } from '../domain/case/tracking-code.ts';
import { redactPii } from '../domain/triage/pii.ts';
import { AppError } from '../lib/app-error.ts';
import { canRate, canReopen } from '../domain/case/after-resolution.ts';
import { findLatestRating } from '../db/repositories/ratings.repo.ts';
import { listVisitsOfCase } from '../db/repositories/field-visits.repo.ts';
import type { CommandContext } from './context.ts';

/**
 * What the holder of a tracking code may see: status, unit and our public replies. Never the citizen's own
 * text, contact or location (anyone can type a code). Throws TRACKING_CODE_INVALID or CASE_NOT_FOUND.
 */
export async function findPublicCase(ctx: Pick<CommandContext, 'db' | 'clock'>, code: string): Promise<PublicCaseView> {
  const trackingCode = parseTrackingCode(code);
  if (!trackingCode) throw new AppError('TRACKING_CODE_INVALID');
  const c = await findCaseByTrackingCode(ctx.db, trackingCode);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const replies = await listPublicReplies(ctx.db, c.id);
  // A merged report follows the case it was merged into.
  const main = c.mergedIntoId ? await findCaseById(ctx.db, c.mergedIntoId) : undefined;
  const latest = await findLatestRating(ctx.db, c.id);
  // The latest field visit: the slots to choose from while offered, then its progress (no officer, fee or receipt).
  const [visit] = await listVisitsOfCase(ctx.db, c.id);
  const rating = latest && c.resolvedAt && latest.resolvedAt.getTime() === c.resolvedAt.getTime() ? latest : undefined;
  return {
    trackingCode: c.trackingCode,
    status: main?.status ?? c.status,
    mergedInto: main?.trackingCode ?? null,
    canRate: canRate(c) && !rating,
    canReopen: canReopen(c, ctx.clock.now()),
    rating: rating?.score ?? null,
    visit: visit
      ? {
          state: visit.state,
          procedure: visit.procedureName,
          slots: visit.slots.map((s) => ({ number: s.number, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
          confirmedSlot: visit.confirmedSlot,
          canConfirm: visit.state === 'offered',
        }
      : null,
    type: c.type,
    unit: { code: c.unitCode, name: c.unitFullName },
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    // A public view: anyone holding the code reads it, so personal data an officer typed is masked (issue 4 §5).
    replies: replies.map((r) => ({ body: redactPii(r.body), kind: r.kind, createdAt: r.createdAt.toISOString() })),
  };
}
