import { useState, type FormEvent } from 'react';
import type { CaseTransfers } from '../../../../contracts/api.ts';
import { api } from '../../../ui/api.ts';
import type { Unit } from '../../../ui/api-types.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextArea } from '../../../ui/components/field.tsx';
import { UnitPicker } from '../../../ui/components/unit-picker.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { useAsync } from '../../../ui/use-async.ts';

/**
 * "Chuyển đơn vị": the lead unit and coordinating units of a case, a pending transfer with accept/return for the
 * receiving unit, the request form for the lead unit, and every hop so far.
 */
export function TransferPanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const data = useAsync(() => api.get<CaseTransfers>(`/api/staff/cases/${caseId}/transfers`), [caseId]);
  const units = useAsync(() => api.get<Unit[]>('/api/public/units'), []);
  const [target, setTarget] = useState<string | null>(null);
  const [coordinating, setCoordinating] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [returnReason, setReturnReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const run = async (action: () => Promise<unknown>, doneText = '') => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setDone(doneText);
      data.reload();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const base = `/api/staff/cases/${caseId}`;
  const d = data.data;
  if (!d) return null;
  const pending = d.transfers.find((x) => x.status === 'pending');

  const request = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    void run(() => api.post(`${base}/transfers`, { unitCode: target, reason }), t('transfer.requested')).then(() => setReason(''));
  };
  const giveBack = (event: FormEvent) => {
    event.preventDefault();
    if (pending) void run(() => api.post(`${base}/transfers/${pending.id}/return`, { reason: returnReason }));
  };

  return (
    <section className="panel" aria-labelledby="transfer-title" data-testid="transfer-panel">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      <dl className="facts-dense">
        <dt>{t('transfer.lead')}</dt>
        <dd>{d.lead.name}</dd>
        <dt>{t('transfer.coordinating')}</dt>
        <dd>
          {d.coordinatingUnits.length === 0 ? (
            <span className="muted">{t('transfer.noCoordinating')}</span>
          ) : (
            d.coordinatingUnits.map((u) => (
              <span key={u.code} className="row">
                {u.name}
                {d.canTransfer && (
                  <Button variant="ghost" size="small" disabled={busy} onClick={() => void run(() => api.post(`${base}/coordinating-units/${encodeURIComponent(u.code)}/remove`))}>
                    {t('transfer.remove', { unit: u.name })}
                  </Button>
                )}
              </span>
            ))
          )}
        </dd>
      </dl>

      {pending && (
        <div className="stack" data-testid="transfer-pending" style={{ marginTop: '0.6rem' }}>
          <p>
            <strong>{t('transfer.pendingFrom', { from: pending.from.name, to: pending.to.name })}</strong>
            <br />
            <span className="muted">
              {pending.requestedBy} · {formatDateTime(pending.requestedAt, locale)} — {pending.reason}
            </span>
          </p>
          {pending.canDecide ? (
            <form onSubmit={giveBack} className="stack">
              <Button variant="primary" busy={busy} onClick={() => void run(() => api.post(`${base}/transfers/${pending.id}/accept`))}>
                {t('transfer.accept')}
              </Button>
              <TextArea label={t('transfer.returnReason')} value={returnReason} onChange={(e) => setReturnReason(e.target.value)} rows={2} required />
              <Button type="submit" variant="secondary" busy={busy} disabled={!returnReason.trim()}>
                {t('transfer.return')}
              </Button>
            </form>
          ) : (
            <p className="muted">{t('transfer.pendingWaiting', { to: pending.to.name })}</p>
          )}
        </div>
      )}

      {d.canTransfer && !pending && (
        <form onSubmit={request} className="stack" style={{ marginTop: '0.6rem' }}>
          <UnitPicker key={units.data ? 'loaded' : 'loading'} units={units.data ?? []} value={target} onChange={setTarget} label={t('transfer.to')} required />
          <TextArea label={t('transfer.reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
          <Button type="submit" variant="secondary" busy={busy} disabled={!target || !reason.trim()}>
            {t('transfer.request')}
          </Button>
        </form>
      )}
      {d.canTransfer && (
        <div className="stack" style={{ marginTop: '0.6rem' }}>
          <UnitPicker key={`c-${units.data ? 'loaded' : 'loading'}-${d.coordinatingUnits.length}`} units={units.data ?? []} value={coordinating} onChange={setCoordinating} label={t('transfer.addCoordinating')} optional />
          <Button
            variant="ghost"
            size="small"
            disabled={!coordinating || busy}
            onClick={() => coordinating && void run(() => api.post(`${base}/coordinating-units`, { unitCode: coordinating })).then(() => setCoordinating(null))}
          >
            {t('transfer.add')}
          </Button>
        </div>
      )}
      <p role="status" className="muted">
        {done}
      </p>
      <ErrorMessage error={error} />

      {d.transfers.length > 0 && (
        <>
          <h3 style={{ marginTop: '0.6rem' }}>{t('transfer.history')}</h3>
          <ol className="transfer-history" data-testid="transfer-history">
            {d.transfers.map((x) => (
              <li key={x.id}>
                {t('transfer.hop', { from: x.from.name, to: x.to.name })} · <strong>{t(`transfer.status.${x.status}`)}</strong> · {formatDateTime(x.decidedAt ?? x.requestedAt, locale)}
                {x.returnReason && <span className="muted"> — {x.returnReason}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
