import { randomHex } from '../shared/ids.ts';
import type { EmulatorClock } from '../shared/clock.ts';
import { zaloErrors } from './oa-errors.ts';
import type { ZaloState, ZaloThreadMessage } from './state.ts';
import type { ZaloWorld } from './world.ts';

const hourMs = 3_600_000;
/** Free consultation frame after the user's last interaction (zalo spec §4.4). */
export const freeWindowMs = 48 * hourMs;
/** Past 7 days the OpenAPI refuses consultation messages with -230/-232 (zalo spec §4.4). */
export const sendWindowMs = 7 * 24 * hourMs;
export const maxTextLength = 2000;
/** From this day Zalo stops returning `remain`/`total` in the quota (zalo spec §4.3). */
const quotaCountsEndMs = Date.UTC(2026, 2, 1) - 7 * hourMs;

export type SendCsContext = { state: ZaloState; world: ZaloWorld; clock: EmulatorClock; requireFollower: boolean; autoDeliveryReceipts: boolean };
type Body = Record<string, unknown>;

/** `POST /v3.0/oa/message/{cs,transaction,promotion}` (zalo spec §4). Throws ZaloApiError on refusal. */
export function handleSendMessage(ctx: SendCsContext, endpoint: 'cs' | 'transaction' | 'promotion', body: Body): Record<string, unknown> {
  const recipient = (body.recipient ?? {}) as Body;
  if (typeof recipient.user_id !== 'string' || recipient.user_id === '') throw zaloErrors.invalidParam('user_id');
  const user = ctx.state.users.find((u) => u.userId === recipient.user_id);
  if (!user) throw zaloErrors.invalidParam('user_id');
  const message = (body.message ?? {}) as Body;
  const { eventName, attachments } = classify(endpoint, message);
  if (typeof message.text === 'string' && message.text.length > maxTextLength) throw zaloErrors.tooLong();
  if ((endpoint === 'promotion' || ctx.requireFollower) && !user.isFollower) throw zaloErrors.notFollower();
  const now = ctx.clock.now();
  if (endpoint !== 'promotion') {
    if (user.lastInteractionAtMs === null) throw zaloErrors.notInteracted();
    if (now - user.lastInteractionAtMs > sendWindowMs) throw zaloErrors.notInteracted7Days();
  }
  const isFree = endpoint === 'cs' && user.lastInteractionAtMs !== null && now - user.lastInteractionAtMs <= freeWindowMs;
  const quotaType = isFree ? 'reply' : 'sub_quota';
  const msg: ZaloThreadMessage = { msgId: randomHex(10), userId: user.userId, direction: 'outbound', atMs: now, eventName, endpoint, quotaType, isBilled: !isFree };
  if (typeof message.text === 'string') msg.text = message.text;
  if (attachments) msg.attachments = attachments;
  ctx.state.messages.push(msg);
  ctx.world.echo(user, msg);
  if (ctx.autoDeliveryReceipts) ctx.world.received(user, msg);
  const quota: Record<string, string> = { quota_type: quotaType };
  if (now < quotaCountsEndMs) Object.assign(quota, { remain: '8', total: '8' });
  return { message_id: msg.msgId, user_id: user.userId, sent_time: String(now), quota };
}

function classify(endpoint: string, message: Body): { eventName: string; attachments?: { type: string; payload: Record<string, unknown> }[] } {
  const attachment = message.attachment as Body | undefined;
  if (!attachment) {
    if (typeof message.text !== 'string' || message.text === '') throw zaloErrors.invalidParam('message');
    if (endpoint !== 'cs') throw zaloErrors.badMessageType();
    return { eventName: 'oa_send_text' };
  }
  const payload = (attachment.payload ?? {}) as Body;
  if (attachment.type === 'file') {
    if (typeof payload.token !== 'string') throw zaloErrors.invalidParam('token');
    return { eventName: 'oa_send_file', attachments: [{ type: 'file', payload: { token: payload.token } }] };
  }
  if (attachment.type !== 'template') throw zaloErrors.badMessageType();
  const templateType = String(payload.template_type ?? '');
  if (endpoint === 'transaction' && templateType.startsWith('transaction_')) return { eventName: 'oa_send_list', attachments: [{ type: 'template', payload }] };
  if (endpoint === 'promotion' && templateType === 'promotion') return { eventName: 'oa_send_list', attachments: [{ type: 'template', payload }] };
  if (endpoint !== 'cs') throw zaloErrors.badMessageType();
  if (templateType === 'request_user_info') return { eventName: 'oa_send_list', attachments: [{ type: 'template', payload }] };
  if (templateType !== 'media') throw zaloErrors.badMessageType();
  const element = (Array.isArray(payload.elements) ? payload.elements[0] : undefined) as Body | undefined;
  const mediaType = String(element?.media_type ?? '');
  if (!element || !['image', 'gif', 'sticker'].includes(mediaType)) throw zaloErrors.invalidParam('elements');
  if (!element.url && !element.attachment_id) throw zaloErrors.invalidParam('url');
  const event = mediaType === 'image' ? 'oa_send_image' : mediaType === 'gif' ? 'oa_send_gif' : 'oa_send_sticker';
  return { eventName: event, attachments: [{ type: mediaType, payload: { url: element.url ?? '', attachment_id: element.attachment_id ?? '' } }] };
}
