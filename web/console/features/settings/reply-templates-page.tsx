import { useRef, useState } from 'react';
import type { ReplyTemplate, ReplyTemplateInput, ReplyTemplateList } from '../../../../contracts/api.ts';
import { LOCALES, type Locale, type ReplyTemplateVariable } from '../../../../contracts/enums.ts';
import { ApiError, api, queryString } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField, TextArea, TextField } from '../../../ui/components/field.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { TEXT_MAX } from '../../../ui/limits.ts';
import { useAsync } from '../../../ui/use-async.ts';
import { useUser } from '../auth/session.tsx';

type Draft = ReplyTemplateInput & { id: string | null };
const EMPTY: Draft = { id: null, locale: 'vi', title: '', body: '' };

/**
 * The unit's reply templates (and those inherited from above, read-only): administrators add, edit and delete
 * them; variables are inserted at the cursor. The city's administrators write the city-wide ones.
 */
export function ReplyTemplatesPage() {
  const t = useT();
  const user = useUser();
  const canEdit = user.role === 'unit_admin' || user.role === 'city_admin';
  const list = useAsync(() => api.get<ReplyTemplateList>(`/api/staff/reply-templates${queryString({ unitCode: user.unit.code })}`), [user.unit.code]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setDraft(null);
      list.reload();
    } catch (actionError) {
      setError(actionError);
    } finally {
      setBusy(false);
    }
  };
  const save = (d: Draft) => {
    const input: ReplyTemplateInput = { locale: d.locale, title: d.title.trim(), body: d.body.trim() };
    return run(() => (d.id ? api.put(`/api/staff/reply-templates/${d.id}`, input) : api.post('/api/staff/reply-templates', { ...input, unitCode: user.unit.code })));
  };
  const remove = (item: ReplyTemplate) => {
    if (window.confirm(t('replyTemplates.confirmDelete', { title: item.title }))) void run(() => api.delete(`/api/staff/reply-templates/${item.id}`));
  };
  const insert = (variable: string) => {
    if (!draft) return;
    const token = `{${variable}}`;
    const area = bodyRef.current;
    const start = area?.selectionStart ?? draft.body.length;
    const end = area?.selectionEnd ?? draft.body.length;
    setDraft({ ...draft, body: draft.body.slice(0, start) + token + draft.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const unknown = error instanceof ApiError && error.code === 'TEMPLATE_VARIABLE_UNKNOWN' ? ((error.details as { unknown?: string[] } | undefined)?.unknown ?? []) : [];

  return (
    <section className="panel" aria-labelledby="reply-templates-title">
      <div className="row">
        <h1 id="reply-templates-title" style={{ margin: 0 }}>
          {t('replyTemplates.title')}
        </h1>
        <span className="spacer" />
        {canEdit && !draft && <Button onClick={() => setDraft(EMPTY)}>{t('replyTemplates.add')}</Button>}
      </div>
      <p className="muted">{t(user.role === 'city_admin' ? 'replyTemplates.introCity' : 'replyTemplates.intro', { unit: user.unit.name })}</p>
      <ErrorMessage error={list.error} />
      {draft && (
        <form
          className="stack panel"
          data-testid="reply-template-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft);
          }}
        >
          <h2>{draft.id ? t('replyTemplates.edit') : t('replyTemplates.add')}</h2>
          <TextField label={t('replyTemplates.name')} required maxLength={120} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          <SelectField label={t('replyTemplates.locale')} value={draft.locale} onChange={(e) => setDraft({ ...draft, locale: e.target.value as Locale })}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`locale.${l}`)}
              </option>
            ))}
          </SelectField>
          <TextArea ref={bodyRef} label={t('replyTemplates.body')} required lang={draft.locale} rows={8} maxLength={TEXT_MAX} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
          <div>
            <p className="field-label">{t('settings.variables')}</p>
            <div className="variables">
              {(list.data?.variables ?? []).map((variable) => (
                <Button key={variable} variant="secondary" size="small" onClick={() => insert(variable)} title={t(`replyTemplates.var.${variable as ReplyTemplateVariable}`)}>
                  <code>{`{${variable}}`}</code>
                </Button>
              ))}
            </div>
          </div>
          <ErrorMessage error={error} />
          {unknown.length > 0 && <p className="field-error">{t('replyTemplates.unknown', { names: unknown.map((n) => `{${n}}`).join(', ') })}</p>}
          <div className="row">
            <Button type="submit" busy={isBusy} disabled={!draft.title.trim() || !draft.body.trim()}>
              {t('common.save')}
            </Button>
            <Button variant="ghost" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
      {!draft && <ErrorMessage error={error} />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('replyTemplates.empty')}</p>}
      <ul className="template-list" data-testid="reply-templates">
        {list.data?.items.map((item) => (
          <li key={item.id}>
            <div className="row">
              <strong>{item.title}</strong>
              <span className="badge" lang={item.locale}>
                {item.locale.toUpperCase()}
              </span>
              {item.isInherited && <span className="muted">{t('replyTemplates.inherited', { unit: item.unitName })}</span>}
              <span className="spacer" />
              {canEdit && !item.isInherited && (
                <>
                  <Button variant="secondary" size="small" onClick={() => setDraft({ id: item.id, locale: item.locale, title: item.title, body: item.body })}>
                    {t('replyTemplates.edit')}
                  </Button>
                  <Button variant="danger" size="small" onClick={() => remove(item)}>
                    {t('common.remove')}
                  </Button>
                </>
              )}
            </div>
            <pre className="template-body" lang={item.locale}>
              {item.body}
            </pre>
          </li>
        ))}
      </ul>
    </section>
  );
}

