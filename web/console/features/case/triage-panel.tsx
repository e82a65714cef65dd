import { useState, type FormEvent } from 'react';
import { CASE_TYPES, TRIAGE_CATEGORIES, TRIAGE_PROCEDURES, type CaseType, type TriageCategory, type TriageProcedure } from '../../../../contracts/enums.ts';
import { api } from '../../../ui/api.ts';
import type { CaseDetail, Unit } from '../../../ui/api-types.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField } from '../../../ui/components/field.tsx';
import { UnitPicker } from '../../../ui/components/unit-picker.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { useAsync } from '../../../ui/use-async.ts';

/**
 * What the first pass understood and where routing sent the case, in words; and the form with which an officer
 * confirms or corrects it (kept as a training label) and, from the triage queue, sends the case to a unit.
 */
export function TriagePanel({ detail, onChanged, canCorrect }: { detail: CaseDetail; onChanged: () => void; canCorrect: boolean }) {
  const { t, locale } = useI18n();
  const c = detail.case;
  const tr = detail.triage;
  const units = useAsync(() => api.get<Unit[]>('/api/public/units'), []);
  const [type, setType] = useState<CaseType>(c.type);
  // The model's codes, picked by their names; a value it does not know (older data) starts as none.
  const known = <T extends string>(codes: readonly T[], value: string | null | undefined): T | '' => ((codes as readonly string[]).includes(value ?? '') ? (value as T) : '');
  // The form starts from the case's current classification (an earlier correction, else the first pass).
  const [category, setCategory] = useState<TriageCategory | ''>(known(TRIAGE_CATEGORIES, c.category));
  const [procedure, setProcedure] = useState<TriageProcedure | ''>(known(TRIAGE_PROCEDURES, c.procedureCode));
  const [urgent, setUrgent] = useState(c.isUrgent);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/staff/cases/${c.id}/triage`, {
        type,
        category: category || null,
        procedure: procedure || null,
        urgent,
        ...(unitCode ? { unitCode } : {}),
      });
      setSaved(true);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // Nothing to show to someone who may not correct the first pass when there is none to read.
  if (!tr && !canCorrect) return null;
  return (
    <section className="panel" aria-labelledby="triage-title" data-testid="triage-panel">
      <h2 id="triage-title">{t('triage.title')}</h2>
      {tr ? (
        <>
          <p>
            <strong>{t(`triage.decision.${tr.decision}`)}</strong> · {t('triage.confidence', { value: tr.confidence.toFixed(2) })}
          </p>
          {tr.legalTrack && <p>{t('triage.legalTrack', { track: t(`type.${tr.legalTrack as CaseType}`) })}</p>}
          {(tr.place.ward || tr.place.district || tr.place.street) && (
            <p>
              {t('triage.place')}: {[tr.place.street, tr.place.ward, tr.place.district].filter(Boolean).join(', ')}
            </p>
          )}
          {tr.place.candidates.length > 0 && <p>{t('triage.candidates', { names: tr.place.candidates.map((x) => x.name).join(', ') })}</p>}
          <h3>{t('triage.why')}</h3>
          <ul className="triage-why">
            {tr.explanation.map((e, i) => (
              <li key={i}>{locale === 'vi' ? e.vi : e.en}</li>
            ))}
          </ul>
        </>
      ) : null}
      {canCorrect && (
        <form onSubmit={(e) => void submit(e)} style={{ marginTop: '0.6rem' }}>
          <h3>{t('triage.correct')}</h3>
          <SelectField label={t('triage.type')} value={type} onChange={(e) => setType(e.target.value as CaseType)}>
            {CASE_TYPES.map((ct) => (
              <option key={ct} value={ct}>
                {t(`type.${ct}`)}
              </option>
            ))}
          </SelectField>
          <CodeSelect<TriageCategory> label={t('triage.category')} codes={TRIAGE_CATEGORIES} value={category} onChange={setCategory} nameOf={(code) => t(`category.${code}`)} none={t('triage.noneChosen')} />
          <CodeSelect<TriageProcedure> label={t('triage.procedure')} codes={TRIAGE_PROCEDURES} value={procedure} onChange={setProcedure} nameOf={(code) => t(`procedure.${code}`)} none={t('triage.noneChosen')} />
          <label className="row" style={{ margin: '0.6rem 0' }}>
            <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} /> {t('triage.urgentLabel')}
          </label>
          <UnitPicker key={units.data ? 'loaded' : 'loading'} units={units.data ?? []} value={unitCode} onChange={setUnitCode} label={t('triage.unit')} optional />
          <div className="row" style={{ marginTop: '0.5rem' }}>
            <Button type="submit" variant="secondary" busy={busy}>
              {t('triage.save')}
            </Button>
            <span role="status" className="muted">
              {saved ? t('triage.saved') : ''}
            </span>
          </div>
          <ErrorMessage error={error} />
        </form>
      )}
    </section>
  );
}

/** An optional choice among codes, shown by name, with "none" first (the empty value). */
function CodeSelect<T extends string>(p: { label: string; codes: readonly T[]; value: T | ''; onChange: (v: T | '') => void; nameOf: (code: T) => string; none: string }) {
  return (
    <SelectField label={p.label} value={p.value} onChange={(e) => p.onChange(e.target.value as T | '')} optional>
      <option value="">{p.none}</option>
      {p.codes.map((code) => (
        <option key={code} value={code}>
          {p.nameOf(code)}
        </option>
      ))}
    </SelectField>
  );
}
