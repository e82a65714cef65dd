import { useState } from 'react';
import type { PublicCaseView } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { formatSlot } from '../../../ui/visit-format.ts';

/** A home visit on the tracking page: while offered, one button per slot; then the confirmed slot and its progress. */
export function TrackVisit({ view, code, onDone }: { view: PublicCaseView; code: string; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const visit = view.visit;
  if (!visit) return null;
  const confirmed = visit.slots.find((s) => s.number === visit.confirmedSlot);
  const choose = async (slot: number) => {
    setBusy(slot);
    setError(null);
    try {
      await api.post(`/api/public/cases/${encodeURIComponent(code)}/visit/confirm`, { slot });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="track-visit" data-testid="track-visit">
      <h3>{t('track.visit.title')}</h3>
      <p>{t('track.visit.procedure', { procedure: visit.procedure })}</p>
      {visit.canConfirm ? (
        <>
          <p>{t('track.visit.choose')}</p>
          <div className="slot-choices">
            {visit.slots.map((s) => (
              <Button key={s.number} variant="secondary" busy={busy === s.number} disabled={busy !== null} onClick={() => void choose(s.number)}>
                {t('track.visit.chooseSlot', { n: s.number, slot: formatSlot(s, locale) })}
              </Button>
            ))}
          </div>
        </>
      ) : (
        <>
          {confirmed && <p data-testid="track-visit-confirmed">{t('track.visit.confirmed', { slot: formatSlot(confirmed, locale) })}</p>}
          <p>
            <strong>{t('track.visit.state', { state: t(`visit.state.${visit.state}`) })}</strong>
          </p>
        </>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
