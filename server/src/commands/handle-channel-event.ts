import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { findOpenCaseForIdentity, isOwnOutboundMessage, markDelivered, markRead, recordFollow, recordSharedContact } from '../db/repositories/channel-events.repo.ts';
import { findOrCreateIdentity } from '../db/repositories/citizens.repo.ts';
import { settleOutboundByEcho } from '../db/repositories/outbound-echo.repo.ts';
import { hasProviderMessage, insertMessage, markMessageRetracted } from '../db/repositories/messages.repo.ts';
import type { InboundEvent } from '../domain/message/message.ts';
import type { CommandContext } from './context.ts';
import { receiveChannelMessage } from './receive-channel-message.ts';

/** An echo this close to one of our own sends, with the same text to the same person, is ours. */
const ECHO_MATCH_MS = 10 * 60_000;

/**
 * Applies one normalised provider event. Every branch is idempotent, so a redelivered or replayed webhook
 * changes nothing the second time. Returns a short label for logs and tests.
 */
export async function handleChannelEvent(ctx: CommandContext, channel: string, unitCode: string, e: InboundEvent): Promise<string> {
  const at = ctx.clock.now();
  switch (e.kind) {
    case 'message':
      return (await receiveChannelMessage(ctx, channel, unitCode, e)).kind;
    case 'echo': {
      // A reply typed in the provider's own inbox (Meta Business Suite, Zalo OA admin) belongs on the timeline once;
      // echoes of what we sent are already there.
      return ctx.db.transaction(async (tx) => {
        const match = {
          channel,
          channelAccount: e.channelAccount,
          recipientId: e.recipientId,
          providerMessageId: e.providerMessageId,
          metadata: e.metadata ?? null,
          text: e.text,
          since: new Date(at.getTime() - ECHO_MATCH_MS),
        };
        // Our record of the send may be missing (crash, or a timeout after the provider acted): the echo settles it.
        if (await settleOutboundByEcho(tx, match, at)) return 'echo-settled';
        const own = await isOwnOutboundMessage(tx, match);
        if (own || (await hasProviderMessage(tx, channel, e.providerMessageId))) return 'echo-known';
        const identity = await findOrCreateIdentity(tx, { channel, channelAccount: e.channelAccount, externalId: e.recipientId }, null, at);
        const open = await findOpenCaseForIdentity(tx, identity.identityId);
        if (!open) return 'echo-without-case';
        const messageId = await insertMessage(tx, {
          caseId: open.id,
          direction: 'out',
          channel,
          identityId: identity.identityId,
          authorStaffId: null,
          kind: 'reply',
          body: e.text,
          providerMessageId: e.providerMessageId,
          at,
        });
        if (!messageId) return 'echo-known';
        await appendCaseEvent(tx, { caseId: open.id, kind: 'message.sent', actorType: 'system', actorId: null, messageId, visibility: 'public', data: { via: 'provider_inbox' }, at });
        return 'echo-recorded';
      });
    }
    case 'delivery':
      await markDelivered(ctx.db, channel, e.providerMessageIds, e.occurredAt);
      return 'delivery';
    case 'read':
      await markRead(ctx.db, { channel, channelAccount: e.channelAccount, readerId: e.readerId, watermark: e.watermark });
      return 'read';
    case 'follow':
      await recordFollow(ctx.db, { channel, channelAccount: e.channelAccount, userId: e.userId, following: e.followed, at: e.occurredAt });
      return e.followed ? 'follow' : 'unfollow';
    case 'retracted':
      return ctx.db.transaction(async (tx) => {
        const found = await markMessageRetracted(tx, channel, e.providerMessageId, e.how === 'unhidden' ? null : e.how);
        if (!found) return 'retracted-unknown';
        await appendCaseEvent(tx, { caseId: found.caseId, kind: 'message.retracted', actorType: 'system', actorId: null, messageId: found.messageId, visibility: 'internal', data: { how: e.how }, at });
        return `retracted-${e.how}`;
      });
    case 'contact-shared':
      return ctx.db.transaction(async (tx) => {
        const identity = await findOrCreateIdentity(tx, { channel, channelAccount: e.channelAccount, externalId: e.userId }, e.name ?? null, at);
        await recordSharedContact(tx, { citizenId: identity.citizenId, channel, name: e.name, phone: e.phone, at: e.occurredAt });
        return 'contact-shared';
      });
  }
}
