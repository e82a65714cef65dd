/** In-memory state of the Zalo emulator; tests read it through `emulator.state` or `GET /_emulator/state`. */

export type ZaloUser = {
  /** OA-scoped id: `sender.id` of user events, `recipient.user_id` when sending. */
  userId: string;
  /** App-scoped id (differs from the OA-scoped one, zalo spec §3.3). */
  userIdByApp: string;
  name: string;
  isFollower: boolean;
  lastInteractionAtMs: number | null;
  sharedInfo?: Record<string, string>;
};

export type ZaloThreadMessage = {
  msgId: string;
  userId: string;
  direction: 'inbound' | 'outbound';
  atMs: number;
  eventName: string;
  text?: string;
  attachments?: { type: string; payload: Record<string, unknown> }[];
  /** Outbound: which endpoint and quota frame (free 48 h "reply", or billed). */
  endpoint?: 'cs' | 'transaction' | 'promotion';
  quotaType?: string;
  isBilled?: boolean;
  receivedAtMs?: number;
  seenAtMs?: number;
};

export type ZaloToken = { value: string; expiresAtMs: number; isRevoked: boolean };

export type ZaloApiCall = { atMs: number; path: string; error: number; httpStatus: number };

export type ZaloState = {
  oaId: string;
  appId: string;
  oaName: string;
  users: ZaloUser[];
  messages: ZaloThreadMessage[];
  accessTokens: ZaloToken[];
  refreshTokens: (ZaloToken & { isUsed: boolean })[];
  authorizationCodes: { code: string; codeChallenge: string; expiresAtMs: number; isUsed: boolean }[];
  apiCalls: ZaloApiCall[];
  /** After the last retry fails Zalo disables the webhook until the developer re-enables it (zalo spec §3.1). */
  isWebhookDisabled: boolean;
};
