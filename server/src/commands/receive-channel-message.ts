import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { findOpenCaseForIdentity, findSenderState, recordCitizenMessageOnCase } from '../db/repositories/channel-events.repo.ts';
import { createIdentity } from '../db/repositories/citizens.repo.ts';
import { insertMessage } from '../db/repositories/messages.repo.ts';
import type { InboundEvent } from '../domain/message/message.ts';
import { isInsideCityBounds } from '../domain/place/city-bounds.ts';
import { confirmVisitSlotFromMessage } from './confirm-visit-slot.ts';
import type { CommandContext } from './context.ts';
import { openCaseInTransaction } from './open-case.ts';

export type ChannelMessage = Extract<InboundEvent, { kind: 'message' }>;
export type ReceiveResult = { kind: 'opened'; caseId: string; trackingCode: string } | { kind: 'appended'; caseId: string; confirmedVisit?: boolean } | { kind: 'duplicate' };

/**
 * A citizen's message on a channel account: joins the sender's open case, or opens a new one (acknowledged with
 * its tracking code on the same channel). Redelivered or replayed messages change nothing. Messages from one
 * sender are handled one at a time (a transaction-scoped advisory lock), so two workers never open two cases
 * for the same first message burst.
 */
export async function receiveChannelMessage(
  ctx: CommandContext,
  channel: string,
  unitCode: string,
  m: ChannelMessage,
): Promise<ReceiveResult> {
  const at = ctx.clock.now();
  const text = m.text.trim() || describeAttachments(m);
  // Classified before the transaction (pure CPU); used only if this message opens a case.
  const triage = ctx.triage?.classify(text, m.location);
  const result = await ctx.db.transaction(async (tx): Promise<ReceiveResult> => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${channel}:${m.channelAccount}:${m.senderId}`], { name: 'channel.sender-lock' });
    // Redelivery, identity and open case in one statement, read after the lock.
    const sender = await findSenderState(tx, { channel, channelAccount: m.channelAccount, externalId: m.senderId, providerMessageId: m.providerMessageId });
    if (sender.duplicate) return { kind: 'duplicate' };
    let identity = sender.identity;
    let open = sender.openCase;
    if (!identity) {
      const made = await createIdentity(tx, { channel, channelAccount: m.channelAccount, externalId: m.senderId }, m.senderName ?? null, at);
      identity = made;
      // A new identity has no case; one another transaction created meanwhile (an echo, shared contact details) is looked at.
      open = made.created ? undefined : await findOpenCaseForIdentity(tx, made.identityId);
    }
    if (!open) {
      const opened = await openCaseInTransaction(
        ctx,
        tx,
        {
          text,
          unitCode,
          channel,
          intakeMethod: 'channel',
          identity: { channelAccount: m.channelAccount, externalId: m.senderId, displayName: m.senderName ?? null },
          resolvedIdentity: identity,
          providerMessageId: m.providerMessageId,
          surface: m.surface ?? 'direct',
          triage,
          attachments: m.attachments,
          location: m.location && isInsideCityBounds(m.location) ? m.location : undefined,
          locale: 'vi',
        },
        at,
      );
      return { kind: 'opened', caseId: opened.caseId, trackingCode: opened.trackingCode };
    }
    const messageId = await insertMessage(tx, {
      caseId: open.id,
      direction: 'in',
      channel,
      identityId: identity.identityId,
      authorStaffId: null,
      kind: 'citizen',
      body: text,
      attachments: m.attachments,
      surface: m.surface ?? 'direct',
      providerMessageId: m.providerMessageId,
      at,
    });
    if (!messageId) return { kind: 'duplicate' };
    await appendCaseEvent(tx, { caseId: open.id, kind: 'message.received', actorType: 'citizen', actorId: open.citizenId, messageId, visibility: 'public', at });
    await recordCitizenMessageOnCase(tx, open.id, at);
    // A reply that is just a slot number confirms a pending home-visit offer (docs/domain/field-visits.md).
    if (await confirmVisitSlotFromMessage(tx, open.id, text, at)) return { kind: 'appended', caseId: open.id, confirmedVisit: true };
    return { kind: 'appended', caseId: open.id };
  });
  if (result.kind === 'opened' || (result.kind === 'appended' && result.confirmedVisit)) ctx.notifyOutbox();
  return result;
}

/** A message with no text (a photo, a sticker, a location) still needs words on the timeline. */
function describeAttachments(m: ChannelMessage): string {
  if (m.location) return `[Vị trí: ${m.location.lat.toFixed(5)}, ${m.location.lng.toFixed(5)}]`;
  const kinds = [...new Set(m.attachments.map((a) => a.type))];
  const words: Record<string, string> = { image: 'Ảnh', file: 'Tệp', audio: 'Ghi âm', video: 'Video', sticker: 'Nhãn dán', link: 'Liên kết' };
  return kinds.length ? `[${kinds.map((k) => words[k] ?? k).join(', ')}]` : '[Tin nhắn không có nội dung]';
}
