import { useState, type FormEvent } from 'react';
import type { RoutingRuleInput, RoutingRuleView } from '../../../../contracts/api.ts';
import { LEGAL_TRACKS, ROUTING_CATEGORIES, TRIAGE_PROCEDURES, TRIAGE_TYPES } from '../../../../contracts/enums.ts';
import type { Unit } from '../../../ui/api-types.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField, TextField } from '../../../ui/components/field.tsx';
import { UnitPicker } from '../../../ui/components/unit-picker.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { codeLabel } from './rule-words.ts';

type Props = {
  rule: RoutingRuleView | null;
  position: number | null;
  units: readonly Unit[];
  busy: boolean;
  error: unknown;
  onSubmit: (input: Omit<RoutingRuleInput, 'version'>) => void;
  onCancel: () => void;
};

/** The form for a new rule or a changed one: conditions, where it sends cases, its words in both languages. */
export function RuleForm({ rule, position, units, busy, error, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [types, setTypes] = useState<string[]>(rule?.match.types ?? []);
  const [categories, setCategories] = useState<string[]>(rule?.match.categories ?? []);
  const [procedures, setProcedures] = useState<string[]>(rule?.match.procedures ?? []);
  const [legalTracks, setLegalTracks] = useState<string[]>(rule?.match.legalTracks ?? []);
  const [urgent, setUrgent] = useState<'any' | 'yes' | 'no'>(
    rule?.match.urgent === undefined ? 'any' : rule.match.urgent ? 'yes' : 'no',
  );
  const [targetKind, setTargetKind] = useState<'place' | 'unit'>(rule?.target.kind ?? 'unit');
  const [unitCode, setUnitCode] = useState<string | null>(rule?.target.kind === 'unit' ? rule.target.unitCode : null);
  const [fallback, setFallback] = useState<string | null>(rule?.fallbackUnitCode ?? null);
  const [vi, setVi] = useState(rule?.description.vi ?? '');
  const [en, setEn] = useState(rule?.description.en ?? '');
  const [priority, setPriority] = useState(rule ? String(rule.priority) : '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      match: {
        ...(types.length ? { types: types as RoutingRuleInput['match']['types'] } : {}),
        ...(categories.length ? { categories } : {}),
        ...(procedures.length ? { procedures } : {}),
        ...(legalTracks.length ? { legalTracks: legalTracks as RoutingRuleInput['match']['legalTracks'] } : {}),
        ...(urgent === 'any' ? {} : { urgent: urgent === 'yes' }),
      },
      target: targetKind === 'unit' ? { kind: 'unit', unitCode: unitCode ?? '' } : { kind: 'place' },
      fallbackUnitCode: targetKind === 'place' ? fallback : null,
      description: { vi: vi.trim(), en: en.trim() },
      enabled,
      ...(priority.trim() ? { priority: Number(priority) } : {}),
    });
  };

  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="rule-form-title" data-testid="rule-form">
      <h2 id="rule-form-title">{rule && position ? t('routing.form.titleEdit', { n: position }) : t('routing.form.titleNew')}</h2>
      <p className="field-hint">{t('routing.form.conditions')}</p>
      <Checks
        legend={t('routing.form.types')}
        values={TRIAGE_TYPES}
        chosen={types}
        onChange={setTypes}
        label={(c) => codeLabel(t, 'type', c)}
      />
      <Checks
        legend={t('routing.form.categories')}
        values={ROUTING_CATEGORIES}
        chosen={categories}
        onChange={setCategories}
        label={(c) => codeLabel(t, 'category', c)}
      />
      <Checks
        legend={t('routing.form.procedures')}
        values={TRIAGE_PROCEDURES}
        chosen={procedures}
        onChange={setProcedures}
        label={(c) => codeLabel(t, 'procedure', c)}
      />
      <Checks
        legend={t('routing.form.legalTracks')}
        values={LEGAL_TRACKS}
        chosen={legalTracks}
        onChange={setLegalTracks}
        label={(c) => codeLabel(t, 'type', c)}
      />
      <SelectField
        label={t('routing.form.urgent')}
        value={urgent}
        onChange={(e) => setUrgent(e.target.value as 'any' | 'yes' | 'no')}
      >
        <option value="any">{t('routing.form.urgentAny')}</option>
        <option value="yes">{t('routing.form.urgentYes')}</option>
        <option value="no">{t('routing.form.urgentNo')}</option>
      </SelectField>
      <fieldset className="form-grid-fieldset">
        <legend className="field-label">{t('routing.form.target')}</legend>
        {(['unit', 'place'] as const).map((k) => (
          <label key={k} className="row">
            <input type="radio" name="target-kind" value={k} checked={targetKind === k} onChange={() => setTargetKind(k)} />{' '}
            {t(`routing.target.${k}`)}
          </label>
        ))}
      </fieldset>
      {targetKind === 'unit' ? (
        <UnitPicker units={units} value={unitCode} onChange={setUnitCode} label={t('routing.form.unit')} required />
      ) : (
        <UnitPicker
          units={units}
          value={fallback}
          onChange={setFallback}
          label={t('routing.form.fallback')}
          hint={t('routing.form.fallbackHint')}
          optional
        />
      )}
      <TextField
        label={t('routing.form.descriptionVi')}
        hint={t('routing.form.descriptionHint')}
        value={vi}
        onChange={(e) => setVi(e.target.value)}
        required
        minLength={3}
        maxLength={300}
        lang="vi"
      />
      <TextField
        label={t('routing.form.descriptionEn')}
        value={en}
        onChange={(e) => setEn(e.target.value)}
        required
        minLength={3}
        maxLength={300}
        lang="en"
      />
      <TextField
        label={t('routing.form.priority')}
        type="number"
        min={1}
        value={priority}
        onChange={(e) => setPriority(e.target.value)}
        optional
      />
      <label className="row">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('routing.form.enabled')}
      </label>
      <ErrorMessage error={error} />
      <div className="row">
        <Button
          type="submit"
          busy={busy}
          disabled={(targetKind === 'unit' && !unitCode) || vi.trim().length < 3 || en.trim().length < 3}
        >
          {t('common.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Checks({
  legend,
  values,
  chosen,
  onChange,
  label,
}: {
  legend: string;
  values: readonly string[];
  chosen: string[];
  onChange: (v: string[]) => void;
  label: (code: string) => string;
}) {
  return (
    <fieldset className="form-grid-fieldset">
      <legend className="field-label">{legend}</legend>
      <div className="check-grid">
        {/* A stored code the first pass lacks is shown too, so it can be unticked. */}
        {[...values, ...chosen.filter((c) => !values.includes(c))].map((v) => (
          <label key={v}>
            <input
              type="checkbox"
              value={v}
              checked={chosen.includes(v)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))}
            />{' '}
            {label(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
