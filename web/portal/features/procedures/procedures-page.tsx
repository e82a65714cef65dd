import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ProcedureDetail, ProcedureSummary } from '../../../../contracts/api.ts';
import { api, queryString } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextField } from '../../../ui/components/field.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { Link, navigate } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';

/** `/thu-tuc` (search, `?q=`) and `/thu-tuc/<code>` (one procedure). */
export function ProceduresPage({ code, query }: { code: string | null; query: string }) {
  return code ? <ProcedureView code={code} /> : <ProcedureSearch query={query} />;
}

export function proceduresPath(q = ''): string {
  return `/thu-tuc${queryString({ q: q.trim() })}`;
}

function ProcedureSearch({ query }: { query: string }) {
  const t = useT();
  const [input, setInput] = useState(query);
  const results = useAsync(() => api.get<ProcedureSummary[]>(`/api/public/procedures${queryString({ q: query })}`), [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(proceduresPath(input), { replace: true });
  };

  return (
    <>
      <form className="card" onSubmit={submit} role="search">
        <h1>{t('procedures.title')}</h1>
        <p className="muted">{t('procedures.intro')}</p>
        <div className="row" style={{ alignItems: 'end' }}>
          <div style={{ flex: 1, minWidth: '12rem' }}>
            <TextField label={t('procedures.searchLabel')} type="search" autoComplete="off" value={input} onChange={(event) => setInput(event.target.value)} />
          </div>
          <Button type="submit">{t('procedures.submit')}</Button>
        </div>
      </form>
      <section className="card" style={{ marginTop: '1rem' }} aria-live="polite" aria-busy={results.isLoading}>
        {results.error ? <ErrorMessage error={results.error} /> : null}
        {results.isLoading && !results.data ? <p role="status">{t('common.loading')}</p> : null}
        {results.data ? (
          <>
            <h2 style={{ marginTop: 0 }}>{query ? t('procedures.resultsCount', { n: results.data.length }) : t('procedures.allTitle')}</h2>
            {results.data.length === 0 ? (
              <p>
                {t('procedures.noResults')} <Link href="/">{t('procedures.ask')}</Link>
              </p>
            ) : (
              <ol className="procedure-list" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.75rem' }}>
                {results.data.map((p) => (
                  <li key={p.code} style={{ borderTop: '1px solid #e3e6ea', paddingTop: '0.6rem' }}>
                    <Link href={`/thu-tuc/${p.code}`} style={{ fontWeight: 700 }}>
                      {p.shortName}
                    </Link>
                    <div className="muted" style={{ fontSize: '0.9rem' }}>
                      {p.field} · {p.code}
                      {timeLabel(p.processingTime?.working_days, t) ? ` · ${timeLabel(p.processingTime?.working_days, t)}` : ''}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </>
        ) : null}
      </section>
    </>
  );
}

function timeLabel(days: number | null | undefined, t: ReturnType<typeof useT>): string {
  if (days === 0) return t('procedures.sameDay');
  return typeof days === 'number' ? t('procedures.workingDays', { n: days }) : '';
}

function ProcedureView({ code }: { code: string }) {
  const t = useT();
  const view = useAsync(() => api.get<ProcedureDetail>(`/api/public/procedures/${encodeURIComponent(code)}`), [code]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const p = view.data;
  useEffect(() => {
    if (p) headingRef.current?.focus();
  }, [p]);

  if (view.error) {
    return (
      <div className="card">
        <ErrorMessage error={view.error} />
        <Link href="/thu-tuc">{t('procedures.back')}</Link>
      </div>
    );
  }
  if (!p) return <p className="card" role="status">{t('common.loading')}</p>;
  const flagged = Object.values(p.needsCheck).some(Boolean) && p.hasDetails;

  return (
    <article className="card">
      <Link href="/thu-tuc">← {t('procedures.back')}</Link>
      <h1 ref={headingRef} tabIndex={-1} style={{ marginBottom: '0.25rem' }}>
        {p.shortName}
      </h1>
      <p className="muted" style={{ marginTop: 0 }}>
        {p.name}
      </p>
      <dl className="facts">
        <dt>{t('procedures.code')}</dt>
        <dd>{p.code}</dd>
        <dt>{t('procedures.field')}</dt>
        <dd>{p.field}</dd>
      </dl>
      {!p.hasDetails ? <p className="alert alert-info">{t('procedures.noDetails')}</p> : null}
      {flagged ? <p className="alert alert-info">{t('procedures.needsCheckHint')}</p> : null}
      {p.hasDetails ? (
        <>
          <Section title={t('procedures.documents')} needsCheck={p.needsCheck.documents}>
            <ol style={{ paddingLeft: '1.25rem', margin: 0 }}>
              {p.documents.map((d) => (
                <li key={d} style={{ marginBottom: '0.35rem' }}>
                  {d}
                </li>
              ))}
            </ol>
          </Section>
          <Section title={t('procedures.fees')} needsCheck={p.needsCheck.fees}>
            {p.fees.map((f) => (
              <p key={f.text} style={{ margin: '0 0 0.35rem' }}>
                {f.text}
              </p>
            ))}
          </Section>
          <Section title={t('procedures.processingTime')} needsCheck={p.needsCheck.processingTime}>
            <p style={{ margin: 0 }}>{p.processingTime?.text}</p>
          </Section>
          <Section title={t('procedures.agency')}>
            <p style={{ margin: 0 }}>{p.agency}</p>
          </Section>
          {p.result ? (
            <Section title={t('procedures.result')}>
              <p style={{ margin: 0 }}>{p.result}</p>
            </Section>
          ) : null}
          <Section title={t('procedures.legalBasis')} needsCheck={p.needsCheck.legalBasis}>
            <ul style={{ paddingLeft: '1.25rem', margin: 0 }}>
              {p.legalBasis.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </Section>
          {p.notes.length > 0 ? (
            <Section title={t('procedures.notes')}>
              <ul style={{ paddingLeft: '1.25rem', margin: 0 }}>
                {p.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </Section>
          ) : null}
        </>
      ) : null}
      <p style={{ marginBottom: 0 }}>
        <Link href="/">{t('procedures.ask')}</Link>
      </p>
    </article>
  );
}

function Section({ title, needsCheck = false, children }: { title: string; needsCheck?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <section style={{ marginTop: '1rem' }}>
      <h2 style={{ fontSize: '1.05rem', margin: '0 0 0.4rem' }}>
        {title}{' '}
        {needsCheck ? (
          <span className="badge" style={{ color: 'var(--c-warn)', background: 'var(--c-warn-soft)', marginLeft: '0.35rem' }}>
            {t('procedures.needsCheck')}
          </span>
        ) : null}
      </h2>
      {children}
    </section>
  );
}
