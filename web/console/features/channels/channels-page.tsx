import { useEffect, useState } from 'react';
import type { ChannelAccountCreated, ChannelAccountView, ChannelForm as ChannelFormShape, Unit } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { ChannelBadge } from '../../../ui/components/badges.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { channelKey } from '../../../ui/labels.ts';
import { Link } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { paths } from '../../routes.ts';
import { useUser } from '../auth/session.tsx';
import { announceChannelsChanged } from './channel-banner.tsx';
import { ChannelForm, type ChannelFormStart } from './channel-form.tsx';
import { canManageChannels, reasonKey, tokenState, unitsInScope } from './channel-model.ts';

const ADD_BUTTON_ID = 'channel-add';

/** "Kênh kết nối": the Pages and OAs of the unit subtree with their health; admins connect and reconnect them. */
export function ChannelsPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const canManage = canManageChannels(user.role);
  const list = useAsync(() => api.get<ChannelAccountView[]>('/api/staff/channels'), []);
  const forms = useAsync(
    () => (canManage ? api.get<ChannelFormShape[]>('/api/staff/channels/forms') : Promise.resolve([])),
    [canManage],
  );
  const units = useAsync(() => (canManage ? api.get<Unit[]>('/api/public/units') : Promise.resolve([])), [canManage]);
  const [start, setStart] = useState<ChannelFormStart | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    document.title = `${t('channels.title')} · ${t('app.name')}`;
  }, [t]);

  const channelName = (channel: string) => {
    const key = channelKey(channel);
    return key ? t(key) : channel;
  };
  const open = (next: ChannelFormStart) => {
    setNotice('');
    setStart(next);
  };
  const close = () => {
    setStart(null);
    requestAnimationFrame(() => document.getElementById(ADD_BUTTON_ID)?.focus());
  };
  const saved = (result: ChannelAccountCreated) => {
    const vars = { channel: channelName(result.channel), account: result.accountId };
    setNotice(result.created ? t('channels.form.created', vars) : t('channels.form.updated', vars));
    setStart(null);
    list.reload();
    announceChannelsChanged();
  };

  const accounts = list.data ?? [];
  const now = new Date();
  return (
    <>
      <div className="page-head">
        <h1>{t('channels.title')}</h1>
        <span className="muted">{list.data ? t('channels.count', { n: accounts.length }) : ''}</span>
        <span className="spacer" />
        <Button variant="ghost" size="small" onClick={list.reload} busy={list.isLoading}>
          {t('channels.refresh')}
        </Button>
        {canManage && (
          <Button
            id={ADD_BUTTON_ID}
            size="small"
            onClick={() => open({ unitCode: user.unit.code })}
            aria-expanded={start !== null && !start.accountId}
          >
            {t('channels.add')}
          </Button>
        )}
      </div>
      <p className="muted">{t('channels.intro', { unit: user.unit.name })}</p>
      {!canManage && <p className="muted">{t('channels.readOnly')}</p>}
      <p role="status" className={notice ? 'alert alert-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <ErrorMessage error={list.error ?? forms.error ?? units.error} />

      {start && forms.data && units.data && (
        <ChannelForm
          key={`${start.channel ?? ''}:${start.accountId ?? 'new'}`}
          forms={forms.data}
          units={unitsInScope(units.data, user.unit.code)}
          start={start}
          onSaved={saved}
          onCancel={close}
        />
      )}

      {list.isLoading && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && accounts.length === 0 && <p className="panel muted">{t('channels.empty')}</p>}
      {accounts.length > 0 && (
        <table className="table table-static" data-testid="channel-table">
          <thead>
            <tr>
              <th scope="col">{t('channels.col.channel')}</th>
              <th scope="col">{t('channels.col.account')}</th>
              <th scope="col">{t('channels.col.unit')}</th>
              <th scope="col">{t('channels.col.health')}</th>
              <th scope="col">{t('channels.col.lastEvent')}</th>
              <th scope="col">{t('channels.col.token')}</th>
              <th scope="col">{t('channels.col.waiting')}</th>
              <th scope="col">{t('channels.col.last24h')}</th>
              <th scope="col" className="num">
                {t('channels.col.followers')}
              </th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">{t('case.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const reason = account.healthReason;
              const reasonText = reason ? (reasonKey(reason) ? t(reasonKey(reason)!) : reason) : null;
              const token = tokenState(account, now);
              const expiry = account.accessTokenExpiresAt ? formatDateTime(account.accessTokenExpiresAt, locale) : '';
              return (
                <tr key={`${account.channel}:${account.accountId}`} data-account={account.accountId}>
                  <td>
                    <ChannelBadge channel={account.channel} />
                  </td>
                  <td>
                    {account.name && <div className="cell-title">{account.name}</div>}
                    <code>{account.accountId}</code>
                  </td>
                  <td className="wrap">{account.unit.name}</td>
                  <td>
                    <span className={`badge badge-health-${account.health}`}>{t(`channels.health.${account.health}`)}</span>
                    {reasonText && (
                      <div className="cell-note" title={reason ?? undefined}>
                        {reasonText}
                      </div>
                    )}
                  </td>
                  <td>
                    {account.lastEventAt ? (
                      formatDateTime(account.lastEventAt, locale)
                    ) : (
                      <span className="muted">{t('channels.lastEvent.never')}</span>
                    )}
                  </td>
                  <td>
                    {token === 'ok' ? (
                      t('channels.token.ok', { time: expiry })
                    ) : (
                      <span className={`badge badge-token-${token}`}>
                        <span aria-hidden="true">⚠ </span>
                        {token === 'unknown' ? t('channels.token.unknown') : t(`channels.token.${token}`, { time: expiry })}
                      </span>
                    )}
                  </td>
                  <td>
                    <Count
                      n={account.held}
                      href={paths.outbox('held')}
                      label={t('channels.held', { n: account.held })}
                      tone="warn"
                    />
                    {' · '}
                    <Count
                      n={account.dead}
                      href={paths.outbox('dead')}
                      label={t('channels.dead', { n: account.dead })}
                      tone="danger"
                    />
                  </td>
                  <td>
                    {t('channels.sent', { n: account.sent24h })}
                    {' · '}
                    <span className={account.failed24h > 0 ? 'text-danger' : undefined}>
                      {t('channels.failed', { n: account.failed24h })}
                    </span>
                  </td>
                  <td className="num">{account.followers}</td>
                  {canManage && (
                    <td>
                      <Button
                        variant={account.health === 'healthy' ? 'secondary' : 'primary'}
                        size="small"
                        aria-label={t('channels.reconnectAccount', { account: account.name ?? account.accountId })}
                        onClick={() =>
                          open({
                            channel: account.channel,
                            unitCode: account.unit.code,
                            name: account.name ?? '',
                            accountId: account.accountId,
                          })
                        }
                      >
                        {t('channels.reconnect')}
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** A held or failed count: a link to the outbox when there is something to look at. */
function Count({ n, href, label, tone }: { n: number; href: string; label: string; tone: 'warn' | 'danger' }) {
  if (n === 0) return <span className="muted">{label}</span>;
  return (
    <Link href={href} className={`count-link text-${tone}`}>
      {label}
    </Link>
  );
}
