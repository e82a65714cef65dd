import { z } from 'zod';
import type { ChannelAdapter, ChannelCapabilities } from './channel.ts';

/**
 * A channel served by our own HTTP API (the portal, Open311): no provider, no signed webhooks, no accounts. The
 * citizen reads our messages on the tracking page, so "delivering" one means it becomes visible there.
 */
export function firstPartyChannel<Id extends 'portal' | 'open311'>(id: Id, maxTextLength: number, images: boolean) {
  const capabilities: ChannelCapabilities = {
    usesAccounts: false,
    freeReplyWindowMs: null,
    replyModes: ['message'],
    privateReplyWindowMs: null,
    replyWindowMs: null,
    humanReplyWindowMs: null,
    canPushMessages: false,
    images,
    files: false,
    deliveryReceipts: false,
    maxTextLength,
  };
  return {
    id,
    capabilities,
    configSchema: z.object({}),
    verifyWebhook: () => false,
    webhookAccountIds: () => [],
    parseWebhook: () => [],
    send: async () => ({ kind: 'sent' as const, providerMessageId: null }),
  } satisfies ChannelAdapter<Record<string, never>>;
}
