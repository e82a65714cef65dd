import type { ChannelId } from '../domain/message/message.ts';
import type { ChannelAdapter } from './channel.ts';
import { facebookChannel } from './facebook/index.ts';
import { open311Channel } from './open311/index.ts';
import { portalChannel } from './portal/index.ts';
import { zaloChannel } from './zalo/index.ts';

/** Every channel adapter, one line each (STYLE §4). */
const adapters: Partial<Record<ChannelId, ChannelAdapter<never>>> = {
  portal: portalChannel as unknown as ChannelAdapter<never>,
  facebook: facebookChannel as unknown as ChannelAdapter<never>,
  zalo: zaloChannel as unknown as ChannelAdapter<never>,
  open311: open311Channel as unknown as ChannelAdapter<never>,
};

export function findChannel(id: string): ChannelAdapter<never> | undefined {
  return adapters[id as ChannelId];
}

/** Every registered adapter, in registry order (the console lists the forms of those with accounts). */
export function allChannels(): ChannelAdapter<never>[] {
  return Object.values(adapters);
}
