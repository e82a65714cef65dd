import type { z } from 'zod';
import type { HttpClient } from '../lib/http-client.ts';
import type { ChannelId, InboundEvent, OutboundMessage, ReplyMode, SendResult } from '../domain/message/message.ts';

/**
 * What a channel can do. Domain code asks these questions; it never branches on the channel's name.
 */
export type ChannelCapabilities = {
  /** How long after the citizen's last message a free-form reply is allowed; null = no window. */
  replyWindowMs: number | null;
  /** Within this part of the window replies cost nothing (Zalo: 48 h free, then billable); null = all free. */
  freeReplyWindowMs: number | null;
  /** Ways to deliver a reply this channel supports. */
  replyModes: readonly ReplyMode[];
  /** How long after a comment a private reply to it may be sent (once); null = not supported. */
  privateReplyWindowMs: number | null;
  /** A longer window for replies written by a person (e.g. Messenger HUMAN_AGENT), if any. */
  humanReplyWindowMs: number | null;
  /** Whether messages go through a connected provider account (a Page, an OA) with its own credentials. */
  usesAccounts: boolean;
  /** Whether the citizen can be messaged at all (the portal shows replies on the tracking page). */
  canPushMessages: boolean;
  images: boolean;
  files: boolean;
  deliveryReceipts: boolean;
  maxTextLength: number;
};

/** Something that makes HTTP requests (lib/http-client.ts in production, an emulator or a fake in tests). */
export type { HttpClient };

export type RawWebhook = { headers: Record<string, string | string[] | undefined>; rawBody: Buffer; query: Record<string, string | undefined> };

export type ProviderBaseUrls = { facebookGraphUrl: string; zaloOpenApiUrl: string; zaloOAuthUrl: string };

/** What `send` gets besides the message: the account's configuration, HTTP, base URLs and the clock. */
export type SendContext<Config> = { config: Config; http: HttpClient; baseUrls: ProviderBaseUrls; now: () => Date };

/**
 * How to implement a channel: create `channels/<id>/index.ts` exporting one object that
 * `satisfies ChannelAdapter<YourConfig>`, declare capabilities and a config schema, implement
 * verify/parse/send, add one line to `registry.ts`, and run the shared contract suite from `<id>.test.ts`.
 * Adapters never touch the database; provider specifics stay inside the channel's folder.
 */
export interface ChannelAdapter<Config> {
  id: ChannelId;
  capabilities: ChannelCapabilities;
  /** Per-account credentials and settings; the console renders its settings form from this schema. */
  configSchema: z.ZodType<Config>;
  /** Checks the provider's signature on the raw bytes (constant-time compare). */
  verifyWebhook(request: RawWebhook, config: Config): boolean;
  /**
   * The provider accounts (Page ids, OA ids) a webhook payload is addressed to, read without trusting it, so
   * the right credentials can check its signature. [] when the payload names none.
   */
  webhookAccountIds(body: unknown): string[];
  /** Pure: payload → normalised events. Unknown event types are ignored, never thrown. */
  parseWebhook(body: unknown): InboundEvent[];
  /** Delivers one message; returns sent / retry / failed / held, never throws for provider errors. */
  send(message: OutboundMessage, ctx: SendContext<Config>): Promise<SendResult>;
  /** Channels with accounts: which account a configuration connects, and Meta's webhook verify token if any. */
  accountOf?(config: Config): { accountId: string; webhookVerifyToken?: string };
  /**
   * For channels whose access tokens expire: exchanges the stored refresh credentials for new ones. The caller
   * stores the returned configuration before using it (a refresh token may be single-use).
   */
  refreshCredentials?(config: Config, ctx: Omit<SendContext<Config>, 'config'>): Promise<CredentialRefresh<Config>>;
}

export type CredentialRefresh<Config> =
  | { kind: 'refreshed'; config: Config; accessTokenTtlMs: number; refreshTokenTtlMs: number }
  /** permanent: the stored credentials are spent or revoked and a person must re-authorise the account. */
  | { kind: 'failed'; code: string; permanent: boolean; detail?: string };
