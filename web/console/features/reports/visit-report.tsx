import type { VisitReport } from '../../../../contracts/api.ts';
import { api, queryString } from '../../../ui/api.ts';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { formatElapsed } from '../../../ui/visit-format.ts';

/** "Đến tận nhà": visits completed, cancelled and missed per unit, with the median and p90 time from first message to completion. */
export function VisitReportSection({ period }: { period: { from: string; to: string } }) {
  const { t } = useI18n();
  const report = useAsync(() => api.get<VisitReport>(`/api/staff/reports/field-visits${queryString(period)}`), [period.from, period.to]);
  const r = report.data;
  return (
    <section className="panel" style={{ marginTop: '1rem' }} aria-labelledby="visits-title">
      <h2 id="visits-title">{t('reports.visits')}</h2>
      <p className="muted">{t('reports.visitsIntro')}</p>
      <ErrorMessage error={report.error} />
      {r &&
        (r.rows.length === 0 ? (
          <p className="muted">{t('reports.visitsNone')}</p>
        ) : (
          <table className="table table-static" data-testid="visits-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.unit')}</th>
                <th scope="col" className="num">{t('reports.visitsDone')}</th>
                <th scope="col" className="num">{t('reports.visitsCancelled')}</th>
                <th scope="col" className="num">{t('reports.visitsNoShow')}</th>
                <th scope="col" className="num">{t('reports.visitsMedian')}</th>
                <th scope="col" className="num">{t('reports.visitsP90')}</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => (
                <tr key={row.unit.code}>
                  <td>{row.unit.name}</td>
                  <td className="num">{row.done}</td>
                  <td className="num">{row.cancelled}</td>
                  <td className="num">{row.noShow}</td>
                  <td className="num">
                    <strong>{formatElapsed(row.medianMs, t)}</strong>
                  </td>
                  <td className="num">{formatElapsed(row.p90Ms, t)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reports.total')}</th>
                <td className="num">{r.total.done}</td>
                <td className="num">{r.total.cancelled}</td>
                <td className="num">{r.total.noShow}</td>
                <td className="num">
                  <strong>{formatElapsed(r.total.medianMs, t)}</strong>
                </td>
                <td className="num">{formatElapsed(r.total.p90Ms, t)}</td>
              </tr>
            </tfoot>
          </table>
        ))}
    </section>
  );
}
