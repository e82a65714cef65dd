import { useEffect, useState } from 'react';
import type { ChannelAccountView } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { Link } from '../../../ui/router.tsx';
import { paths } from '../../routes.ts';
import { channelAlerts } from './channel-model.ts';

const CHANNELS_CHANGED = 'gandan:channels-changed';
const RELOAD_MS = 5 * 60_000;

/** Tells the top-bar banner to look again (after an account was connected or reconnected). */
export function announceChannelsChanged(): void {
  window.dispatchEvent(new Event(CHANNELS_CHANGED));
}

/**
 * A strip under the top bar when a channel in scope needs re-authorisation or its token expires within 24 h, so
 * nobody learns about it from a citizen who got no answer. Failures to load are not shown: the page has its own.
 */
export function ChannelBanner() {
  const t = useT();
  const [accounts, setAccounts] = useState<readonly ChannelAccountView[]>([]);

  useEffect(() => {
    let isCurrent = true;
    const load = () =>
      api.get<ChannelAccountView[]>('/api/staff/channels').then(
        (list) => isCurrent && setAccounts(list),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), RELOAD_MS);
    window.addEventListener(CHANNELS_CHANGED, load);
    return () => {
      isCurrent = false;
      window.clearInterval(timer);
      window.removeEventListener(CHANNELS_CHANGED, load);
    };
  }, []);

  const alerts = channelAlerts(accounts, new Date());
  if (alerts.reauth === 0 && alerts.expiring === 0) return null;
  return (
    <div
      className={alerts.reauth > 0 ? 'console-banner console-banner-danger' : 'console-banner'}
      role="status"
      data-testid="channel-banner"
    >
      {alerts.reauth > 0 && <span>{t('channels.banner.reauth', { n: alerts.reauth })}</span>}
      {alerts.expiring > 0 && <span>{t('channels.banner.expiring', { n: alerts.expiring })}</span>}
      <Link href={paths.channels()}>{t('channels.banner.open')}</Link>
    </div>
  );
}
