import { useState } from 'react';
import { api } from '../../../ui/api.ts';
import type { CaseDetail } from '../../../ui/api-types.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { Link } from '../../../ui/router.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { paths } from '../../routes.ts';

/**
 * Reports that probably describe the same matter, with the reasons; one action merges this case into the other
 * (its reporter then gets the other case's updates) or dismisses the proposal.
 */
export function DuplicatesPanel({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (detail.mergedInto) {
    return (
      <section className="panel" data-testid="duplicates-panel">
        <h2>{t('duplicates.title')}</h2>
        <p>
          {t('duplicates.mergedInto')} <Link href={paths.case(detail.mergedInto.id)}>{detail.mergedInto.trackingCode}</Link>
        </p>
      </section>
    );
  }
  if (detail.duplicates.length === 0) return null;
  const act = async (key: string, call: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await call();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const id = detail.case.id;
  // Merging and dismissing are the lead unit's (and need the right to assign).
  const canDecide = detail.allowedActions.includes('case.assign');
  return (
    <section className="panel notice-warn" aria-labelledby="dup-title" data-testid="duplicates-panel">
      <h2 id="dup-title">{t('duplicates.title')}</h2>
      <ul className="duplicates">
        {detail.duplicates.map((d) => (
          <li key={d.caseId}>
            <p>
              <Link href={paths.case(d.caseId)}>{d.trackingCode}</Link> · {t('duplicates.score', { value: Math.round(d.score * 100) })}
            </p>
            <p className="muted">{d.excerpt}</p>
            <p className="muted">{d.reasons.map((r) => (locale === 'vi' ? r.vi : r.en)).join(' · ')}</p>
            {canDecide && (
              <div className="row">
                <Button busy={busy === `m${d.caseId}`} onClick={() => void act(`m${d.caseId}`, () => api.post(`/api/staff/cases/${id}/merge`, { intoCaseId: d.caseId }))}>
                  {t('duplicates.merge', { code: d.trackingCode })}
                </Button>
                <Button variant="secondary" busy={busy === `d${d.caseId}`} onClick={() => void act(`d${d.caseId}`, () => api.post(`/api/staff/cases/${id}/duplicates/${d.caseId}/dismiss`, {}))}>
                  {t('duplicates.dismiss')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </section>
  );
}
