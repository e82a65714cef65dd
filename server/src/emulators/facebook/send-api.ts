import { randomToken } from '../shared/ids.ts';
import type { EmulatorClock } from '../shared/clock.ts';
import { graphErrors } from './graph-error.ts';
import type { FacebookPageConfig, FacebookState, FacebookUser, ThreadMessage } from './state.ts';
import type { FacebookWorld } from './world.ts';

const hourMs = 3_600_000;
/** Standard messaging window (facebook spec §5.2, [SEND policy-overview]). */
export const standardWindowMs = 24 * hourMs;
/** HUMAN_AGENT tag window (facebook spec §5.2, [SEND message-tags]). */
export const humanAgentWindowMs = 7 * 24 * hourMs;
/** Private replies: one per comment, within 7 days (facebook spec §5.3, [PR]). */
export const privateReplyWindowMs = 7 * 24 * hourMs;
/** Text limit (facebook spec §5.1, UNCONFIRMED; the emulator enforces it). */
export const maxTextLength = 2000;
const otherTags = ['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'CUSTOMER_FEEDBACK'];

export type SendApiContext = {
  state: FacebookState;
  world: FacebookWorld;
  clock: EmulatorClock;
  appId: string;
  hasHumanAgentPermission: boolean;
  autoDeliveryReceipts: boolean;
};

type Body = Record<string, unknown>;

/** Form posts carry `recipient` and `message` as JSON strings; JSON posts carry objects. */
function objectParam(body: Body, name: string): Body | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object') return parsed as Body;
    } catch {
      // fall through to the parameter error
    }
    throw graphErrors.invalidParam(`param ${name} must be a JSON object`);
  }
  if (typeof value === 'object' && value !== null) return value as Body;
  throw graphErrors.invalidParam(`param ${name} must be a JSON object`);
}

/** `POST /{page-id}/messages` and `/me/messages` (facebook spec §5.1–§5.3). Throws GraphError on refusal. */
export function handleSendApi(ctx: SendApiContext, page: FacebookPageConfig, body: Body): Record<string, string> {
  const recipient = objectParam(body, 'recipient');
  const message = objectParam(body, 'message');
  const senderAction = typeof body.sender_action === 'string' ? body.sender_action : undefined;
  if (!recipient) throw graphErrors.invalidParam('param recipient must be non-empty.');
  const recipientKeys = ['id', 'comment_id', 'post_id', 'user_ref', 'phone_number'].filter((k) => recipient[k] !== undefined);
  if (recipientKeys.length !== 1) throw graphErrors.invalidParam('param recipient must have exactly one of id, comment_id, post_id, user_ref, phone_number');
  if (message && senderAction) throw graphErrors.invalidParam('Cannot send message and sender_action in the same request');
  if (!message && !senderAction) throw graphErrors.invalidParam('Must send either message or sender_action');
  if (senderAction && !['typing_on', 'typing_off', 'mark_seen'].includes(senderAction)) throw graphErrors.invalidParam('param sender_action is invalid');
  const messagingType = (body.messaging_type as string | undefined) ?? 'RESPONSE';
  if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(messagingType)) throw graphErrors.invalidParam('param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}');
  const tag = typeof body.tag === 'string' ? body.tag : undefined;
  if (messagingType === 'MESSAGE_TAG' && !tag) throw graphErrors.invalidParam('param tag is required when messaging_type is MESSAGE_TAG');
  if (message) validateMessage(message);

  if (recipient.comment_id !== undefined || recipient.post_id !== undefined) {
    if (!message) throw graphErrors.invalidParam('A private reply needs a message');
    return privateReply(ctx, page, recipient, message);
  }
  if (recipient.id === undefined) throw graphErrors.noPermission('recipient.user_ref / phone_number are not available to this app');

  const user = ctx.state.users.find((u) => u.pageId === page.id && u.psid === String(recipient.id));
  if (!user) throw graphErrors.noMatchingUser();
  checkWindow(ctx, user, messagingType, tag);
  if (!user.isAvailable) throw graphErrors.userUnavailable();
  if (!message) return { recipient_id: user.psid };
  const sent = recordOutbound(ctx, user, message, { messagingType, tag });
  return { recipient_id: user.psid, message_id: sent.mid };
}

