import type { InboundAttachment, InboundEvent } from '../../domain/message/message.ts';
import type { FbAttachment, FbEntry, FbFeedValue, FbMessagingEvent, FbWebhookBody } from './types.ts';

/** Pure: a Meta `page` webhook body → normalised events. Loops over every entry and item (batching, spec §2.4). */
export function parseFacebookWebhook(body: unknown): InboundEvent[] {
  const b = body as FbWebhookBody | null;
  if (!b || typeof b !== 'object' || b.object !== 'page' || !Array.isArray(b.entry)) return [];
  return b.entry.flatMap((entry) => [
    // standby[] events belong to another app in the handover protocol: we neither store nor answer them here.
    ...(Array.isArray(entry.messaging) ? entry.messaging.flatMap((e) => parseMessaging(e)) : []),
    ...(Array.isArray(entry.changes) ? entry.changes.flatMap((c) => (c.field === 'feed' && c.value ? parseFeed(entry, c.value) : [])) : []),
  ]);
}

function parseMessaging(e: FbMessagingEvent): InboundEvent[] {
  const sender = e.sender?.id;
  const recipient = e.recipient?.id;
  if (!sender || !recipient) return [];
  const occurredAt = new Date(e.timestamp ?? 0);
  if (e.message?.mid) {
    if (e.message.is_echo) {
      return [{ kind: 'echo', providerMessageId: e.message.mid, channelAccount: sender, recipientId: recipient, text: e.message.text ?? '', ...(e.message.metadata ? { metadata: e.message.metadata } : {}), occurredAt }];
    }
    const attachments = (e.message.attachments ?? []).flatMap(toAttachment);
    const location = (e.message.attachments ?? []).map((a) => a.payload?.coordinates).find((c) => c !== undefined);
    return [{
      kind: 'message', providerMessageId: e.message.mid, channelAccount: recipient, senderId: sender, text: e.message.text ?? '', attachments, occurredAt,
      ...(location ? { location: { lat: Number(location.lat), lng: Number(location.long) } } : {}),
    }];
  }
  if (e.postback) {
    const id = e.postback.mid ?? `postback:${sender}:${e.timestamp ?? 0}`;
    return [{ kind: 'message', providerMessageId: id, channelAccount: recipient, senderId: sender, text: e.postback.title ?? e.postback.payload ?? '', attachments: [], occurredAt }];
  }
  if (e.delivery) return [{ kind: 'delivery', providerMessageIds: e.delivery.mids ?? [], channelAccount: recipient, occurredAt: new Date(e.delivery.watermark ?? e.timestamp ?? 0) }];
  if (e.read) return [{ kind: 'read', channelAccount: recipient, readerId: sender, watermark: new Date(e.read.watermark ?? 0), occurredAt }];
  return [];
}

function toAttachment(a: FbAttachment): InboundAttachment[] {
  const url = a.payload?.url;
  if (!url) return [];
  if (a.payload?.sticker_id !== undefined || a.type === 'sticker') return [{ type: 'sticker', url }];
  if (a.type === 'image' || a.type === 'audio' || a.type === 'video' || a.type === 'file') return [{ type: a.type, url }];
  if (a.type === 'fallback') return [{ type: 'link', url, ...(a.title ? { name: a.title } : {}) }];
  return [];
}

/**
 * Citizens' new comments, and comments removed or hidden later. The Page's own comments (from.id == page id)
 * are skipped to avoid reply loops (spec §4); `remove` events may lack everything but ids (spec §4).
 */
function parseFeed(entry: FbEntry, v: FbFeedValue): InboundEvent[] {
  if (v.item !== 'comment' || !v.comment_id || !entry.id) return [];
  const occurredAt = new Date((v.created_time ?? entry.time ?? 0) * 1000);
  if (v.verb === 'remove' || v.verb === 'hide' || v.verb === 'unhide') {
    const how = v.verb === 'remove' ? 'deleted' : v.verb === 'hide' ? 'hidden' : 'unhidden';
    return [{ kind: 'retracted', providerMessageId: v.comment_id, channelAccount: entry.id, how, occurredAt }];
  }
  if (v.verb !== 'add' || !v.from?.id || v.from.id === entry.id) return [];
  return [{
    kind: 'message', providerMessageId: v.comment_id, channelAccount: entry.id, senderId: v.from.id,
    ...(v.from.name ? { senderName: v.from.name } : {}),
    text: v.message ?? '', attachments: v.photo ? [{ type: 'image', url: v.photo }] : [],
    ...(v.post_id ? { threadId: v.post_id } : {}),
    surface: 'comment',
    occurredAt,
  }];
}
