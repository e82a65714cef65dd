import type { Queryable } from '../db/client.ts';
import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { insertMessage } from '../db/repositories/messages.repo.ts';
import { insertOutbound } from '../db/repositories/outbound.repo.ts';

export type OutgoingMessage = {
  caseId: string;
  channel: string;
  channelAccount: string;
  recipientId: string | null;
  identityId: string | null;
  kind: 'acknowledgement' | 'reply' | 'notification';
  body: string;
  authorStaffId: string | null;
  mode?: 'message' | 'public_comment' | 'private_reply';
  replyTo?: string | null;
  /** Extra facts for the timeline event (e.g. that the system answered automatically). */
  eventData?: Record<string, unknown>;
  at: Date;
};

/**
 * Writes an outgoing message, its delivery row and its timeline event inside the caller's transaction, so the
 * message exists if and only if the change that caused it committed. The worker delivers it later.
 */
export async function queueOutgoingMessage(tx: Queryable, m: OutgoingMessage): Promise<string> {
  const messageId = await insertMessage(tx, {
    caseId: m.caseId,
    direction: 'out',
    channel: m.channel,
    identityId: m.identityId,
    authorStaffId: m.authorStaffId,
    kind: m.kind,
    body: m.body,
    providerMessageId: null,
    at: m.at,
  });
  if (!messageId) throw new Error('outgoing message insert returned no id');
  await insertOutbound(tx, {
    messageId,
    caseId: m.caseId,
    channel: m.channel,
    channelAccount: m.channelAccount,
    recipientId: m.recipientId,
    // One conversation per citizen identity on a channel account; without an identity, per case.
    conversationKey: `${m.channel}:${m.channelAccount}:${m.recipientId ?? m.caseId}`,
    idempotencyKey: `msg-${messageId}`,
    mode: m.mode ?? 'message',
    replyTo: m.replyTo ?? null,
    at: m.at,
  });
  await appendCaseEvent(tx, {
    caseId: m.caseId,
    kind: 'message.sent',
    actorType: m.authorStaffId ? 'staff' : 'system',
    actorId: m.authorStaffId,
    messageId,
    visibility: 'public',
    ...(m.eventData ? { data: m.eventData } : {}),
    at: m.at,
  });
  return messageId;
}
