import { useState } from 'react';
import type { OutboxItem } from '../../../ui/api-types.ts';
import { api, queryString } from '../../../ui/api.ts';
import { ChannelBadge, DeliveryBadge } from '../../../ui/components/badges.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { paths } from '../../routes.ts';

const FILTERS = ['dead', 'held', 'queued'] as const;
type OutboxFilter = (typeof FILTERS)[number];

/** Messages to citizens that failed or are held, with a retry per message. */
export function OutboxPage() {
  const { t, locale } = useI18n();
  // The filter lives in the URL (?status=held) so other pages can link to it.
  const asked = new URLSearchParams(useLocation().split('?')[1] ?? '').get('status');
  const filter: OutboxFilter = FILTERS.find((value) => value === asked) ?? 'dead';
  const setFilter = (value: OutboxFilter) => navigate(paths.outbox(value), { replace: true });
  const list = useAsync(() => api.get<OutboxItem[]>(`/api/staff/outbox${queryString({ status: filter })}`), [filter]);
  const [retried, setRetried] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);

  const retry = async (id: string) => {
    setError(null);
    try {
      await api.post(`/api/staff/outbox/${id}/retry`);
      setRetried((previous) => new Set(previous).add(id));
    } catch (retryError) {
      setError(retryError);
    }
  };

  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p className="muted">{t('outbox.intro')}</p>
      <div className="tabs" role="group" aria-label={t('outbox.filter')}>
        {FILTERS.map((value) => (
          <button key={value} type="button" aria-pressed={filter === value} onClick={() => setFilter(value)}>
            {t(`delivery.${value}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={list.error ?? error} />
      {list.isLoading && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && list.data.length === 0 && <p className="panel muted">{t('outbox.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('outbox.col.code')}</th>
              <th scope="col">{t('outbox.col.channel')}</th>
              <th scope="col">{t('outbox.col.status')}</th>
              <th scope="col">{t('outbox.col.attempts')}</th>
              <th scope="col">{t('outbox.col.error')}</th>
              <th scope="col">{t('outbox.col.createdAt')}</th>
              <th scope="col">{t('outbox.col.nextAttempt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('case.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((item) => (
              <tr key={item.id}>
                <td className="code-cell">
                  <Link href={paths.case(item.caseId)}>{item.trackingCode}</Link>
                </td>
                <td>
                  <ChannelBadge channel={item.channel} />
                </td>
                <td>
                  <DeliveryBadge status={item.status} />
                </td>
                <td>{item.attempts}</td>
                <td>{item.lastErrorCode ? <code>{item.lastErrorCode}</code> : t('common.none')}</td>
                <td>{formatDateTime(item.createdAt, locale)}</td>
                <td>{formatDateTime(item.nextAttemptAt, locale)}</td>
                <td>
                  {retried.has(item.id) ? (
                    <span role="status">{t('outbox.retried')}</span>
                  ) : (
                    <Button size="small" variant="secondary" onClick={() => void retry(item.id)}>
                      {t('outbox.retry')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
