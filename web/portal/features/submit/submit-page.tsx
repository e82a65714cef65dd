import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { PublicCaseCreate } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextArea, TextField } from '../../../ui/components/field.tsx';
import { UnitPicker } from '../../../ui/components/unit-picker.tsx';
import { checkContact, toContact, type ContactInput } from '../../../ui/contact-check.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { TEXT_MAX } from '../../../ui/limits.ts';
import { LocationPicker, type Point } from './location-picker.tsx';
import { PhotoPicker, type Photo } from './photo-picker.tsx';
import { SuccessView } from './success-view.tsx';
import { useWards } from './use-units.ts';

/** Page 1 of the portal: "Gửi phản ánh, kiến nghị". */
export function SubmitPage() {
  const { t, locale } = useI18n();
  const wards = useWards();
  const [text, setText] = useState('');
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [location, setLocation] = useState<Point | null>(null);
  const [contact, setContact] = useState<ContactInput>({ name: '', phone: '', email: '' });
  const [isUploading, setUploading] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [trackingCode, setTrackingCode] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const onBusyChange = useCallback((isBusy: boolean) => setUploading(isBusy), []);

  const contactErrors = checkContact(contact);
  const isTextMissing = text.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (isTextMissing) {
      textRef.current?.focus();
      return;
    }
    if (contactErrors.phone || contactErrors.email) return;
    const body: PublicCaseCreate = {
      text: text.trim(),
      unitCode: unitCode ?? undefined,
      location: location ?? undefined,
      contact: toContact(contact),
      attachments: photos.length > 0 ? photos.map((photo) => photo.token) : undefined,
      locale,
    };
    setSubmitting(true);
    setError(null);
    try {
      const created = await api.post<{ trackingCode: string }>('/api/public/cases', body);
      setTrackingCode(created.trackingCode);
    } catch (submitError) {
      setError(submitError);
    } finally {
      setSubmitting(false);
    }
  };

  const reset = () => {
    setText('');
    setUnitCode(null);
    setPhotos([]);
    setLocation(null);
    setContact({ name: '', phone: '', email: '' });
    setShowErrors(false);
    setTrackingCode(null);
  };

  if (trackingCode) return <SuccessView code={trackingCode} onAnother={reset} />;

  const setContactField = (field: keyof ContactInput) => (value: string) => setContact((c) => ({ ...c, [field]: value }));
  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate>
      <h1>{t('portal.title')}</h1>
      <p className="muted">{t('portal.intro')}</p>
      <p className="field-hint">{t('transparency.publicNote')}</p>
      <div className="stack">
        <TextArea
          ref={textRef}
          label={t('portal.text.label')}
          hint={`${t('portal.text.hint')} ${t('common.charCount', { n: text.length, max: TEXT_MAX })}`}
          required
          rows={6}
          maxLength={TEXT_MAX}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={showErrors && isTextMissing ? t('error.TEXT_REQUIRED') : undefined}
        />
        {wards.error ? (
          <ErrorMessage error={wards.error} />
        ) : (
          <UnitPicker
            units={wards.data ?? []}
            value={unitCode}
            onChange={setUnitCode}
            label={t('portal.unit.label')}
            hint={t('portal.unit.hint')}
            placeholder={wards.isLoading ? t('common.loading') : t('portal.unit.placeholder')}
            optional
          />
        )}
        <PhotoPicker photos={photos} onChange={setPhotos} onBusyChange={onBusyChange} />
        <LocationPicker value={location} onChange={setLocation} onUnitFound={setUnitCode} />
        <fieldset>
          <legend>
            {t('portal.contact.legend')} <span className="field-optional">({t('common.optional')})</span>
          </legend>
          <p className="field-hint">{t('portal.contact.note')}</p>
          <TextField label={t('portal.contact.name')} autoComplete="name" maxLength={120} value={contact.name} onChange={(e) => setContactField('name')(e.target.value)} />
          <TextField
            label={t('portal.contact.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            value={contact.phone}
            onChange={(e) => setContactField('phone')(e.target.value)}
            error={showErrors && contactErrors.phone ? t(contactErrors.phone) : undefined}
          />
          <TextField
            label={t('portal.contact.email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            maxLength={200}
            value={contact.email}
            onChange={(e) => setContactField('email')(e.target.value)}
            error={showErrors && contactErrors.email ? t(contactErrors.email) : undefined}
          />
        </fieldset>
        <ErrorMessage error={error} />
        <Button type="submit" className="btn-block" busy={isSubmitting} disabled={isUploading}>
          {isSubmitting ? t('portal.submitting') : t('portal.submit')}
        </Button>
      </div>
    </form>
  );
}
