import { firstPartyChannel } from '../first-party.ts';

/** The citizen portal: messages are read on the tracking page (/track/<code>); nothing leaves the server. */
export const portalChannel = firstPartyChannel('portal', 5000, true);
