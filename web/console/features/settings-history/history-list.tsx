import type { SettingsChange } from '../../../../contracts/api.ts';
import { api } from '../../../ui/api.ts';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import type { Translate } from '../../../ui/i18n/translate.ts';
import { useAsync } from '../../../ui/use-async.ts';

/** The latest audited changes to the routing rules or the calendar; `version` reloads it after an edit. */
export function HistoryList({ area, version }: { area: 'routing' | 'calendar'; version: number }) {
  const { t, locale } = useI18n();
  const history = useAsync(() => api.get<SettingsChange[]>(`/api/staff/settings/history?area=${area}`), [area, version]);
  return (
    <section className="panel" aria-labelledby={`history-${area}`} data-testid="settings-history">
      <h2 id={`history-${area}`}>{t('history.title')}</h2>
      <ErrorMessage error={history.error} />
      {history.data?.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ul className="history-list">
        {history.data?.slice(0, 12).map((h) => (
          <li key={h.seq}>
            <span className="muted">
              {formatDateTime(h.at, locale)} · {h.actorName ?? t('history.unknownActor')}
            </span>
            <br />
            {describeChange(h, t, locale)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function describeChange(h: SettingsChange, t: Translate, locale: 'vi' | 'en'): string {
  const p = h.payload as {
    unitCode?: string | null;
    on?: string;
    note?: string | null;
    after?: { description?: { vi: string; en: string } };
  };
  const unit = p.unitCode ?? t('history.city');
  switch (h.action) {
    case 'calendar.day_edited':
      return t('history.calendar.day_edited', { on: p.on ?? '', unit, note: p.note ?? '' });
    case 'calendar.hours_set':
      return t('history.calendar.hours_set', { unit });
    case 'routing_rule.created':
    case 'routing_rule.updated':
      return t(`history.${h.action}`, { text: p.after?.description?.[locale] ?? '' });
    case 'routing_rule.reordered':
      return t('history.routing_rule.reordered');
    default:
      return h.action;
  }
}
