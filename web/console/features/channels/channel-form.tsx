import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type {
  ChannelAccountCreate,
  ChannelAccountCreated,
  ChannelForm as ChannelFormShape,
  ChannelFormField,
  Unit,
} from '../../../ui/api-types.ts';
import { ApiError, api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField, TextField } from '../../../ui/components/field.tsx';
import { UnitPicker } from '../../../ui/components/unit-picker.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { channelKey } from '../../../ui/labels.ts';
import { checkFields, configToSend, fieldKeys, serverFieldProblems, type FieldProblem } from './channel-model.ts';

/** Where the form starts: a new account (channel chosen in the form) or a reconnection of a listed one. */
export type ChannelFormStart = { channel?: string; unitCode?: string; name?: string; accountId?: string };

type Props = {
  forms: readonly ChannelFormShape[];
  /** Units the staff member may connect accounts to. */
  units: readonly Unit[];
  start: ChannelFormStart;
  onSaved: (result: ChannelAccountCreated) => void;
  onCancel: () => void;
};

/**
 * The settings form of a channel, generated from the fields the server derives from the adapter's config schema.
 * Labels and help texts come from the catalogues (`channelField.<channel>.<field>`); secrets are password inputs
 * that start empty; required/pattern checks run here first, and the server's field errors are shown beside fields.
 */
export function ChannelForm({ forms, units, start, onSaved, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isReconnect = Boolean(start.accountId);
  const [channel, setChannel] = useState(start.channel ?? forms[0]?.channel ?? '');
  const [unitCode, setUnitCode] = useState<string | null>(
    start.unitCode && units.some((u) => u.code === start.unitCode) ? start.unitCode : null,
  );
  const [name, setName] = useState(start.name ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [isSubmitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<Record<string, FieldProblem>>({});
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const fields = forms.find((f) => f.channel === channel)?.fields ?? [];
  const clientProblems = checkFields(fields, values);
  const problems: Record<string, FieldProblem> = isSubmitted ? { ...serverProblems, ...clientProblems } : serverProblems;
  const unitMissing = isSubmitted && !unitCode;
  const problemCount = Object.keys(problems).length + (unitMissing ? 1 : 0);
  const fieldId = (field: string) => `${id}-${field}`;
  const channelLabel = (value: string) => {
    const key = channelKey(value);
    return key ? t(key) : value;
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const change = (field: string, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setServerProblems(({ [field]: _dropped, ...rest }) => rest);
  };

  const focusFirstProblem = (found: Record<string, FieldProblem>, isUnitMissing: boolean) => {
    // The unit picker makes its own input id: reach its input through the wrapper.
    const target = isUnitMissing
      ? document.getElementById(fieldId('unit'))?.querySelector('input')
      : document.getElementById(fieldId(fields.find((f) => found[f.name])?.name ?? ''));
    if (target) requestAnimationFrame(() => target.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!unitCode || Object.keys(clientProblems).length > 0) {
      focusFirstProblem(clientProblems, !unitCode);
      return;
    }
    const body: ChannelAccountCreate = {
      channel,
      unitCode,
      config: configToSend(fields, values),
      ...(name.trim() ? { name: name.trim() } : {}),
    };
    setBusy(true);
    try {
      onSaved(await api.post<ChannelAccountCreated>('/api/staff/channels', body));
    } catch (saveError) {
      const fromServer =
        saveError instanceof ApiError && saveError.code === 'CHANNEL_CONFIG_INVALID'
          ? serverFieldProblems(saveError.details, values)
          : {};
      setServerProblems(fromServer);
      if (Object.keys(fromServer).length > 0) focusFirstProblem(fromServer, false);
      else setError(saveError);
    } finally {
      setBusy(false);
    }
  };

  const titleId = `${id}-title`;
  return (
    <section className="panel channel-form" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {isReconnect
          ? t('channels.form.reconnectTitle', { channel: channelLabel(channel), account: start.accountId ?? '' })
          : t('channels.form.title')}
      </h2>
      <p className="muted">{isReconnect ? t('channels.form.reconnectIntro') : t('channels.form.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)} data-testid="channel-form">
        <div className="form-grid">
          <SelectField
            label={t('channels.form.channel')}
            value={channel}
            disabled={isReconnect}
            required
            onChange={(e) => setChannel(e.target.value)}
          >
            {forms.map((form) => (
              <option key={form.channel} value={form.channel}>
                {channelLabel(form.channel)}
              </option>
            ))}
          </SelectField>
          <div id={fieldId('unit')}>
            <UnitPicker
              units={units}
              value={unitCode}
              onChange={setUnitCode}
              label={t('channels.form.unit')}
              hint={t('channels.form.unitHint')}
              error={unitMissing ? t('channels.field.required') : undefined}
              required
            />
          </div>
          <TextField
            label={t('channels.form.name')}
            hint={t('channels.form.nameHint')}
            optional
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <fieldset className="form-grid-fieldset">
          <legend>{t('channels.form.credentials', { channel: channelLabel(channel) })}</legend>
          <div className="form-grid">
            {fields.map((field) => (
              <ConfigField
                key={`${channel}.${field.name}`}
                id={fieldId(field.name)}
                channel={channel}
                field={field}
                value={values[field.name] ?? ''}
                problem={problems[field.name]}
                onChange={(v) => change(field.name, v)}
              />
            ))}
          </div>
        </fieldset>
        {isSubmitted && problemCount > 0 && (
          <p className="alert alert-error" role="alert">
            {t('channels.form.fix', { n: problemCount })}
          </p>
        )}
        <ErrorMessage error={error} />
        <div className="row form-actions">
          <Button type="submit" busy={isBusy}>
            {isBusy ? t('channels.form.saving') : t('channels.form.submit')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ConfigField({
  id,
  channel,
  field,
  value,
  problem,
  onChange,
}: {
  id: string;
  channel: string;
  field: ChannelFormField;
  value: string;
  problem: FieldProblem | undefined;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const keys = fieldKeys(channel, field.name);
  const hints = [
    keys.hint ? t(keys.hint) : null,
    field.default !== null ? t('channels.form.default', { value: field.default }) : null,
  ]
    .filter(Boolean)
    .join(' ');
  const label = (
    <>
      {keys.label ? t(keys.label) : field.name}
      {field.secret && <span className="field-secret"> · {t('channels.form.secret')}</span>}
    </>
  );
  return (
    <TextField
      id={id}
      name={field.name}
      label={label}
      hint={hints || undefined}
      error={problem ? t(`channels.field.${problem}`) : undefined}
      required={field.required}
      optional={!field.required}
      type={field.secret ? 'password' : 'text'}
      // Secrets are never filled by the browser with the staff member's own saved password.
      autoComplete={field.secret ? 'new-password' : 'off'}
      autoCapitalize="off"
      spellCheck={false}
      inputMode={field.pattern === '^\\d+$' ? 'numeric' : undefined}
      maxLength={field.maxLength ?? 4000}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={field.secret ? 'input input-mono' : 'input'}
    />
  );
}
