import type { CaseStatus } from '../../../contracts/enums.ts';
import type { Queryable } from '../db/client.ts';
import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { updateCaseStatus, type CaseRow } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { canTransition } from '../domain/case/transitions.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { pauseCaseClock } from './pause-case-clock.ts';
import { queueReplyOnOwnChannel } from './reply-to-citizen.ts';
import { resumeCaseClock } from './resume-case-clock.ts';

/**
 * Moves a case to another status when the lifecycle allows it. Returns the old and new status.
 * Throws CASE_NOT_FOUND, FORBIDDEN or STATUS_TRANSITION_NOT_ALLOWED.
 */
export async function changeCaseStatus(
  ctx: CommandContext,
  actor: StaffRow,
  caseId: string,
  to: CaseStatus,
  reason: string | undefined,
): Promise<{ from: CaseStatus; to: CaseStatus }> {
  const at = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) =>
    changeCaseStatusInTransaction(ctx, tx, actor, await getCaseForActor(tx, actor, caseId, 'case.status', true), to, reason, at),
  );
  ctx.notifyOutbox();
  return result;
}

/**
 * The work of `changeCaseStatus` inside the caller's transaction (bulk actions), on a case the caller loaded, locked
 * and authorised for `case.status` (getCaseForActor); the caller wakes the outbox.
 */
export async function changeCaseStatusInTransaction(
  ctx: Pick<CommandContext, 'publicUrl'>,
  tx: Queryable,
  actor: StaffRow,
  c: CaseRow,
  to: CaseStatus,
  reason: string | undefined,
  at: Date,
): Promise<{ from: CaseStatus; to: CaseStatus }> {
  if (!canTransition(c.status, to)) throw new AppError('STATUS_TRANSITION_NOT_ALLOWED', { from: c.status, to });
  await updateCaseStatus(tx, c.id, to, at);
  // Legal clocks pause while the case waits on the citizen (docs/domain/deadlines.md), and every pause is recorded.
  if (to === 'waiting_citizen') await pauseCaseClock(tx, c.id, { at, staffId: actor.id, reason: reason ?? null });
  else if (c.status === 'waiting_citizen') await resumeCaseClock(tx, c.id, { at, staffId: actor.id });
  // Resolution is told to the citizen on their channel, with where to rate it or say it is not solved.
  if (to === 'resolved') {
    await queueReplyOnOwnChannel(tx, c, {
      body: `Hồ sơ ${c.trackingCode} đã được giải quyết. Ông/Bà vui lòng đánh giá, hoặc báo lại nếu sự việc chưa được xử lý xong (trong 7 ngày), tại ${ctx.publicUrl}/track/${c.trackingCode}.`,
      authorStaffId: actor.id,
      kind: 'notification',
      at,
    });
  }
  await appendCaseEvent(tx, {
    caseId: c.id,
    kind: 'status.changed',
    actorType: 'staff',
    actorId: actor.id,
    visibility: 'public',
    data: { from: c.status, to, ...(reason ? { reason } : {}) },
    at,
  });
  await appendAudit(tx, {
    caseId: c.id,
    at,
    actor: { type: 'staff', id: actor.id },
    action: 'status.changed',
    payload: { from: c.status, to, reason: reason ?? null },
  });
  return { from: c.status, to };
}
