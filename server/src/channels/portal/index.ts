import { z } from 'zod';
import type { ChannelAdapter } from '../channel.ts';

/**
 * The citizen portal. Citizens read our messages on the tracking page (/track/<code>), so "delivering"
 * means the message becomes visible there; nothing leaves the server.
 */
export const portalChannel = {
  id: 'portal',
  capabilities: {
    usesAccounts: false,
    freeReplyWindowMs: null,
    replyModes: ['message'],
    privateReplyWindowMs: null,
    replyWindowMs: null,
    humanReplyWindowMs: null,
    canPushMessages: false,
    images: true,
    files: false,
    deliveryReceipts: false,
    maxTextLength: 5000,
  },
  configSchema: z.object({}),
  // Portal intake is a first-party HTTP API, not a signed webhook.
  verifyWebhook: () => false,
  webhookAccountIds: () => [],
  parseWebhook: () => [],
  send: async () => ({ kind: 'sent', providerMessageId: null }),
} satisfies ChannelAdapter<Record<string, never>>;
