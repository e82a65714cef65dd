import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { decideDuplicateProposals, recordMerge } from '../db/repositories/duplicates.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { getCaseForActor } from './authorize.ts';
import { appendAudit } from './append-audit.ts';
import type { CommandContext } from './context.ts';
import { queueReplyOnOwnChannel } from './reply-to-citizen.ts';

/**
 * Merges a duplicate report into the case it duplicates, in one action: the duplicate is closed and linked, its
 * reporter is told on their own channel, and from now on every reply to the main case is also sent to them
 * (through their own case and tracking code). Throws CASE_NOT_FOUND, FORBIDDEN or VALIDATION_FAILED.
 */
export async function mergeCases(ctx: CommandContext, actor: StaffRow, duplicateId: string, mainId: string): Promise<void> {
  if (duplicateId === mainId) throw new AppError('VALIDATION_FAILED', { field: 'intoCaseId' });
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const duplicate = await getCaseForActor(tx, actor, duplicateId, 'case.assign', true);
    const main = await getCaseForActor(tx, actor, mainId, 'case.assign', true);
    const mainIsMerged = await tx.query('SELECT 1 FROM cases WHERE id = $1 AND merged_into_id IS NOT NULL', [main.id]);
    if (mainIsMerged.length > 0) throw new AppError('VALIDATION_FAILED', { field: 'intoCaseId', reason: 'already merged' });
    await recordMerge(tx, { mainCaseId: main.id, mergedCaseId: duplicate.id, staffId: actor.id, at });
    await decideDuplicateProposals(tx, duplicate.id, main.id, 'merged', actor.id, at);
    await appendCaseEvent(tx, { caseId: main.id, kind: 'case.merged', actorType: 'staff', actorId: actor.id, visibility: 'internal', data: { merged: duplicate.trackingCode }, at });
    await appendCaseEvent(tx, { caseId: duplicate.id, kind: 'case.merged', actorType: 'staff', actorId: actor.id, visibility: 'public', data: { into: main.trackingCode }, at });
    await appendCaseEvent(tx, { caseId: duplicate.id, kind: 'status.changed', actorType: 'staff', actorId: actor.id, visibility: 'public', data: { from: duplicate.status, to: 'closed', reason: 'merged' }, at });
    await queueReplyOnOwnChannel(tx, duplicate, {
      body: `Phản ánh của Ông/Bà (mã ${duplicate.trackingCode}) trùng với hồ sơ ${main.trackingCode} về cùng sự việc và đã được gộp vào hồ sơ đó. Ông/Bà vẫn nhận được mọi cập nhật qua mã ${duplicate.trackingCode}.`,
      authorStaffId: actor.id,
      kind: 'notification',
      at,
    });
    // Last in the transaction: the audit chain's lock is held until commit.
    await appendAudit(tx, { caseId: duplicate.id, at, actor: { type: 'staff', id: actor.id }, action: 'case.merged', payload: { into: main.id } });
    await appendAudit(tx, { caseId: main.id, at, actor: { type: 'staff', id: actor.id }, action: 'case.merge_received', payload: { merged: duplicate.id } });
  });
  ctx.notifyOutbox();
}

/**
 * An officer decides a proposed pair is not a duplicate. Both cases must be theirs to work on (a twin moved to
 * another unit is not shown to them, so it cannot be dismissed either). Throws CASE_NOT_FOUND, FORBIDDEN or NOT_FOUND.
 */
export async function dismissDuplicate(ctx: CommandContext, actor: StaffRow, caseId: string, otherId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await getCaseForActor(tx, actor, caseId, 'case.assign');
    await getCaseForActor(tx, actor, otherId, 'case.assign');
    if ((await decideDuplicateProposals(tx, caseId, otherId, 'dismissed', actor.id, ctx.clock.now())) === 0) throw new AppError('NOT_FOUND');
  });
}
