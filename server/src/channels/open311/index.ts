import { z } from 'zod';
import type { ChannelAdapter } from '../channel.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): partner apps submit service requests to
 * /open311/v2/requests with an API key (`gandan apikey add`). Requests arrive through our own HTTP API, not a
 * signed webhook, and the citizen cannot be messaged through it: clients read status with GET requests.
 * Nothing leaves the server. Routes: http/routes/open311/; docs: docs/channels/open311.md.
 */
export const open311Channel = {
  id: 'open311',
  capabilities: {
    usesAccounts: false,
    freeReplyWindowMs: null,
    replyModes: ['message'],
    privateReplyWindowMs: null,
    replyWindowMs: null,
    humanReplyWindowMs: null,
    canPushMessages: false,
    images: false,
    files: false,
    deliveryReceipts: false,
    // GeoReport v2: description "at most 4,000 characters".
    maxTextLength: 4000,
  },
  configSchema: z.object({}),
  verifyWebhook: () => false,
  webhookAccountIds: () => [],
  parseWebhook: () => [],
  // Replies are shown to the citizen on the tracking page, as on the portal; nothing to send.
  send: async () => ({ kind: 'sent', providerMessageId: null }),
} satisfies ChannelAdapter<Record<string, never>>;
