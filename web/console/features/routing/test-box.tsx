import { useState, type FormEvent } from 'react';
import type { RoutingRuleView, RoutingTestResult } from '../../../../contracts/api.ts';
import type { Unit } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextArea } from '../../../ui/components/field.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { codeLabel, unitLabel } from './rule-words.ts';

/** "Thử một tin nhắn": the real first pass and the current rules on a sample text, with the chosen unit and why. */
export function TestBox({ rules, units }: { rules: readonly RoutingRuleView[]; units: readonly Unit[] | undefined }) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [result, setResult] = useState<RoutingTestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<RoutingTestResult>('/api/staff/routing-rules/test', { text }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const u = result?.understood;
  const position = result?.ruleId ? rules.findIndex((r) => r.id === result.ruleId) + 1 : 0;
  const place = u ? [u.place.street, u.place.ward, u.place.district].filter(Boolean).join(', ') : '';
  return (
    <section className="panel" aria-labelledby="test-title" data-testid="routing-test">
      <h2 id="test-title">{t('routing.test.title')}</h2>
      <form className="stack" onSubmit={(e) => void run(e)}>
        <TextArea
          label={t('routing.test.text')}
          hint={t('routing.test.hint')}
          rows={3}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          lang="vi"
        />
        <div>
          <Button type="submit" variant="secondary" busy={busy} disabled={!text.trim()}>
            {t('routing.test.run')}
          </Button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {result && u && (
        <div className="stack test-result" role="status" data-testid="routing-test-result">
          <p className={result.decision === 'routed' ? 'alert alert-ok' : 'alert alert-info'}>
            <strong>
              {result.decision === 'routed' && result.unitCode
                ? t('routing.test.routed', { unit: unitLabel(units, result.unitCode, locale) })
                : t('routing.test.triage')}
            </strong>
            {position > 0 && <> · {t('routing.test.byRule', { n: position })}</>}
          </p>
          <p>
            <strong>{t('routing.test.understood')}:</strong> {codeLabel(t, 'type', u.legalTrack ?? u.type)}
            {u.category && <> · {codeLabel(t, 'category', u.category)}</>}
            {u.procedure && <> · {codeLabel(t, 'procedure', u.procedure)}</>}
            {' · '}
            {t(u.urgent ? 'routing.when.urgent' : 'routing.when.notUrgent')} ·{' '}
            {t('routing.test.confidence', { value: u.confidence.toFixed(2) })}
            {place && <> · {t('routing.test.place', { place })}</>}
          </p>
          <h3>{t('routing.test.why')}</h3>
          <ul className="triage-why">
            {result.explanation.map((e, i) => (
              <li key={i}>{locale === 'vi' ? e.vi : e.en}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
