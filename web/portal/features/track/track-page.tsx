import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PublicCaseView } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { StatusBadge } from '../../../ui/components/badges.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextField } from '../../../ui/components/field.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { navigate } from '../../../ui/router.tsx';
import { normalizeTrackingCode, trackingPath } from '../../../ui/tracking-code.ts';
import { useAsync } from '../../../ui/use-async.ts';
import { AfterResolution } from './after-resolution.tsx';
import { TrackVisit } from './track-visit.tsx';

/** Page 2 of the portal: a code form, and for /track/<code> the public view of that case. */
export function TrackPage({ code }: { code: string | null }) {
  const { t } = useI18n();
  const [input, setInput] = useState(code ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeTrackingCode(input);
    if (normalized) navigate(trackingPath(normalized));
  };

  return (
    <>
      <form className="card" onSubmit={submit} role="search">
        <h1>{t('track.title')}</h1>
        {!code && <p className="muted">{t('track.intro')}</p>}
        <div className="row" style={{ alignItems: 'end' }}>
          <div style={{ flex: 1, minWidth: '12rem' }}>
            <TextField
              label={t('track.codeLabel')}
              hint={t('track.codeHint')}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              value={input}
              onChange={(event) => setInput(event.target.value)}
            />
          </div>
          <Button type="submit">{t('track.submit')}</Button>
        </div>
      </form>
      {code && <CaseView code={code} />}
    </>
  );
}

function CaseView({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const view = useAsync(() => api.get<PublicCaseView>(`/api/public/cases/${encodeURIComponent(code)}`), [code]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const data = view.data;

  useEffect(() => {
    if (data) headingRef.current?.focus();
  }, [data]);

  if (view.isLoading && !data) {
    return (
      <p className="card" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (view.error && !data) {
    return (
      <div className="card">
        <ErrorMessage error={view.error} />
      </div>
    );
  }
  if (!data) return null;

  return (
    <section className="card" aria-labelledby="case-code">
      <h2 id="case-code" ref={headingRef} tabIndex={-1} className="code-cell">
        {data.trackingCode}
      </h2>
      {data.mergedInto && (
        <p className="notice notice-warn" data-testid="track-merged">
          {t('track.mergedInto', { code: data.mergedInto })}
        </p>
      )}
      <dl className="facts">
        <dt>{t('track.status')}</dt>
        <dd>
          <StatusBadge status={data.status} />
        </dd>
        <dt>{t('track.type')}</dt>
        <dd>{t(`type.${data.type}`)}</dd>
        <dt>{t('track.unit')}</dt>
        <dd>{data.unit.name}</dd>
        <dt>{t('track.createdAt')}</dt>
        <dd>{formatDate(data.createdAt, locale)}</dd>
        <dt>{t('track.updatedAt')}</dt>
        <dd>{formatDateTime(data.updatedAt, locale)}</dd>
      </dl>
      <TrackVisit view={data} code={data.trackingCode} onDone={view.reload} />
      <h3>{t('track.replies')}</h3>
      {data.replies.length === 0 ? (
        <p className="muted">{t('track.noReplies')}</p>
      ) : (
        <ol className="replies">
          {data.replies.map((reply, index) => (
            <li key={`${reply.createdAt}-${index}`} className={reply.kind === 'acknowledgement' ? 'reply reply-ack' : 'reply'}>
              <div className="reply-meta">
                {t(`replyKind.${reply.kind}`)} · <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt, locale)}</time>
              </div>
              <p className="reply-body">{reply.body}</p>
            </li>
          ))}
        </ol>
      )}
      {data && <AfterResolution view={data} code={data.trackingCode} onDone={view.reload} />}
      <div className="row" style={{ marginTop: '1rem' }}>
        <Button variant="secondary" size="small" onClick={view.reload} busy={view.isLoading}>
          {t('track.refresh')}
        </Button>
        <span className="muted">{t('track.privacy')}</span>
      </div>
      {view.error ? <ErrorMessage error={view.error} /> : null}
    </section>
  );
}
