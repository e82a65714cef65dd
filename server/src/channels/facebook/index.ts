import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SendResult } from '../../domain/message/message.ts';
import type { ChannelAdapter } from '../channel.ts';
import { postCommentReply, postPageMessage, type GraphAnswer } from './client.ts';
import { parseFacebookWebhook } from './parse-webhook.ts';

const hourMs = 3_600_000;
/** Standard window 24 h; HUMAN_AGENT replies by a person up to 7 days (facebook spec §5.2, [SEND]). */
const replyWindowMs = 24 * hourMs;
const humanReplyWindowMs = 7 * 24 * hourMs;
/** Commonly cited Send API text limit (UNCONFIRMED): longer replies are split. */
const maxTextLength = 2000;

export const FacebookConfigSchema = z.object({
  pageId: z.string().regex(/^\d+$/),
  pageToken: z.string().min(1),
  appSecret: z.string().min(1),
  verifyToken: z.string().min(1),
  graphVersion: z.string().regex(/^v\d+\.\d+$/).default('v25.0'),
});
export type FacebookConfig = z.infer<typeof FacebookConfigSchema>;

export const facebookChannel = {
  id: 'facebook',
  capabilities: {
    usesAccounts: true,
    freeReplyWindowMs: null,
    replyModes: ['message', 'public_comment', 'private_reply'],
    // One private reply per comment, within 7 days (facebook spec §5.3).
    privateReplyWindowMs: 7 * 24 * hourMs,
    replyWindowMs, humanReplyWindowMs, canPushMessages: true, images: true, files: true, deliveryReceipts: true, maxTextLength },
  configSchema: FacebookConfigSchema as z.ZodType<FacebookConfig>,
  verifyWebhook(request, config) {
    const header = request.headers['x-hub-signature-256'];
    const value = Array.isArray(header) ? header[0] : header;
    if (!value?.startsWith('sha256=')) return false;
    const given = Buffer.from(value.slice(7), 'hex');
    const expected = createHmac('sha256', config.appSecret).update(request.rawBody).digest();
    return given.length === expected.length && timingSafeEqual(given, expected);
  },
  /** Each entry's id is the Page the events belong to (facebook spec §2.4). */
  webhookAccountIds(body) {
    const entries = (body as { entry?: unknown } | null)?.entry;
    if (!Array.isArray(entries)) return [];
    return [...new Set(entries.map((e) => (e as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'))];
  },
  parseWebhook: parseFacebookWebhook,
  accountOf: (config) => ({ accountId: config.pageId, webhookVerifyToken: config.verifyToken }),
  async send(message, { config, http, baseUrls, now }) {
    const page = { graphUrl: baseUrls.facebookGraphUrl, version: config.graphVersion, pageToken: config.pageToken, appSecret: config.appSecret };
    if (message.mode === 'public_comment') {
      if (!message.replyToId) return { kind: 'failed', code: 'NO_COMMENT' };
      return answerOf(() => postCommentReply(http, { ...page, commentId: message.replyToId!, message: message.text }), 'id');
    }
    if (message.mode === 'private_reply') {
      // One private reply per comment: it cannot be split, and it opens the Messenger conversation (spec §5.3).
      if (!message.replyToId) return { kind: 'failed', code: 'NO_COMMENT' };
      if (message.text.length > maxTextLength) return { kind: 'failed', code: 'TEXT_TOO_LONG' };
      return answerOf(
        () => postPageMessage(http, { ...page, pageId: config.pageId, body: { recipient: { comment_id: message.replyToId }, messaging_type: 'RESPONSE', message: { text: message.text, metadata: message.idempotencyKey } } }),
        'message_id',
      );
    }
    if (!message.recipientId) return { kind: 'failed', code: 'NO_RECIPIENT' };
    const ageMs = message.lastInboundAt ? now().getTime() - message.lastInboundAt.getTime() : 0;
    let tagging: Record<string, string> = { messaging_type: 'RESPONSE' };
    if (ageMs > replyWindowMs) {
      // Only a person's reply may use HUMAN_AGENT; automatic messages past 24 h are not allowed (spec §5.2).
      if (message.origin !== 'reply' || ageMs > humanReplyWindowMs) return { kind: 'failed', code: 'WINDOW_CLOSED' };
      tagging = { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
    }
    let lastId: string | null = null;
    for (const chunk of splitText(message.text, maxTextLength)) {
      let answer: GraphAnswer;
      try {
        answer = await postPageMessage(http, {
          graphUrl: baseUrls.facebookGraphUrl, version: config.graphVersion, pageId: config.pageId, pageToken: config.pageToken, appSecret: config.appSecret,
          body: { recipient: { id: message.recipientId }, ...tagging, message: { text: chunk, metadata: message.idempotencyKey } },
        });
      } catch (err) {
        return { kind: 'retry', code: 'NETWORK_ERROR', detail: err instanceof Error ? err.message : String(err) };
      }
      if (!answer.ok) return mapGraphError(answer);
      lastId = typeof answer.body.message_id === 'string' ? answer.body.message_id : null;
    }
    return { kind: 'sent', providerMessageId: lastId };
  },
} satisfies ChannelAdapter<FacebookConfig>;

/** One Graph call → outcome; `idField` names the id of what was created. */
async function answerOf(call: () => Promise<GraphAnswer>, idField: 'id' | 'message_id'): Promise<SendResult> {
  let answer: GraphAnswer;
  try {
    answer = await call();
  } catch (err) {
    return { kind: 'retry', code: 'NETWORK_ERROR', detail: err instanceof Error ? err.message : String(err) };
  }
  if (!answer.ok) return mapGraphError(answer);
  const id = answer.body[idField];
  return { kind: 'sent', providerMessageId: typeof id === 'string' ? id : null };
}

/** Graph error → outcome, by `code`/`error_subcode`, never by HTTP status alone (facebook spec §6, §7). */
export function mapGraphError(answer: Extract<GraphAnswer, { ok: false }>): SendResult {
  const { code, error_subcode: sub, message: detail } = answer.error;
  if (code === 190 || (code !== undefined && code >= 200 && code <= 299)) return { kind: 'held', code: 'CHANNEL_AUTH_INVALID', detail };
  if (code === 10 && sub === 2018278) return { kind: 'failed', code: 'WINDOW_CLOSED', detail };
  if (code === 10 && sub === 1893063) return { kind: 'held', code: 'CHANNEL_RESTRICTED', detail };
  if (code === 368) return { kind: 'held', code: 'CHANNEL_RESTRICTED', detail };
  if (code === 4 || code === 17 || code === 32 || code === 613 || (code !== undefined && code >= 80000 && code <= 80014)) {
    return { kind: 'retry', code: 'RATE_LIMITED', afterMs: answer.regainAfterMs ?? 60_000, detail };
  }
  if (code === 551) return { kind: 'failed', code: 'RECIPIENT_UNAVAILABLE', detail };
  // Seen for a second private reply or a comment too old for one (spec §5.3).
  if (code === 10903) return { kind: 'failed', code: 'PRIVATE_REPLY_NOT_ALLOWED', detail };
  if (code === 100 && sub === 2018001) return { kind: 'failed', code: 'RECIPIENT_NOT_FOUND', detail };
  if (code === 1 || code === 2 || answer.error.is_transient || answer.status >= 500) return { kind: 'retry', code: 'PROVIDER_UNAVAILABLE', detail };
  return { kind: 'failed', code: 'PROVIDER_REJECTED', detail: `${code ?? '?'}/${sub ?? '-'} ${detail ?? ''}`.trim() };
}

/** Splits on whitespace where possible so each piece fits the limit. */
export function splitText(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf(' ', limit);
    const at = cut > limit / 2 ? cut : limit;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  chunks.push(rest);
  return chunks;
}
