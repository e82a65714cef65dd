import { useState, type FormEvent } from 'react';
import type { CaseVisits, StaffVisit } from '../../../../contracts/api.ts';
import { api, ApiError } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField, TextArea, TextField } from '../../../ui/components/field.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import type { MessageKey } from '../../../ui/i18n/translate.ts';
import { useAsync } from '../../../ui/use-async.ts';
import { formatElapsed, formatSlot, formatVnd } from '../../../ui/visit-format.ts';

type SlotDraft = { date: string; start: string; minutes: number };
const LENGTHS = [15, 30, 45, 60, 90, 120];
// Vietnam time (UTC+7): what staff type and read.
const vnParts = (d: Date) => {
  const iso = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};
/** A first slot suggestion: the next quarter hour at least 15 minutes from now, 15 minutes long. */
function suggestSlot(): SlotDraft {
  const quarter = 15 * 60_000;
  const start = new Date(Math.ceil((Date.now() + quarter) / quarter) * quarter);
  const { date, time } = vnParts(start);
  return { date, start: time, minutes: 15 };
}
const toSlot = (s: SlotDraft) => {
  const startsAt = new Date(`${s.date}T${s.start}:00+07:00`);
  return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + s.minutes * 60_000).toISOString() };
};

/** "Đến tận nhà": offer slots for a home-service procedure, then dispatch and record each step of the visit. */
export function VisitPanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const data = useAsync(() => api.get<CaseVisits>(`/api/staff/cases/${caseId}/visits`), [caseId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const run = async (action: () => Promise<unknown>, doneText = '') => {
    setBusy(true);
    setError(null);
    setDone('');
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
  const d = data.data;
  if (!d || (!d.canOffer && !d.active && d.past.length === 0)) return null;
  const base = `/api/staff/cases/${caseId}/visits`;
  const problems = error instanceof ApiError && error.code === 'VISIT_SLOT_INVALID' ? ((error.details as { problems?: { slot: number; problem: string }[] } | undefined)?.problems ?? []) : [];

  return (
    <section className="panel" aria-labelledby="visit-title" data-testid="visit-panel">
      <h2 id="visit-title">{t('visit.title')}</h2>
      {d.active ? (
        <ActiveVisit visit={d.active} officers={d.officers} busy={busy} run={run} base={base} fees={d.procedures} />
      ) : (
        d.canOffer && (
          // Open at once when the case is about a procedure done at home (and had no visit yet); otherwise one click away.
          <details className="visit-offer-toggle" open={d.past.length === 0 && d.procedures.some((p) => p.suggested)}>
            <summary>{t('visit.offerOpen')}</summary>
            <OfferForm visits={d} busy={busy} onOffer={(body) => void run(() => api.post(base, body), t('visit.offered'))} />
          </details>
        )
      )}
      <p role="status" className="muted">
        {done}
      </p>
      <ErrorMessage error={error} />
      {problems.length > 0 && (
        <ul className="visit-problems" data-testid="visit-problems">
          {problems.map((p) => (
            <li key={`${p.slot}-${p.problem}`}>{t('visit.problem', { n: p.slot, problem: t(`visit.problem.${p.problem}` as MessageKey) })}</li>
          ))}
        </ul>
      )}
      {d.past.length > 0 && (
        <>
          <h3 style={{ marginTop: '0.6rem' }}>{t('visit.past')}</h3>
          <ol className="transfer-history" data-testid="visit-history">
            {d.past.map((v) => (
              <li key={v.id}>
                {v.procedure.name} · <strong>{t(`visit.state.${v.state}`)}</strong>
                {v.state === 'done' && (
                  <>
                    {' '}
                    · {t('visit.elapsed')}: <strong data-testid="visit-elapsed">{formatElapsed(v.elapsedMs, t)}</strong>
                    {v.feeVnd !== null && <span className="muted"> · {t('visit.receiptShown', { fee: formatVnd(v.feeVnd), receipt: v.receiptNumber ?? '—' })}</span>}
                  </>
                )}
                {v.closeReason && <span className="muted"> — {v.closeReason}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function OfferForm({ visits, busy, onOffer }: { visits: CaseVisits; busy: boolean; onOffer: (body: unknown) => void }) {
  const { t } = useI18n();
  const [procedure, setProcedure] = useState(visits.procedures[0]?.code ?? '');
  const [slots, setSlots] = useState<SlotDraft[]>(() => [suggestSlot()]);
  const [officerId, setOfficerId] = useState('');
  const update = (i: number, patch: Partial<SlotDraft>) => setSlots((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onOffer({ procedureCode: procedure, slots: slots.map(toSlot), ...(officerId ? { officerId } : {}) });
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="visit-offer">
      <p className="muted">{t('visit.intro')}</p>
      <SelectField label={t('visit.procedure')} value={procedure} onChange={(e) => setProcedure(e.target.value)} required>
        {visits.procedures.map((p) => (
          <option key={p.code} value={p.code}>
            {p.suggested ? `${p.name} ${t('visit.suggested')}` : p.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="stack visit-slots">
        <legend>{t('visit.slots')}</legend>
        {slots.map((s, i) => (
          <div key={i} className="row visit-slot" style={{ alignItems: 'flex-end', gap: '0.4rem', flexWrap: 'wrap' }}>
            <strong>{i + 1}.</strong>
            <TextField type="date" label={t('visit.date')} value={s.date} onChange={(e) => update(i, { date: e.target.value })} required />
            <TextField type="time" label={t('visit.start')} value={s.start} step={300} onChange={(e) => update(i, { start: e.target.value })} required />
            <SelectField label={t('visit.minutes')} value={String(s.minutes)} onChange={(e) => update(i, { minutes: Number(e.target.value) })}>
              {LENGTHS.map((m) => (
                <option key={m} value={m}>
                  {t('visit.minutesN', { n: m })}
                </option>
              ))}
            </SelectField>
            {slots.length > 1 && (
              <Button variant="ghost" size="small" onClick={() => setSlots((list) => list.filter((_, j) => j !== i))}>
                {t('visit.removeSlot', { n: i + 1 })}
              </Button>
            )}
          </div>
        ))}
        {slots.length < 5 && (
          <Button variant="ghost" size="small" onClick={() => setSlots((list) => [...list, { ...(list.at(-1) ?? suggestSlot()), start: nextStart(list.at(-1)) }])}>
            {t('visit.addSlot')}
          </Button>
        )}
      </fieldset>
      <SelectField label={t('visit.officerOptional')} value={officerId} onChange={(e) => setOfficerId(e.target.value)} optional>
        <option value="">{t('visit.noOfficer')}</option>
        {visits.officers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" busy={busy} disabled={!procedure}>
        {t('visit.offer')}
      </Button>
    </form>
  );
}

/** The next slot starts an hour after the previous one (staff adjust it). */
function nextStart(last: SlotDraft | undefined): string {
  if (!last) return suggestSlot().start;
  const [h = 0, m = 0] = last.start.split(':').map(Number);
  const minutes = Math.min(h * 60 + m + 60, 23 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function ActiveVisit({
  visit,
  officers,
  busy,
  run,
  base,
  fees,
}: {
  visit: StaffVisit;
  officers: CaseVisits['officers'];
  busy: boolean;
  run: (action: () => Promise<unknown>) => Promise<void>;
  base: string;
  fees: CaseVisits['procedures'];
}) {
  const { t, locale } = useI18n();
  const catalogueFee = fees.find((p) => p.code === visit.procedure.code)?.feeVnd ?? null;
  const [officerId, setOfficerId] = useState(visit.officer?.id ?? officers[0]?.id ?? '');
  const [fee, setFee] = useState(String(catalogueFee ?? 0));
  const [receipt, setReceipt] = useState('');
  const [resultReturn, setResultReturn] = useState<'handed_over' | 'delivered'>('handed_over');
  const [reason, setReason] = useState('');
  const can = (a: StaffVisit['actions'][number]) => visit.actions.includes(a);
  const complete = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.post(`${base}/complete`, { feeVnd: Number(fee), ...(receipt.trim() ? { receiptNumber: receipt.trim() } : {}), resultReturn }));
  };
  return (
    <div className="stack" data-testid="visit-active">
      <p>
        <strong data-testid="visit-state">{t(`visit.state.${visit.state}`)}</strong> · {visit.procedure.name}
      </p>
      <ol className="visit-slot-list">
        {visit.slots.map((s) => (
          <li key={s.number} className={s.number === visit.confirmedSlot ? 'chosen' : undefined}>
            {formatSlot(s, locale)}
            {s.number === visit.confirmedSlot && <strong> ✓ {t('visit.chosen')}</strong>}
          </li>
        ))}
      </ol>
      <dl className="facts-dense">
        <dt>{t('visit.officer')}</dt>
        <dd>{visit.officer?.name ?? <span className="muted">{t('visit.notDispatched')}</span>}</dd>
      </dl>
      {can('dispatch') && (
        <div className="row" style={{ alignItems: 'flex-end', gap: '0.4rem', flexWrap: 'wrap' }}>
          <SelectField label={t('visit.officer')} value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
            {officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <Button variant="secondary" busy={busy} disabled={!officerId} onClick={() => void run(() => api.post(`${base}/dispatch`, { officerId }))}>
            {t('visit.dispatch')}
          </Button>
        </div>
      )}
      {can('depart') && (
        <Button busy={busy} onClick={() => void run(() => api.post(`${base}/depart`))}>
          {t('visit.depart')}
        </Button>
      )}
      {can('collect') && (
        <Button busy={busy} onClick={() => void run(() => api.post(`${base}/collect`))}>
          {t('visit.collect')}
        </Button>
      )}
      {can('complete') && (
        <form className="stack" onSubmit={complete} data-testid="visit-complete">
          <TextField
            type="number"
            min={0}
            step={1000}
            label={t('visit.fee')}
            hint={catalogueFee !== null ? t('visit.feeHint', { fee: formatVnd(catalogueFee) }) : undefined}
            value={fee}
            onChange={(e) => setFee(e.target.value)}
            required
          />
          <TextField label={t('visit.receipt')} hint={t('visit.receiptHint')} value={receipt} maxLength={40} onChange={(e) => setReceipt(e.target.value)} />
          <SelectField label={t('visit.resultReturn')} value={resultReturn} onChange={(e) => setResultReturn(e.target.value as 'handed_over' | 'delivered')}>
            <option value="handed_over">{t('visit.return.handed_over')}</option>
            <option value="delivered">{t('visit.return.delivered')}</option>
          </SelectField>
          <Button type="submit" busy={busy}>
            {t('visit.complete')}
          </Button>
        </form>
      )}
      {(can('cancel') || can('no_show')) && (
        <div className="stack">
          <TextArea label={t('visit.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          <div className="row" style={{ gap: '0.4rem' }}>
            {can('cancel') && (
              <Button variant="ghost" size="small" busy={busy} disabled={reason.trim().length < 3} onClick={() => void run(() => api.post(`${base}/cancel`, { reason: reason.trim(), outcome: 'cancelled' }))}>
                {t('visit.cancel')}
              </Button>
            )}
            {can('no_show') && (
              <Button variant="ghost" size="small" busy={busy} disabled={reason.trim().length < 3} onClick={() => void run(() => api.post(`${base}/cancel`, { reason: reason.trim(), outcome: 'no_show' }))}>
                {t('visit.noShow')}
              </Button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
