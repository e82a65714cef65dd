/** Normalised message shapes shared by every channel. Pure types, no I/O. */

export type ChannelId = 'portal' | 'facebook' | 'zalo' | 'open311';

/** What a channel adapter makes of a provider webhook: one or more normalised inbound events. */
export type InboundEvent =
  | {
      kind: 'message';
      /** The provider's id for this message; redelivery of the same id must be harmless. */
      providerMessageId: string;
      /** The channel account that received it (Page id, OA id). */
      channelAccount: string;
      /** The sender's id on that account (PSID, Zalo user id, commenter id). */
      senderId: string;
      senderName?: string;
      text: string;
      attachments: InboundAttachment[];
      location?: { lat: number; lng: number };
      /** A thread within the account, e.g. the Page post a comment was made under. */
      threadId?: string;
      /** 'comment': written publicly under a post (the provider message id is the comment id). */
      surface?: 'direct' | 'comment';
      occurredAt: Date;
    }
  /** A comment removed or hidden on the provider (by its author or a moderator). */
  | { kind: 'retracted'; providerMessageId: string; channelAccount: string; how: 'deleted' | 'hidden' | 'unhidden'; occurredAt: Date }
  /** A message the account itself sent (through us or the provider's own inbox); `metadata` is what we attached. */
  | { kind: 'echo'; providerMessageId: string; channelAccount: string; recipientId: string; text: string; metadata?: string; occurredAt: Date }
  | { kind: 'delivery'; providerMessageIds: string[]; channelAccount: string; occurredAt: Date }
  | { kind: 'read'; channelAccount: string; readerId: string; watermark: Date; occurredAt: Date }
  | { kind: 'follow'; channelAccount: string; userId: string; followed: boolean; occurredAt: Date }
  | { kind: 'contact-shared'; channelAccount: string; userId: string; name?: string; phone?: string; address?: string; occurredAt: Date };

export type InboundAttachment = { type: 'image' | 'file' | 'audio' | 'video' | 'sticker' | 'link'; url: string; name?: string };

/**
 * How an outgoing message reaches the citizen: a private message in the conversation, a public reply under
 * their comment, or a private reply to their comment (Messenger's one-per-comment private reply).
 */
export type ReplyMode = 'message' | 'public_comment' | 'private_reply';
export const REPLY_MODES: readonly ReplyMode[] = ['message', 'public_comment', 'private_reply'];

/** A message our side wants delivered to a citizen. */
export type OutboundMessage = {
  /** Stable across retries; adapters pass it to providers that support idempotency. */
  idempotencyKey: string;
  channelAccount: string;
  recipientId: string | null;
  text: string;
  /** 'reply' when a person wrote it, 'automatic' for acknowledgements and notifications. */
  origin: 'reply' | 'automatic';
  /** When the citizen last wrote to us on this channel (reply-window rules). */
  lastInboundAt: Date | null;
  mode: ReplyMode;
  /** The comment a public or private reply answers. */
  replyToId: string | null;
};

/** Outcome of one delivery attempt; the worker turns it into a row update and a retry decision. */
export type SendResult =
  | { kind: 'sent'; providerMessageId: string | null }
  | { kind: 'retry'; afterMs?: number; code: string; detail?: string }
  | { kind: 'failed'; code: string; detail?: string }
  /** The channel cannot send now (expired token, unhealthy): keep the message, do not count it as sent. */
  | { kind: 'held'; code: string; detail?: string };
