import { useEffect, useRef, useState } from 'react';
import { LOCALES, type Locale } from '../../../../contracts/enums.ts';
import type { Template, TemplateUpdate } from '../../../ui/api-types.ts';
import { api, queryString } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextArea } from '../../../ui/components/field.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { useUser } from '../auth/session.tsx';

/** Edit the unit's acknowledgement template in each language; variables are inserted at the cursor. */
export function TemplatePage() {
  const t = useT();
  const user = useUser();
  const [locale, setLocale] = useState<Locale>('vi');
  const template = useAsync(
    () => api.get<Template>(`/api/staff/templates/acknowledgement${queryString({ unitCode: user.unit.code, locale })}`),
    [user.unit.code, locale],
  );
  const [body, setBody] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (template.data) setBody(template.data.body);
  }, [template.data]);

  const insert = (variable: string) => {
    const token = `{${variable}}`;
    const area = textRef.current;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const update: TemplateUpdate = { unitCode: user.unit.code, locale, body: body.trim() };
      await api.put<Template>('/api/staff/templates/acknowledgement', update);
      setSaved(true);
      template.reload();
    } catch (saveError) {
      setError(saveError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel narrow" aria-labelledby="template-title">
      <h1 id="template-title">{t('settings.title')}</h1>
      <p className="muted">{t('settings.intro', { unit: user.unit.name })}</p>
      <div className="tabs" role="group" aria-label={t('settings.locale')}>
        {LOCALES.map((value) => (
          <button key={value} type="button" lang={value} aria-pressed={locale === value} onClick={() => setLocale(value)}>
            {t(`locale.${value}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={template.error} />
      {template.data && (
        <div className="stack">
          <p className="alert alert-info">{template.data.isDefault ? t('settings.isDefault') : t('settings.isCustom')}</p>
          <TextArea ref={textRef} label={t('settings.body')} lang={locale} rows={8} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} />
          <div>
            <p className="field-label">{t('settings.variables')}</p>
            <div className="variables">
              {template.data.variables.map((variable) => (
                <Button key={variable} variant="secondary" size="small" onClick={() => insert(variable)}>
                  <code>{`{${variable}}`}</code>
                </Button>
              ))}
            </div>
          </div>
          <ErrorMessage error={error} />
          <div className="row">
            <Button onClick={() => void save()} busy={isBusy} disabled={body.trim().length < 10}>
              {isBusy ? t('common.saving') : t('common.save')}
            </Button>
            <span role="status" className="muted">
              {isSaved ? t('common.saved') : ''}
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
