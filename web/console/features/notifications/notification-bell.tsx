import type { NotificationList } from '../../../../contracts/api.ts';
import { api } from '../../../ui/api.ts';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { Link } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { paths } from '../../routes.ts';
import { useLiveEvents } from '../live/live-events.tsx';

/** The header's bell: unread notifications, updated live; opens the notifications page. */
export function NotificationBell({ isCurrent }: { isCurrent: boolean }) {
  const t = useT();
  const unread = useAsync(() => api.get<NotificationList>('/api/staff/notifications?unreadOnly=true&limit=1'), []);
  useLiveEvents((e) => e.type === 'notification' || e.type === 'resync', unread.reload, 100);
  const n = unread.data?.unreadCount ?? 0;
  return (
    <Link href={paths.notifications()} className="bell" aria-current={isCurrent ? 'page' : undefined} aria-label={t('notifications.bell', { n })} data-testid="notification-bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {n > 0 && (
        <span className="bell-count" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      )}
    </Link>
  );
}
