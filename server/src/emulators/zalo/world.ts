import { randomDigits, randomHex } from '../shared/ids.ts';
import type { EmulatorClock } from '../shared/clock.ts';
import type { ZaloState, ZaloThreadMessage, ZaloUser } from './state.ts';

export type ZaloCitizenRef = { userId?: string; name?: string };
export type ZaloCitizenAttachment =
  | { type: 'image' | 'gif' | 'audio' | 'video'; url: string }
  | { type: 'file'; url: string; name: string; size?: number }
  | { type: 'sticker'; url: string; id: string }
  | { type: 'link'; url: string; description?: string }
  | { type: 'location'; lat: number; lng: number };

const eventForAttachment: Record<ZaloCitizenAttachment['type'], string> = {
  image: 'user_send_image', gif: 'user_send_gif', audio: 'user_send_audio', video: 'user_send_video',
  file: 'user_send_file', sticker: 'user_send_sticker', link: 'user_send_link', location: 'user_send_location',
};

/**
 * What happens on the citizen's side of Zalo: messages, follows, shared info, receipts. Each action updates the
 * state and emits one webhook event (Zalo sends one event per POST). IDs and timestamps are strings (zalo spec §1).
 */
export function createZaloWorld(state: ZaloState, clock: EmulatorClock, emit: (event: Record<string, unknown>) => void) {
  const ts = () => String(clock.now());

  function ensureUser(ref: ZaloCitizenRef): ZaloUser {
    const found = state.users.find((u) => (ref.userId ? u.userId === ref.userId : u.name === ref.name));
    if (found) return found;
    if (!ref.userId && !ref.name) throw new Error('a citizen needs a userId or a name');
    const user: ZaloUser = { userId: ref.userId ?? randomDigits(19), userIdByApp: randomDigits(19), name: ref.name ?? `Người dùng Zalo ${state.users.length + 1}`, isFollower: true, lastInteractionAtMs: null };
    state.users.push(user);
    return user;
  }

  const fromUser = (user: ZaloUser) => ({ app_id: state.appId, user_id_by_app: user.userIdByApp, sender: { id: user.userId }, recipient: { id: state.oaId } });
  const fromOa = (user: ZaloUser) => ({ app_id: state.appId, user_id_by_app: user.userIdByApp, sender: { id: state.oaId }, recipient: { id: user.userId } });

  function toPayload(a: ZaloCitizenAttachment): { type: string; payload: Record<string, unknown> } {
    switch (a.type) {
      case 'location':
        // Coordinates arrive as strings (zalo spec §3.4, real captured payload).
        return { type: 'location', payload: { coordinates: { latitude: String(a.lat), longitude: String(a.lng) } } };
      case 'file':
        return { type: 'file', payload: { url: a.url, name: a.name, size: String(a.size ?? 1024), type: a.name.split('.').pop() ?? '', checksum: randomHex(16) } };
      case 'sticker':
        return { type: 'sticker', payload: { id: a.id, url: a.url } };
      case 'link':
        return { type: 'link', payload: { url: a.url, thumbnail: '', description: a.description ?? '' } };
      case 'image':
      case 'gif':
      case 'video':
        return { type: a.type, payload: { url: a.url, thumbnail: a.url } };
      case 'audio':
        return { type: 'audio', payload: { url: a.url } };
    }
  }

  function sendMessage(ref: ZaloCitizenRef, input: { text?: string; attachments?: ZaloCitizenAttachment[]; quoteMsgId?: string }): ZaloThreadMessage {
    const user = ensureUser(ref);
    const first = input.attachments?.[0];
    if (!input.text && !first) throw new Error('a message needs text or an attachment');
    const eventName = first ? eventForAttachment[first.type] : 'user_send_text';
    const msg: ZaloThreadMessage = { msgId: randomHex(10), userId: user.userId, direction: 'inbound', atMs: clock.now(), eventName };
    if (input.text) msg.text = input.text;
    if (first) msg.attachments = input.attachments!.map(toPayload);
    state.messages.push(msg);
    user.lastInteractionAtMs = msg.atMs;
    const message: Record<string, unknown> = { msg_id: msg.msgId };
    if (input.text) message.text = input.text;
    if (input.quoteMsgId) message.quote_msg_id = input.quoteMsgId;
    if (msg.attachments) message.attachments = msg.attachments;
    emit({ ...fromUser(user), event_name: eventName, message, timestamp: String(msg.atMs) });
    return msg;
  }

  function follow(ref: ZaloCitizenRef, followed: boolean): ZaloUser {
    const user = ensureUser(ref);
    user.isFollower = followed;
    if (followed) user.lastInteractionAtMs = clock.now();
    // follow/unfollow use a different envelope: oa_id and follower.id (zalo spec §3.4).
    emit({ app_id: state.appId, oa_id: state.oaId, user_id_by_app: user.userIdByApp, event_name: followed ? 'follow' : 'unfollow', follower: { id: user.userId }, source: 'oa_profile', timestamp: ts() });
    return user;
  }

  function submitInfo(ref: ZaloCitizenRef, info: Record<string, string>): ZaloUser {
    const user = ensureUser(ref);
    user.sharedInfo = { name: user.name, ...info };
    user.lastInteractionAtMs = clock.now();
    emit({ ...fromUser(user), event_name: 'user_submit_info', info: user.sharedInfo, timestamp: ts() });
    return user;
  }

  /** Echo of what the OA sent (oa_send_*), then the delivery receipt if asked. */
  function echo(user: ZaloUser, msg: ZaloThreadMessage): void {
    const message: Record<string, unknown> = { msg_id: msg.msgId };
    if (msg.text !== undefined) message.text = msg.text;
    if (msg.attachments) message.attachments = msg.attachments;
    emit({ ...fromOa(user), event_name: msg.eventName, message, timestamp: String(msg.atMs) });
  }

  function received(user: ZaloUser, msg: ZaloThreadMessage): void {
    msg.receivedAtMs = clock.now();
    emit({ ...fromOa(user), event_name: 'user_received_message', message: { msg_id: msg.msgId }, timestamp: ts() });
  }

  /** The citizen opened the chat: every OA message not yet seen (user_seen_message, msg_ids plural). */
  function seen(ref: ZaloCitizenRef): string[] {
    const user = ensureUser(ref);
    const unseen = state.messages.filter((m) => m.userId === user.userId && m.direction === 'outbound' && m.seenAtMs === undefined);
    for (const m of unseen) m.seenAtMs = clock.now();
    if (unseen.length > 0) emit({ ...fromOa(user), event_name: 'user_seen_message', message: { msg_ids: unseen.map((m) => m.msgId) }, timestamp: ts() });
    return unseen.map((m) => m.msgId);
  }

  return { ensureUser, sendMessage, follow, submitInfo, echo, received, seen };
}

export type ZaloWorld = ReturnType<typeof createZaloWorld>;
