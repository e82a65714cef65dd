/** In-memory state of the Facebook emulator; tests read it through `emulator.state` or `GET /_emulator/state`. */

export type FacebookPageConfig = { id: string; name: string; accessToken: string };

export type FacebookUser = {
  pageId: string;
  /** Page-scoped id used by Messenger. */
  psid: string;
  /** The id the same person has in feed events (`from.id`); not the PSID (facebook spec §4). */
  feedId: string;
  name: string;
  lastInteractionAtMs: number | null;
  /** Set to false to get error 551 "This person isn't available right now". */
  isAvailable: boolean;
};

export type ThreadMessage = {
  mid: string;
  pageId: string;
  psid: string;
  direction: 'inbound' | 'outbound';
  atMs: number;
  text?: string;
  attachments?: { type: string; payload: Record<string, unknown> }[];
  postback?: { title: string; payload: string };
  messagingType?: string;
  tag?: string;
  metadata?: string;
  /** The comment this message privately replies to (private replies, facebook spec §5.3). */
  privateReplyToCommentId?: string;
  deliveredAtMs?: number;
  readAtMs?: number;
};

export type FacebookPost = { id: string; pageId: string; fromId: string; fromName: string; message: string; createdAtMs: number; isDeleted: boolean };

export type FacebookComment = {
  id: string;
  postId: string;
  pageId: string;
  /** The post for a top-level comment, the top-level comment for a reply. */
  parentId: string;
  fromId: string;
  fromName: string;
  message: string;
  createdAtMs: number;
  isHidden: boolean;
  isDeleted: boolean;
  privateReplyMid?: string;
};

export type FacebookSendAttempt = { atMs: number; path: string; pageId: string | null; status: number; errorCode?: number; errorSubcode?: number };

export type FacebookState = {
  pages: FacebookPageConfig[];
  users: FacebookUser[];
  messages: ThreadMessage[];
  posts: FacebookPost[];
  comments: FacebookComment[];
  /** Every Graph call answered, in order, with its outcome. */
  apiCalls: FacebookSendAttempt[];
  expiredTokens: string[];
  subscribedApps: Record<string, string[]>;
};

export function createFacebookState(pages: FacebookPageConfig[]): FacebookState {
  return { pages: [...pages], users: [], messages: [], posts: [], comments: [], apiCalls: [], expiredTokens: [], subscribedApps: {} };
}
