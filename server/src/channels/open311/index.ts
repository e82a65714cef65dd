import { firstPartyChannel } from '../first-party.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): partner apps submit service requests to
 * /open311/v2/requests with an API key (`gandan apikey add`); clients read status with GET requests and the
 * citizen reads replies on the tracking page. Routes: http/routes/open311/; docs: docs/channels/open311.md.
 * GeoReport v2 limits a description to 4,000 characters.
 */
export const open311Channel = firstPartyChannel('open311', 4000, false);
