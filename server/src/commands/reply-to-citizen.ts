import { markCaseAnswered } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { queueOutgoingMessage } from './queue-outgoing-message.ts';
import { findIdentityAddress } from '../db/repositories/citizens.repo.ts';

/** Queues a staff reply to the citizen on the case's own channel. Throws CASE_NOT_FOUND or FORBIDDEN. */
export async function replyToCitizen(ctx: CommandContext, actor: StaffRow, caseId: string, body: string): Promise<{ messageId: string }> {
  const at = ctx.clock.now();
  const messageId = await ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.reply', true);
    const address = c.identityId ? await findIdentityAddress(tx, c.identityId) : undefined;
    const id = await queueOutgoingMessage(tx, {
      caseId: c.id,
      channel: c.channel,
      channelAccount: address?.channelAccount ?? '',
      recipientId: address?.externalId ?? null,
      identityId: c.identityId,
      kind: 'reply',
      body,
      authorStaffId: actor.id,
      at,
    });
    await markCaseAnswered(tx, c.id, at);
    return id;
  });
  ctx.notifyOutbox();
  return { messageId };
}
