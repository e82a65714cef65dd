import { useState } from 'react';
import type { Notification, NotificationList } from '../../../../contracts/api.ts';
import { api, queryString } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { Link } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { paths } from '../../routes.ts';
import { useLiveEvents } from '../live/live-events.tsx';

/** My notifications (due soon, overdue, escalated to me, mentioned in a note), newest first; mark one or all read; links to the case. */
export function NotificationsPage() {
  const { t, locale } = useI18n();
  const [isUnreadOnly, setUnreadOnly] = useState(false);
  const list = useAsync(() => api.get<NotificationList>(`/api/staff/notifications${queryString({ unreadOnly: String(isUnreadOnly), limit: 100 })}`), [isUnreadOnly]);
  useLiveEvents((e) => e.type === 'notification' || e.type === 'resync', list.reload);
  const [error, setError] = useState<unknown>(null);

  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      list.reload();
    } catch (actError) {
      setError(actError);
    }
  };
  const markRead = (n: Notification) => act(() => api.post(`/api/staff/notifications/${n.id}/read`));

  const items = list.data?.items ?? [];
  return (
    <>
      <div className="row">
        <h1 style={{ margin: 0 }}>{t('notifications.title')}</h1>
        {list.data && (
          <span className="muted" role="status">
            {t('notifications.unreadCount', { n: list.data.unreadCount })}
          </span>
        )}
        <span className="spacer" />
        <label className="row">
          <input type="checkbox" checked={isUnreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t('notifications.unreadOnly')}
        </label>
        <Button variant="secondary" disabled={!list.data?.unreadCount} onClick={() => void act(() => api.post('/api/staff/notifications/read-all'))}>
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <ErrorMessage error={list.error ?? error} />
      {list.data && items.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
      <ul className="notification-list" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
            <div>
              <strong>{t(`notifications.kind.${n.kind}`)}</strong>{' '}
              {n.caseId && n.trackingCode ? (
                <Link href={paths.case(n.caseId)} onClick={() => (n.readAt ? undefined : void markRead(n))}>
                  {n.trackingCode}
                </Link>
              ) : null}
              {n.unitName && <span className="muted"> · {n.unitName}</span>}
              {n.byName && <span className="muted"> · {t('notifications.by', { name: n.byName })}</span>}
              <br />
              <span className="muted">
                {n.dueAt ? `${t('notifications.due', { time: formatDateTime(n.dueAt, locale) })} · ` : ''}
                {formatDateTime(n.createdAt, locale)}
              </span>
            </div>
            {n.readAt ? (
              <span className="muted">{t('notifications.read')}</span>
            ) : (
              <Button variant="secondary" size="small" onClick={() => void markRead(n)}>
                {t('notifications.markRead')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
