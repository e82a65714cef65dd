import type { ChannelId } from '../domain/message/message.ts';
import type { ChannelAdapter } from './channel.ts';
import { portalChannel } from './portal/index.ts';

/** Every channel adapter, one line each (STYLE §4). */
const adapters: Partial<Record<ChannelId, ChannelAdapter<never>>> = {
  portal: portalChannel as unknown as ChannelAdapter<never>,
};

export function findChannel(id: string): ChannelAdapter<never> | undefined {
  return adapters[id as ChannelId];
}
