import { randomDigits, randomToken } from '../shared/ids.ts';
import type { EmulatorClock } from '../shared/clock.ts';
import type { FacebookComment, FacebookPost, FacebookState, FacebookUser, ThreadMessage } from './state.ts';
import type { PendingUpdate } from './webhook-queue.ts';

export type CitizenRef = { pageId?: string; psid?: string; name?: string };
export type CitizenAttachment = { type: 'image' | 'file' | 'audio' | 'video'; url: string } | { type: 'location'; lat: number; lng: number };

/**
 * What happens on the Facebook side that is not a Graph call: citizens writing, tapping buttons, reading,
 * commenting. Each action updates the state and queues the webhook Meta would send.
 */
export function createFacebookWorld(state: FacebookState, clock: EmulatorClock, emit: (u: PendingUpdate) => void) {
  const defaultPageId = () => {
    const page = state.pages[0];
    if (!page) throw new Error('the emulator has no Page');
    return page.id;
  };

  function findUser(ref: CitizenRef): FacebookUser | undefined {
    const pageId = ref.pageId ?? defaultPageId();
    return state.users.find((u) => u.pageId === pageId && (ref.psid ? u.psid === ref.psid : u.name === ref.name));
  }

  function ensureUser(ref: CitizenRef): FacebookUser {
    const found = findUser(ref);
    if (found) return found;
    if (!ref.name && !ref.psid) throw new Error('a citizen needs a psid or a name');
    const pageId = ref.pageId ?? defaultPageId();
    if (!state.pages.some((p) => p.id === pageId)) throw new Error(`unknown page ${pageId}`);
    const user: FacebookUser = {
      pageId,
      psid: ref.psid ?? randomDigits(16),
      feedId: randomDigits(16),
      name: ref.name ?? `Người dùng ${state.users.length + 1}`,
      lastInteractionAtMs: null,
      isAvailable: true,
    };
    state.users.push(user);
    return user;
  }

  function messagingEnvelope(user: FacebookUser, atMs: number, fromPage: boolean) {
    return fromPage
      ? { sender: { id: user.pageId }, recipient: { id: user.psid }, timestamp: atMs }
      : { sender: { id: user.psid }, recipient: { id: user.pageId }, timestamp: atMs };
  }

  function sendMessage(ref: CitizenRef, input: { text?: string; attachments?: CitizenAttachment[]; quickReplyPayload?: string; replyToMid?: string }): ThreadMessage {
    const user = ensureUser(ref);
    const atMs = clock.now();
    const attachments = (input.attachments ?? []).map((a) =>
      a.type === 'location'
        ? { type: 'location', payload: { coordinates: { lat: a.lat, long: a.lng } } }
        : { type: a.type, payload: { url: a.url } },
    );
    if (!input.text && attachments.length === 0) throw new Error('a message needs text or an attachment');
    const msg: ThreadMessage = { mid: `m_${randomToken(18)}`, pageId: user.pageId, psid: user.psid, direction: 'inbound', atMs };
    if (input.text) msg.text = input.text;
    if (attachments.length > 0) msg.attachments = attachments;
    state.messages.push(msg);
    user.lastInteractionAtMs = atMs;
    const message: Record<string, unknown> = { mid: msg.mid };
    if (input.text) message.text = input.text;
    if (input.quickReplyPayload) message.quick_reply = { payload: input.quickReplyPayload };
    if (input.replyToMid) message.reply_to = { mid: input.replyToMid };
    if (attachments.length > 0) message.attachments = attachments;
    emit({ pageId: user.pageId, kind: 'messaging', event: { ...messagingEnvelope(user, atMs, false), message } });
    return msg;
  }

  function postback(ref: CitizenRef, input: { title: string; payload: string }): ThreadMessage {
    const user = ensureUser(ref);
    const atMs = clock.now();
    const msg: ThreadMessage = { mid: `m_${randomToken(18)}`, pageId: user.pageId, psid: user.psid, direction: 'inbound', atMs, postback: input };
    state.messages.push(msg);
    user.lastInteractionAtMs = atMs;
    emit({ pageId: user.pageId, kind: 'messaging', event: { ...messagingEnvelope(user, atMs, false), postback: { mid: msg.mid, ...input } } });
    return msg;
  }

  /** The citizen's app received our messages (message_deliveries). */
  function deliver(user: FacebookUser, mids: string[]): void {
    const atMs = clock.now();
    for (const m of state.messages) if (mids.includes(m.mid)) m.deliveredAtMs ??= atMs;
    emit({ pageId: user.pageId, kind: 'messaging', event: { ...messagingEnvelope(user, atMs, false), delivery: { mids, watermark: atMs } } });
  }

  /** The citizen opened the conversation (message_reads): everything before the watermark is read. */
  function read(ref: CitizenRef): void {
    const user = ensureUser(ref);
    const atMs = clock.now();
    for (const m of state.messages) if (m.psid === user.psid && m.direction === 'outbound') m.readAtMs ??= atMs;
    emit({ pageId: user.pageId, kind: 'messaging', event: { ...messagingEnvelope(user, atMs, false), read: { watermark: atMs } } });
  }

  /** Echo of a message the Page sent (message_echoes), with our app id and metadata (facebook spec §3.2). */
  function echo(user: FacebookUser, msg: ThreadMessage, appId: string): void {
    const message: Record<string, unknown> = { mid: msg.mid, is_echo: true, app_id: Number.isNaN(Number(appId)) ? appId : Number(appId) };
    if (msg.metadata !== undefined) message.metadata = msg.metadata;
    if (msg.text !== undefined) message.text = msg.text;
    if (msg.attachments) message.attachments = msg.attachments;
    emit({ pageId: user.pageId, kind: 'messaging', event: { ...messagingEnvelope(user, msg.atMs, true), message } });
  }

  function feedChange(pageId: string, value: Record<string, unknown>): void {
    emit({ pageId, kind: 'changes', change: { field: 'feed', value } });
  }

  function postSummary(post: FacebookPost) {
    return {
      id: post.id,
      status_type: 'mobile_status_update',
      is_published: true,
      updated_time: new Date(post.createdAtMs).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      permalink_url: `https://www.facebook.com/${post.id}`,
      promotion_status: 'inactive',
    };
  }

  function publishPost(pageId: string, message: string): FacebookPost {
    const page = state.pages.find((p) => p.id === pageId);
    if (!page) throw new Error(`unknown page ${pageId}`);
    const post: FacebookPost = { id: `${pageId}_${randomDigits(15)}`, pageId, fromId: pageId, fromName: page.name, message, createdAtMs: clock.now(), isDeleted: false };
    state.posts.push(post);
    feedChange(pageId, {
      item: 'status', verb: 'add', post_id: post.id, message, published: 1, recipient_id: pageId,
      from: { id: pageId, name: page.name }, created_time: Math.floor(post.createdAtMs / 1000),
    });
    return post;
  }

  function addComment(input: { pageId: string; postId: string; parentId?: string; fromId: string; fromName: string; message: string }): FacebookComment {
    const post = state.posts.find((p) => p.id === input.postId && !p.isDeleted);
    if (!post) throw new Error(`unknown post ${input.postId}`);
    let parentId = post.id;
    if (input.parentId && input.parentId !== post.id) {
      const parent = state.comments.find((c) => c.id === input.parentId && c.postId === post.id);
      if (!parent) throw new Error(`unknown comment ${input.parentId}`);
      // Threads are two levels deep: a reply to a reply joins the top-level comment (UNCONFIRMED in the spec; emulated).
      parentId = parent.parentId === post.id ? parent.id : parent.parentId;
    }
    const postNumber = post.id.split('_')[1] ?? post.id;
    const comment: FacebookComment = {
      id: `${postNumber}_${randomDigits(15)}`, postId: post.id, pageId: input.pageId, parentId,
      fromId: input.fromId, fromName: input.fromName, message: input.message, createdAtMs: clock.now(), isHidden: false, isDeleted: false,
    };
    state.comments.push(comment);
    feedChange(input.pageId, {
      item: 'comment', verb: 'add', post_id: post.id, comment_id: comment.id, parent_id: parentId,
      from: { id: comment.fromId, name: comment.fromName }, message: comment.message,
      created_time: Math.floor(comment.createdAtMs / 1000), post: postSummary(post),
    });
    return comment;
  }

  function citizenComments(ref: CitizenRef, input: { postId: string; text: string; parentId?: string }): FacebookComment {
    const user = ensureUser(ref);
    return addComment({ pageId: user.pageId, postId: input.postId, parentId: input.parentId, fromId: user.feedId, fromName: user.name, message: input.text });
  }

  function commentModerated(comment: FacebookComment, verb: 'hide' | 'unhide' | 'remove'): void {
    const value: Record<string, unknown> = {
      item: 'comment', verb, post_id: comment.postId, comment_id: comment.id, parent_id: comment.parentId,
      from: { id: comment.fromId, name: comment.fromName }, created_time: Math.floor(clock.now() / 1000),
    };
    if (verb !== 'remove') value.message = comment.message;
    feedChange(comment.pageId, value);
  }

  function deleteComment(commentId: string): FacebookComment {
    const comment = state.comments.find((c) => c.id === commentId && !c.isDeleted);
    if (!comment) throw new Error(`unknown comment ${commentId}`);
    comment.isDeleted = true;
    commentModerated(comment, 'remove');
    return comment;
  }

  return { findUser, ensureUser, sendMessage, postback, deliver, read, echo, publishPost, addComment, citizenComments, commentModerated, deleteComment };
}

export type FacebookWorld = ReturnType<typeof createFacebookWorld>;
