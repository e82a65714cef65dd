import { useState } from 'react';
import type { UnitStats } from '../../../../contracts/api.ts';
import { api, queryString } from '../../../ui/api.ts';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { formatDate } from '../../../ui/format.ts';
import { useAsync } from '../../../ui/use-async.ts';

/** `/so-lieu`: figures per unit and their ranking, with JSON and CSV downloads of the same table. */
export default function StatsPage() {
  const { t, locale } = useI18n();
  // Empty: the server's default period (the last 90 days by the server's clock).
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = queryString({ from, to });
  const stats = useAsync(() => api.get<UnitStats>(`/api/public/stats/units${query}`), [query]);
  const hours = (h: number | null) => (h === null ? t('common.none') : t('stats.hours', { n: h.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB') }));
  const percent = (r: number | null) => (r === null ? t('common.none') : `${(r * 100).toFixed(1)} %`);

  return (
    <section className="card stack">
      <h1>{t('stats.title')}</h1>
      <p className="muted">{t('stats.intro')}</p>
      <div className="row">
        <label className="field">
          <span className="field-label">{t('stats.from')}</span>
          <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('stats.to')}</span>
          <input className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <p className="row">
        <a className="btn btn-secondary btn-small" href={`/api/public/stats/units.csv${query}`} download>{t('stats.downloadCsv')}</a>
        <a className="btn btn-secondary btn-small" href={`/api/public/stats/units${query}`} target="_blank" rel="noreferrer">{t('stats.downloadJson')}</a>
      </p>
      <ErrorMessage error={stats.error} />
      {stats.data ? (
        stats.data.units.length === 0 ? (
          <p>{t('stats.empty')}</p>
        ) : (
          <div className="table-scroll">
            <p id="stats-caption" className="field-hint">{t('stats.caption', { from: formatDate(stats.data.from, locale), to: formatDate(stats.data.to, locale), n: stats.data.minCasesToRank })}</p>
            <table className="stats-table" aria-describedby="stats-caption">
              <thead>
                <tr>
                  <th scope="col">{t('stats.rank')}</th>
                  <th scope="col">{t('stats.unit')}</th>
                  <th scope="col">{t('stats.cases')}</th>
                  <th scope="col">{t('stats.onTime')}</th>
                  <th scope="col">{t('stats.firstResponse')}</th>
                  <th scope="col">{t('stats.resolution')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.data.units.map((u) => (
                  <tr key={u.unitCode} className={u.hasTooFewCases ? 'stats-unranked' : undefined}>
                    <td>{u.rank ?? <span title={t('stats.tooFew')}>*</span>}</td>
                    <th scope="row">{u.unitName}</th>
                    <td>{u.cases}</td>
                    <td>{percent(u.onTimeRate)}</td>
                    <td>{hours(u.medianFirstResponseHours)}</td>
                    <td>{hours(u.medianResolutionHours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : stats.isLoading ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
      <p className="field-hint">{t('stats.definitions')}</p>
    </section>
  );
}
