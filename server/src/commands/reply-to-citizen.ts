import { findChannel } from '../channels/registry.ts';
import type { Queryable } from '../db/client.ts';
import type { CaseRow } from '../db/repositories/cases.repo.ts';
import { markCaseAnswered } from '../db/repositories/cases.repo.ts';
import { findReplySituation } from '../db/repositories/channel-events.repo.ts';
import { findIdentityAddress } from '../db/repositories/citizens.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import type { ReplyMode } from '../domain/message/message.ts';
import { replyOptions, type ReplyOptions } from '../domain/message/reply-options.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { queueOutgoingMessage } from './queue-outgoing-message.ts';

/** The ways staff can answer a case now, from its channel's declared windows. */
export async function findReplyOptions(q: Queryable, c: CaseRow, now: Date): Promise<ReplyOptions & { latestCommentId: string | null }> {
  const adapter = findChannel(c.channel);
  if (!adapter) return { modes: [], preferred: null, latestCommentId: null };
  const situation = await findReplySituation(q, c.id);
  return { ...replyOptions(adapter.capabilities, { ...situation, now }), latestCommentId: situation.latestComment?.id ?? null };
}

/**
 * Queues a staff reply on the case's own channel: in the private conversation, publicly under the citizen's
 * comment, or as the one private reply to it. Without `mode`, the case's preferred way is used.
 * Throws CASE_NOT_FOUND, FORBIDDEN or REPLY_NOT_POSSIBLE (window closed, private reply used, comment removed).
 */
export async function replyToCitizen(
  ctx: CommandContext,
  actor: StaffRow,
  caseId: string,
  body: string,
  mode?: ReplyMode,
): Promise<{ messageId: string; mode: ReplyMode }> {
  const at = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.reply', true);
    const options = await findReplyOptions(tx, c, at);
    const chosen = mode ?? options.preferred;
    const option = options.modes.find((o) => o.mode === chosen);
    if (!chosen || !option?.available) throw new AppError('REPLY_NOT_POSSIBLE', { mode: chosen, reason: option?.reason ?? 'window_closed' });
    const address = c.identityId ? await findIdentityAddress(tx, c.identityId) : undefined;
    const messageId = await queueOutgoingMessage(tx, {
      caseId: c.id,
      channel: c.channel,
      channelAccount: address?.channelAccount ?? '',
      recipientId: address?.externalId ?? null,
      identityId: c.identityId,
      kind: 'reply',
      body,
      authorStaffId: actor.id,
      mode: chosen,
      replyTo: chosen === 'message' ? null : options.latestCommentId,
      at,
    });
    await markCaseAnswered(tx, c.id, at);
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'message.sent', payload: { messageId, mode: chosen, body } });
    return { messageId, mode: chosen };
  });
  ctx.notifyOutbox();
  return result;
}
