import type { ReplyMode } from './message.ts';

/** The reply rules a channel declares (a subset of its capabilities). */
export type ReplyRules = {
  replyWindowMs: number | null;
  humanReplyWindowMs: number | null;
  freeReplyWindowMs: number | null;
  replyModes: readonly ReplyMode[];
  privateReplyWindowMs: number | null;
};

export type ReplySituation = {
  /** The citizen's last message in a private conversation with us, if they ever wrote one. */
  lastDirectInboundAt: Date | null;
  /** Their latest comment on the case, if it came from comments. */
  latestComment: { id: string; at: Date; privateReplyUsed: boolean; removed: boolean } | null;
  now: Date;
};

export type ReplyUnavailableReason = 'no_conversation' | 'window_closed' | 'no_comment' | 'comment_removed' | 'private_reply_used' | 'comment_too_old';

export type ReplyModeOption = {
  mode: ReplyMode;
  available: boolean;
  reason: ReplyUnavailableReason | null;
  /** When this way of replying stops being possible (null: no limit). */
  closesAt: Date | null;
  /** Whether a message now is free or billed by the provider (Zalo after 48 h); null when not applicable. */
  cost: 'free' | 'billable' | null;
  /** Only a person may reply now (Messenger's HUMAN_AGENT tag); automatic messages are refused. */
  humanOnly: boolean;
};

export type ReplyOptions = { modes: ReplyModeOption[]; preferred: ReplyMode | null };

const at = (d: Date | null, ms: number | null) => (d && ms !== null ? new Date(d.getTime() + ms) : null);

/**
 * What staff can do to answer a citizen now, given the channel's declared windows: reply in the private
 * conversation (free, billable, only by a person, or closed), publicly under their comment, or privately to
 * their comment once. Pure: the caller supplies the times.
 */
export function replyOptions(rules: ReplyRules, s: ReplySituation): ReplyOptions {
  const modes: ReplyModeOption[] = [];
  for (const mode of rules.replyModes) {
    if (mode === 'message') modes.push(messageOption(rules, s));
    if (mode === 'public_comment') modes.push(commentOption(s));
    if (mode === 'private_reply') modes.push(privateReplyOption(rules, s));
  }
  const order: ReplyMode[] = s.lastDirectInboundAt || !s.latestComment ? ['message', 'public_comment', 'private_reply'] : ['public_comment', 'private_reply', 'message'];
  const preferred = order.find((m) => modes.some((o) => o.mode === m && o.available)) ?? null;
  return { modes, preferred };
}

function messageOption(rules: ReplyRules, s: ReplySituation): ReplyModeOption {
  const base = { mode: 'message' as const, humanOnly: false };
  if (rules.replyWindowMs === null) return { ...base, available: true, reason: null, closesAt: null, cost: null };
  const last = s.lastDirectInboundAt;
  if (!last) return { ...base, available: false, reason: 'no_conversation', closesAt: null, cost: null };
  const age = s.now.getTime() - last.getTime();
  if (age < rules.replyWindowMs) {
    const free = rules.freeReplyWindowMs === null || age < rules.freeReplyWindowMs;
    return { ...base, available: true, reason: null, closesAt: at(last, rules.replyWindowMs), cost: free ? 'free' : 'billable' };
  }
  if (rules.humanReplyWindowMs !== null && age < rules.humanReplyWindowMs) {
    return { ...base, available: true, reason: null, closesAt: at(last, rules.humanReplyWindowMs), cost: 'free', humanOnly: true };
  }
  return { ...base, available: false, reason: 'window_closed', closesAt: at(last, rules.humanReplyWindowMs ?? rules.replyWindowMs), cost: null };
}

function commentOption(s: ReplySituation): ReplyModeOption {
  const c = s.latestComment;
  const base = { mode: 'public_comment' as const, closesAt: null, cost: null, humanOnly: false };
  if (!c) return { ...base, available: false, reason: 'no_comment' };
  if (c.removed) return { ...base, available: false, reason: 'comment_removed' };
  return { ...base, available: true, reason: null, cost: 'free' };
}

function privateReplyOption(rules: ReplyRules, s: ReplySituation): ReplyModeOption {
  const c = s.latestComment;
  const closesAt = c ? at(c.at, rules.privateReplyWindowMs) : null;
  const base = { mode: 'private_reply' as const, closesAt, cost: null, humanOnly: false };
  if (!c || rules.privateReplyWindowMs === null) return { ...base, available: false, reason: 'no_comment' };
  if (c.removed) return { ...base, available: false, reason: 'comment_removed' };
  if (c.privateReplyUsed) return { ...base, available: false, reason: 'private_reply_used' };
  if (s.now.getTime() - c.at.getTime() >= rules.privateReplyWindowMs) return { ...base, available: false, reason: 'comment_too_old' };
  return { ...base, available: true, reason: null, cost: 'free' };
}
