import { findChannel } from '../channels/registry.ts';
import type { Queryable } from '../db/client.ts';
import { findCaseById, markCaseAnswered, type CaseRow } from '../db/repositories/cases.repo.ts';
import { listMergedCaseIds } from '../db/repositories/duplicates.repo.ts';
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
    const messageId = await queueOn(tx, c, { body, authorStaffId: actor.id, kind: 'reply', mode: chosen, replyTo: chosen === 'message' ? null : options.latestCommentId, at });
    // Reporters whose duplicate reports were merged into this case get the reply too, on their own channel.
    for (const mergedId of await listMergedCaseIds(tx, c.id)) {
      const merged = await findCaseById(tx, mergedId);
      if (merged) await queueReplyOnOwnChannel(tx, merged, { body, authorStaffId: actor.id, kind: 'reply', at });
    }
    await markCaseAnswered(tx, c.id, at);
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'message.sent', payload: { messageId, mode: chosen, body } });
    return { messageId, mode: chosen };
  });
  ctx.notifyOutbox();
  return result;
}

type Outgoing = { body: string; authorStaffId: string | null; kind: 'reply' | 'notification'; at: Date };

async function queueOn(tx: Queryable, c: CaseRow, m: Outgoing & { mode: ReplyMode; replyTo: string | null }): Promise<string> {
  const address = c.identityId ? await findIdentityAddress(tx, c.identityId) : undefined;
  return queueOutgoingMessage(tx, {
    caseId: c.id,
    channel: c.channel,
    channelAccount: address?.channelAccount ?? '',
    recipientId: address?.externalId ?? null,
    identityId: c.identityId,
    kind: m.kind,
    body: m.body,
    authorStaffId: m.authorStaffId,
    mode: m.mode,
    replyTo: m.replyTo,
    at: m.at,
  });
}

/**
 * Sends a message to a case's citizen the way their channel allows now (its preferred reply mode); returns null
 * when no way is open (the message is then not sent, and the caller's timeline says so elsewhere).
 */
export async function queueReplyOnOwnChannel(tx: Queryable, c: CaseRow, m: Outgoing): Promise<string | null> {
  const options = await findReplyOptions(tx, c, m.at);
  if (!options.preferred) return null;
  return queueOn(tx, c, { ...m, mode: options.preferred, replyTo: options.preferred === 'message' ? null : options.latestCommentId });
}
