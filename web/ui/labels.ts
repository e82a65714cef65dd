import type { MessageKey } from './i18n/translate.ts';

const CHANNELS = ['portal', 'zalo', 'facebook'] as const;
type KnownChannel = (typeof CHANNELS)[number];

/** Channels are open-ended strings in the API; known ones have a label, others are shown as they are. */
export function channelKey(channel: string): MessageKey | null {
  return (CHANNELS as readonly string[]).includes(channel) ? (`channel.${channel as KnownChannel}` as const) : null;
}
