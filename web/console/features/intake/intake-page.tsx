import { useState, type FormEvent } from 'react';
import { CASE_TYPES, type CaseType, type IntakeMethod } from '../../../../contracts/enums.ts';
import type { StaffCaseCreateInput, Unit } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField, TextArea, TextField } from '../../../ui/components/field.tsx';
import { UnitPicker } from '../../../ui/components/unit-picker.tsx';
import { checkContact, toContact, type ContactInput } from '../../../ui/contact-check.ts';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { TEXT_MAX } from '../../../ui/limits.ts';
import { Link } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { paths } from '../../routes.ts';
import { useUser } from '../auth/session.tsx';

const METHODS: Exclude<IntakeMethod, 'channel' | 'portal'>[] = ['phone', 'counter', 'email', 'letter'];
const EMPTY_CONTACT: ContactInput = { name: '', phone: '', email: '' };

/** "Tiếp nhận trực tiếp": record a phone call or counter visit, then read the tracking code to the caller. */
export function IntakePage() {
  const t = useT();
  const user = useUser();
  const units = useAsync(() => api.get<Unit[]>('/api/public/units'), []);
  const [method, setMethod] = useState<(typeof METHODS)[number]>('phone');
  const [type, setType] = useState<CaseType>('phan_anh');
  const [unitCode, setUnitCode] = useState<string | null>(user.unit.code);
  const [text, setText] = useState('');
  const [contact, setContact] = useState<ContactInput>(EMPTY_CONTACT);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ id: string; trackingCode: string } | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const contactErrors = checkContact(contact);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (!text.trim() || !unitCode || contactErrors.phone || contactErrors.email) return;
    const body: StaffCaseCreateInput = { text: text.trim(), type, unitCode, intakeMethod: method, citizen: toContact(contact) ?? {} };
    setBusy(true);
    setError(null);
    try {
      setCreated(await api.post<{ id: string; trackingCode: string }>('/api/staff/cases', body));
    } catch (createError) {
      setError(createError);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <section className="panel narrow" aria-labelledby="created-title">
        <h1 id="created-title">{t('intake.created')}</h1>
        <p>{t('intake.readCode')}</p>
        <p className="code-big" data-testid="intake-code">
          {created.trackingCode}
        </p>
        <div className="row">
          <Link href={paths.case(created.id)} className="btn btn-primary">
            {t('intake.openCase')}
          </Link>
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(null);
              setText('');
              setContact(EMPTY_CONTACT);
              setShowErrors(false);
            }}
          >
            {t('intake.another')}
          </Button>
        </div>
      </section>
    );
  }

  const setContactField = (field: keyof ContactInput, value: string) => setContact((c) => ({ ...c, [field]: value }));
  return (
    <form className="panel narrow" onSubmit={(event) => void submit(event)} noValidate>
      <h1>{t('intake.title')}</h1>
      <p className="muted">{t('intake.intro')}</p>
      <div className="row" style={{ alignItems: 'start' }}>
        <SelectField label={t('intake.method')} value={method} onChange={(e) => setMethod(e.target.value as (typeof METHODS)[number])}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`intake.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('intake.type')} value={type} onChange={(e) => setType(e.target.value as CaseType)}>
          {CASE_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`type.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div style={{ marginTop: '1rem' }}>
        <UnitPicker
          units={units.data ?? []}
          value={unitCode}
          onChange={setUnitCode}
          label={t('intake.unit')}
          placeholder={t('intake.unitPlaceholder')}
          required
          error={showErrors && !unitCode ? t('error.UNIT_NOT_FOUND') : undefined}
          key={units.data ? 'loaded' : 'loading'}
        />
      </div>
      <ErrorMessage error={units.error} />
      <div style={{ marginTop: '1rem' }}>
        <TextArea
          label={t('intake.text')}
          hint={t('common.charCount', { n: text.length, max: TEXT_MAX })}
          required
          rows={6}
          maxLength={TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={showErrors && !text.trim() ? t('error.TEXT_REQUIRED') : undefined}
        />
      </div>
      <fieldset style={{ marginTop: '1rem' }}>
        <legend>{t('intake.citizen')}</legend>
        <div className="row" style={{ alignItems: 'start' }}>
          <TextField label={t('portal.contact.name')} optional value={contact.name} maxLength={120} onChange={(e) => setContactField('name', e.target.value)} />
          <TextField
            label={t('portal.contact.phone')}
            optional
            type="tel"
            value={contact.phone}
            maxLength={20}
            onChange={(e) => setContactField('phone', e.target.value)}
            error={showErrors && contactErrors.phone ? t(contactErrors.phone) : undefined}
          />
          <TextField
            label={t('portal.contact.email')}
            optional
            type="email"
            value={contact.email}
            maxLength={200}
            onChange={(e) => setContactField('email', e.target.value)}
            error={showErrors && contactErrors.email ? t(contactErrors.email) : undefined}
          />
        </div>
      </fieldset>
      <div className="stack" style={{ marginTop: '1rem' }}>
        <ErrorMessage error={error} />
        <div>
          <Button type="submit" busy={isBusy}>
            {isBusy ? t('intake.submitting') : t('intake.submit')}
          </Button>
        </div>
      </div>
    </form>
  );
}
