import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SendResult } from '../../domain/message/message.ts';
import type { ChannelAdapter } from '../channel.ts';
import { postConsultationMessage } from './client.ts';
import { parseZaloWebhook } from './parse-webhook.ts';
import { refreshZaloToken } from './refresh-token.ts';

/** Consultation messages need an interaction within 7 days (free within 48 h) (zalo spec §4.4). */
const replyWindowMs = 7 * 24 * 3_600_000;

export const ZaloConfigSchema = z.object({
  oaId: z.string().regex(/^\d+$/),
  appId: z.string().regex(/^\d+$/),
  oaSecretKey: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  appSecret: z.string().min(1),
});
export type ZaloConfig = z.infer<typeof ZaloConfigSchema>;

export const zaloChannel = {
  id: 'zalo',
  capabilities: {
    usesAccounts: true,
    // Consultation messages are free within 48 h of the user's last interaction, billable up to 7 days (zalo spec §4.4).
    freeReplyWindowMs: 48 * 3_600_000,
    replyModes: ['message'],
    privateReplyWindowMs: null,
    replyWindowMs, humanReplyWindowMs: null, canPushMessages: true, images: true, files: true, deliveryReceipts: true, maxTextLength: 2000 },
  configSchema: ZaloConfigSchema as z.ZodType<ZaloConfig>,
  /** mac = sha256(app_id + raw body + timestamp + OA secret key); app_id and timestamp from the body (zalo spec §3.2). */
  verifyWebhook(request, config) {
    const header = request.headers['x-zevent-signature'];
    const value = (Array.isArray(header) ? header[0] : header)?.replace(/^mac=/i, '').toLowerCase();
    if (!value || !/^[0-9a-f]{64}$/.test(value)) return false;
    let fields: { app_id?: unknown; timestamp?: unknown };
    try {
      fields = JSON.parse(request.rawBody.toString('utf8')) as typeof fields;
    } catch {
      return false;
    }
    if (String(fields.app_id) !== config.appId || typeof fields.timestamp !== 'string') return false;
    const expected = createHash('sha256').update(config.appId).update(request.rawBody).update(fields.timestamp).update(config.oaSecretKey).digest();
    return timingSafeEqual(Buffer.from(value, 'hex'), expected);
  },
  /** The OA: `oa_id` on follow events, the sender of OA echoes, else the recipient (zalo spec §3.3–3.4). */
  webhookAccountIds(body) {
    const b = body as { oa_id?: unknown; event_name?: unknown; sender?: { id?: unknown }; recipient?: { id?: unknown } } | null;
    if (!b || typeof b !== 'object') return [];
    // The OA is the sender of its own echoes and of delivery and seen receipts (spec §3.3), the recipient otherwise.
    const name = typeof b.event_name === 'string' ? b.event_name : '';
    const fromOa = name.startsWith('oa_send_') || name === 'user_received_message' || name === 'user_seen_message';
    const id = b.oa_id ?? (fromOa ? b.sender?.id : b.recipient?.id);
    return typeof id === 'string' || typeof id === 'number' ? [String(id)] : [];
  },
  parseWebhook: parseZaloWebhook,
  accountOf: (config) => ({ accountId: config.oaId }),
  async send(message, { config, http, baseUrls, now }) {
    if (!message.recipientId) return { kind: 'failed', code: 'NO_RECIPIENT' };
    if (message.lastInboundAt && now().getTime() - message.lastInboundAt.getTime() > replyWindowMs) return { kind: 'failed', code: 'WINDOW_CLOSED' };
    if (message.text.length > 2000) return { kind: 'failed', code: 'TEXT_TOO_LONG' };
    let result;
    try {
      result = await postConsultationMessage(http, { openApiUrl: baseUrls.zaloOpenApiUrl, accessToken: config.accessToken, body: { recipient: { user_id: message.recipientId }, message: { text: message.text } } });
    } catch (err) {
      return { kind: 'retry', code: 'NETWORK_ERROR', detail: err instanceof Error ? err.message : String(err) };
    }
    if (!result.answer || result.status >= 500) return { kind: 'retry', code: 'PROVIDER_UNAVAILABLE', detail: `HTTP ${result.status}` };
    return mapZaloAnswer(result.answer.error ?? -1, result.answer.message, result.answer.data?.message_id);
  },
  /** Access token 25 h, refresh token 3 months and single-use (zalo spec §2.2). */
  async refreshCredentials(config, { http, baseUrls }) {
    const r = await refreshZaloToken(config, { http, baseUrls });
    if (r.kind === 'failed') return { kind: 'failed', code: r.code, permanent: r.code === 'ZALO_REFRESH_REJECTED', detail: r.detail };
    return {
      kind: 'refreshed',
      config: { ...config, accessToken: r.accessToken, refreshToken: r.refreshToken },
      accessTokenTtlMs: r.expiresInSeconds * 1000,
      refreshTokenTtlMs: 90 * 24 * 3_600_000,
    };
  },
} satisfies ChannelAdapter<ZaloConfig>;

/** Zalo `error` → outcome (zalo spec §6). -216/-220/-124: token problem; the core team refreshes with refreshZaloToken. */
export function mapZaloAnswer(error: number, detail: string | undefined, messageId: string | undefined): SendResult {
  if (error === 0) return { kind: 'sent', providerMessageId: messageId ?? null };
  if (error === -216 || error === -220 || error === -124) return { kind: 'held', code: 'CHANNEL_AUTH_INVALID', detail };
  // The per-minute bucket resets every minute (zalo spec §1).
  if (error === -32) return { kind: 'retry', code: 'RATE_LIMITED', afterMs: 60_000, detail };
  if (error === -230 || error === -232) return { kind: 'failed', code: 'WINDOW_CLOSED', detail };
  if (error === -213) return { kind: 'failed', code: 'NOT_FOLLOWER', detail };
  if (error === -217 || error === -227 || error === -244) return { kind: 'failed', code: 'RECIPIENT_UNAVAILABLE', detail };
  if (error === -204 || error === -219 || error === -223 || error === -224 || error === -221) return { kind: 'held', code: 'CHANNEL_RESTRICTED', detail };
  if (error === -200) return { kind: 'retry', code: 'PROVIDER_UNAVAILABLE', detail };
  return { kind: 'failed', code: 'PROVIDER_REJECTED', detail: `${error} ${detail ?? ''}`.trim() };
}
