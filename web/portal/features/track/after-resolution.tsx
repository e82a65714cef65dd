import { useState, type FormEvent } from 'react';
import type { PublicCaseView } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextArea } from '../../../ui/components/field.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';

/** After resolution: rate the handling (1–5, once) and, within 7 days, say it is not solved to reopen the case. */
export function AfterResolution({ view, code, onDone }: { view: PublicCaseView; code: string; onDone: () => void }) {
  const t = useT();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'rate' | 'reopen' | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!view.canRate && !view.canReopen && view.rating === null) return null;
  const send = async (kind: 'rate' | 'reopen', event: FormEvent) => {
    event.preventDefault();
    setBusy(kind);
    setError(null);
    try {
      const base = `/api/public/cases/${encodeURIComponent(code)}`;
      if (kind === 'rate') await api.post(`${base}/rating`, comment.trim() ? { score, comment: comment.trim() } : { score });
      else await api.post(`${base}/reopen`, { reason: reason.trim() });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="after-resolution" data-testid="after-resolution">
      {view.rating !== null && <p>{t('track.rated', { score: String(view.rating) })}</p>}
      {view.canRate && (
        <form onSubmit={(e) => void send('rate', e)}>
          <fieldset className="stars">
            <legend>{t('track.rateTitle')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={n <= score ? 'star on' : 'star'}>
                <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
                <span aria-hidden="true">★</span>
                <span className="sr-only">{t('track.stars', { n: String(n) })}</span>
              </label>
            ))}
          </fieldset>
          <TextArea label={t('track.rateComment')} optional rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          <Button type="submit" disabled={score === 0} busy={busy === 'rate'}>
            {t('track.rateSubmit')}
          </Button>
        </form>
      )}
      {view.canReopen && (
        <form onSubmit={(e) => void send('reopen', e)} style={{ marginTop: '0.75rem' }}>
          <TextArea label={t('track.reopenReason')} hint={t('track.reopenHint')} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button type="submit" variant="secondary" disabled={reason.trim().length < 3} busy={busy === 'reopen'}>
            {t('track.reopenSubmit')}
          </Button>
        </form>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
