import type { InboundAttachment, InboundEvent } from '../../domain/message/message.ts';
import type { ZaloAttachment, ZaloWebhookBody } from './types.ts';

/** Pure: one Zalo OA event → normalised events; unknown event names give [] (zalo spec §3.4). */
export function parseZaloWebhook(body: unknown): InboundEvent[] {
  const b = body as ZaloWebhookBody | null;
  if (!b || typeof b !== 'object' || typeof b.event_name !== 'string') return [];
  const occurredAt = new Date(Number(b.timestamp ?? 0));
  const name = b.event_name;
  const user = b.sender?.id;
  const oa = b.recipient?.id;
  if (name.startsWith('user_send_') && user && oa && b.message?.msg_id) {
    const attachments = (b.message.attachments ?? []).flatMap(toAttachment);
    const coords = (b.message.attachments ?? []).find((a) => a.type === 'location')?.payload?.coordinates;
    return [{
      kind: 'message', providerMessageId: b.message.msg_id, channelAccount: oa, senderId: user, text: b.message.text ?? '', attachments, occurredAt,
      // Coordinates arrive as strings.
      ...(coords?.latitude && coords.longitude ? { location: { lat: Number(coords.latitude), lng: Number(coords.longitude) } } : {}),
    }];
  }
  if (name.startsWith('oa_send_') && b.sender?.id && b.recipient?.id && b.message?.msg_id) {
    return [{ kind: 'echo', providerMessageId: b.message.msg_id, channelAccount: b.sender.id, recipientId: b.recipient.id, text: b.message.text ?? '', occurredAt }];
  }
  // For receipts the sender is the OA and the recipient the user.
  if (name === 'user_received_message' && b.sender?.id && b.message?.msg_id) return [{ kind: 'delivery', providerMessageIds: [b.message.msg_id], channelAccount: b.sender.id, occurredAt }];
  if (name === 'user_seen_message' && b.sender?.id && b.recipient?.id) return [{ kind: 'read', channelAccount: b.sender.id, readerId: b.recipient.id, watermark: occurredAt, occurredAt }];
  if ((name === 'follow' || name === 'unfollow') && b.oa_id && b.follower?.id) return [{ kind: 'follow', channelAccount: b.oa_id, userId: b.follower.id, followed: name === 'follow', occurredAt }];
  if (name === 'user_submit_info' && user && oa && b.info) {
    const address = [b.info.address, b.info.ward, b.info.district, b.info.city].filter(Boolean).join(', ');
    return [{
      kind: 'contact-shared', channelAccount: oa, userId: user, occurredAt,
      ...(b.info.name ? { name: b.info.name } : {}), ...(b.info.phone ? { phone: b.info.phone } : {}), ...(address ? { address } : {}),
    }];
  }
  return [];
}

function toAttachment(a: ZaloAttachment): InboundAttachment[] {
  const url = a.payload?.url;
  if (!url) return [];
  const type = a.type === 'gif' ? 'image' : a.type;
  if (type === 'image' || type === 'file' || type === 'audio' || type === 'video' || type === 'sticker' || type === 'link') return [{ type, url, ...(a.payload?.name ? { name: a.payload.name } : {}) }];
  return [];
}
