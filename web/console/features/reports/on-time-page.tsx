import { useState, type FormEvent } from 'react';
import type { MisrouteReport, OnTimeReport } from '../../../../contracts/api.ts';
import { api, queryString } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextField } from '../../../ui/components/field.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { VisitReportSection } from './visit-report.tsx';

const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.floor(rate * 1000) / 10).toLocaleString('vi-VN')} %`);
// A Vietnam calendar day (UTC+7), as the reports read `from`/`to` days.
const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** "Báo cáo đúng hạn": on-time rate per unit and category of the officer's subtree, and misroutes per unit. */
export function OnTimePage() {
  const { t } = useI18n();
  const [from, setFrom] = useState(() => vnDay(new Date(Date.now() - 30 * 86_400_000)));
  const [to, setTo] = useState(() => vnDay(new Date()));
  const [period, setPeriod] = useState({ from, to });
  const onTime = useAsync(() => api.get<OnTimeReport>(`/api/staff/reports/on-time${queryString(period)}`), [period.from, period.to]);
  const misroutes = useAsync(() => api.get<MisrouteReport>(`/api/staff/reports/misroutes${queryString(period)}`), [period.from, period.to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ from, to });
  };
  const r = onTime.data;

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      <form className="row" onSubmit={submit} style={{ alignItems: 'flex-end', gap: '0.75rem', flexWrap: 'wrap' }}>
        <TextField type="date" label={t('reports.from')} value={from} onChange={(e) => setFrom(e.target.value)} required />
        <TextField type="date" label={t('reports.to')} value={to} onChange={(e) => setTo(e.target.value)} required />
        <Button type="submit" variant="secondary">
          {t('reports.show')}
        </Button>
      </form>
      <ErrorMessage error={onTime.error ?? misroutes.error} />
      {r && (
        <section className="panel" style={{ marginTop: '1rem' }}>
          {r.rows.length === 0 ? (
            <p className="muted">{t('reports.none')}</p>
          ) : (
            <table className="table table-static" data-testid="on-time-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.unit')}</th>
                  <th scope="col">{t('reports.category')}</th>
                  <th scope="col" className="num">{t('reports.closedOnTime')}</th>
                  <th scope="col" className="num">{t('reports.closedLate')}</th>
                  <th scope="col" className="num">{t('reports.openPastDue')}</th>
                  <th scope="col" className="num">{t('reports.rate')}</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => (
                  <tr key={`${row.unit.code}/${row.category ?? ''}`}>
                    <td>{row.unit.name}</td>
                    <td>{row.category ?? <span className="muted">{t('reports.noCategory')}</span>}</td>
                    <td className="num">{row.closedOnTime}</td>
                    <td className="num">{row.closedLate}</td>
                    <td className="num">{row.openPastDue}</td>
                    <td className="num">
                      <strong>{percent(row.rate)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('reports.total')}
                  </th>
                  <td className="num">{r.total.closedOnTime}</td>
                  <td className="num">{r.total.closedLate}</td>
                  <td className="num">{r.total.openPastDue}</td>
                  <td className="num">
                    <strong>{percent(r.total.rate)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          )}
        </section>
      )}
      {misroutes.data && (
        <section className="panel" style={{ marginTop: '1rem' }} aria-labelledby="misroutes-title">
          <h2 id="misroutes-title">{t('reports.misroutes')}</h2>
          <p className="muted">{t('reports.misroutesIntro', { days: misroutes.data.days })}</p>
          {misroutes.data.rows.length === 0 ? (
            <p className="muted">{t('reports.noMisroutes')}</p>
          ) : (
            <table className="table table-static" data-testid="misroutes-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.unit')}</th>
                  <th scope="col" className="num">{t('reports.returned')}</th>
                  <th scope="col" className="num">{t('reports.passedOnQuickly')}</th>
                  <th scope="col" className="num">{t('reports.total')}</th>
                </tr>
              </thead>
              <tbody>
                {misroutes.data.rows.map((row) => (
                  <tr key={row.unit.code}>
                    <td>{row.unit.name}</td>
                    <td className="num">{row.returned}</td>
                    <td className="num">{row.passedOnQuickly}</td>
                    <td className="num">{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <VisitReportSection period={period} />
    </>
  );
}