function validateMessage(message: Body): void {
  const kinds = ['text', 'attachment', 'sticker_id'].filter((k) => message[k] !== undefined);
  if (kinds.length !== 1) throw graphErrors.invalidParam('param message must have exactly one of text, attachment, sticker_id');
  if (message.text !== undefined) {
    if (typeof message.text !== 'string' || message.text.length === 0) throw graphErrors.invalidParam('param message[text] must be a non-empty UTF-8 encoded string');
    if (message.text.length > maxTextLength) throw graphErrors.invalidParam(`Length of param message[text] must be less than or equal to ${maxTextLength}`);
  }
  if (message.attachment !== undefined) {
    const attachment = message.attachment as Body;
    if (!['image', 'audio', 'video', 'file', 'template'].includes(String(attachment.type))) throw graphErrors.invalidParam('param message[attachment][type] is invalid');
    const payload = (attachment.payload ?? {}) as Body;
    if (attachment.type !== 'template' && !payload.url && !payload.attachment_id) throw graphErrors.invalidParam('param message[attachment][payload] needs url or attachment_id');
  }
  const quickReplies = message.quick_replies;
  if (Array.isArray(quickReplies) && quickReplies.length > 13) throw graphErrors.invalidParam('param message[quick_replies] must have at most 13 elements');
}

function checkWindow(ctx: SendApiContext, user: FacebookUser, messagingType: string, tag: string | undefined): void {
  const ageMs = user.lastInteractionAtMs === null ? Infinity : ctx.clock.now() - user.lastInteractionAtMs;
  if (ageMs <= standardWindowMs) return;
  if (messagingType !== 'MESSAGE_TAG' || user.lastInteractionAtMs === null) throw graphErrors.outsideWindow();
  if (tag === 'HUMAN_AGENT') {
    if (!ctx.hasHumanAgentPermission) throw graphErrors.noPermission('HUMAN_AGENT tag needs the Human Agent permission');
    if (ageMs > humanAgentWindowMs) throw graphErrors.outsideWindow();
    return;
  }
  if (!otherTags.includes(tag ?? '')) throw graphErrors.invalidParam('param tag is not a supported message tag');
}

function recordOutbound(ctx: SendApiContext, user: FacebookUser, message: Body, extra: Partial<ThreadMessage>): ThreadMessage {
  const sent: ThreadMessage = { mid: `m_${randomToken(18)}`, pageId: user.pageId, psid: user.psid, direction: 'outbound', atMs: ctx.clock.now(), ...extra };
  if (typeof message.text === 'string') sent.text = message.text;
  if (message.attachment) sent.attachments = [message.attachment as { type: string; payload: Record<string, unknown> }];
  if (message.sticker_id !== undefined) sent.attachments = [{ type: 'sticker', payload: { sticker_id: message.sticker_id } }];
  if (typeof message.metadata === 'string') sent.metadata = message.metadata;
  ctx.state.messages.push(sent);
  ctx.world.echo(user, sent, ctx.appId);
  if (ctx.autoDeliveryReceipts) ctx.world.deliver(user, [sent.mid]);
  return sent;
}

function privateReply(ctx: SendApiContext, page: FacebookPageConfig, recipient: Body, message: Body): Record<string, string> {
  const commentId = recipient.comment_id === undefined ? undefined : String(recipient.comment_id);
  const postId = recipient.post_id === undefined ? undefined : String(recipient.post_id);
  const target = commentId
    ? ctx.state.comments.find((c) => c.id === commentId && c.pageId === page.id)
    : ctx.state.posts.find((p) => p.id === postId && p.pageId === page.id);
  if (!target || target.isDeleted) throw graphErrors.unknownObject(commentId ?? postId ?? '');
  if (target.fromId === page.id) throw graphErrors.cannotReplyToActivity();
  const comment = commentId ? ctx.state.comments.find((c) => c.id === commentId) : undefined;
  if (comment?.privateReplyMid) throw graphErrors.cannotReplyToActivity();
  if (ctx.clock.now() - target.createdAtMs > privateReplyWindowMs) throw graphErrors.cannotReplyToActivity();
  const user = ctx.state.users.find((u) => u.pageId === page.id && u.feedId === target.fromId);
  if (!user) throw graphErrors.cannotReplyToActivity();
  const sent = recordOutbound(ctx, user, message, { privateReplyToCommentId: commentId ?? postId });
  if (comment) comment.privateReplyMid = sent.mid;
  return { recipient_id: user.psid, message_id: sent.mid };
}
