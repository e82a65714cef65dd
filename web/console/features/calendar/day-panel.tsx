import { useEffect, useState, type FormEvent } from 'react';
import type { CalendarDayEdit, CalendarEntry, CalendarYear } from '../../../../contracts/api.ts';
import { CALENDAR_DAY_KINDS, type CalendarDayKindName } from '../../../../contracts/enums.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField, TextField } from '../../../ui/components/field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { dayClass } from './year-grid.tsx';

type Props = { data: CalendarYear; on: string; unitName: string | null; onSaved: () => void };

/** One day: why it is or is not a working day, what is stored for it, and (city administrators) the form to change it. */
export function DayPanel({ data, on, unitName, onSaved }: Props) {
  const { t, locale } = useI18n();
  const day = data.days.find((d) => d.on === on);
  const entries = data.entries.filter((e) => e.on === on);
  const scope = data.unitCode ? 'unit' : 'city';
  const own = entries.find((e) => e.scope === scope);
  const [kind, setKind] = useState<CalendarDayKindName>('holiday');
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [note, setNote] = useState('');
  const [isActive, setActive] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const base = own ?? entries[0];
    setKind(base?.kind ?? (day?.reason === 'weekend' ? 'working_day' : 'holiday'));
    setName(base?.name ?? '');
    setNameEn(base?.nameEn ?? '');
    setActive(own?.isActive ?? true);
    setNote('');
    setError(null);
    // Reset only when another day is chosen or the data reloads.
  }, [on, data]);

  const save = async (active: boolean, event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: CalendarDayEdit = {
        kind,
        name: name.trim(),
        note: note.trim(),
        isActive: active,
        ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}),
        ...(data.unitCode ? { unitCode: data.unitCode } : {}),
      };
      await api.put(`/api/staff/calendar/days/${on}`, body);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!day) return null;
  return (
    <section className="panel" aria-labelledby="day-title" data-testid="day-panel">
      <h2 id="day-title">{formatDate(`${on}T12:00:00+07:00`, locale)}</h2>
      <p>
        <span className={`cal-swatch cal-${dayClass(day)}`} aria-hidden="true" />{' '}
        <strong>{t(`calendar.reason.${dayClass(day)}`)}</strong>
      </p>
      {entries.length === 0 ? (
        <p className="muted">{t('calendar.day.none')}</p>
      ) : (
        <EntryList entries={entries} showDate={false} />
      )}
      {data.canEditDays ? (
        <form className="stack" onSubmit={(e) => void save(isActive, e)}>
          <h3>{t('calendar.edit.title')}</h3>
          <p className="muted">{t('calendar.edit.scope', { unit: unitName ?? t('calendar.scope.city') })}</p>
          <SelectField
            label={t('calendar.edit.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as CalendarDayKindName)}
          >
            {CALENDAR_DAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`calendar.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('calendar.edit.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
            lang="vi"
          />
          <TextField
            label={t('calendar.edit.nameEn')}
            value={nameEn}
            onChange={(e) => setNameEn(e.target.value)}
            maxLength={200}
            lang="en"
            optional
          />
          <TextField
            label={t('calendar.edit.note')}
            hint={t('calendar.edit.noteHint')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required
            minLength={3}
            maxLength={500}
          />
          <label className="row">
            <input type="checkbox" checked={isActive} onChange={(e) => setActive(e.target.checked)} /> {t('calendar.edit.active')}
          </label>
          <ErrorMessage error={error} />
          <div className="row">
            <Button type="submit" busy={busy} disabled={!name.trim() || note.trim().length < 3}>
              {t('common.save')}
            </Button>
            {own?.isActive && (
              <Button variant="danger" busy={busy} disabled={note.trim().length < 3} onClick={() => void save(false)}>
                {t('calendar.edit.remove')}
              </Button>
            )}
          </div>
        </form>
      ) : (
        <p className="muted">{t('calendar.edit.readOnly')}</p>
      )}
    </section>
  );
}

export function EntryList({ entries, showDate = true }: { entries: readonly CalendarEntry[]; showDate?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <ul className="entry-list">
      {entries.map((e) => (
        <li key={`${e.scope}-${e.on}`} className={e.isActive ? undefined : 'entry-inactive'}>
          {showDate && <>{formatDate(`${e.on}T12:00:00+07:00`, locale)} · </>}
          <strong>{locale === 'en' && e.nameEn ? e.nameEn : e.name}</strong> · {t(`calendar.kind.${e.kind}`)} ·{' '}
          {t(`calendar.scope.${e.scope}`)}
          {!e.isActive && <> · {t('calendar.day.inactive')}</>}
          <br />
          <span className="muted">
            {t(`calendar.status.${e.status}`)}, {t(`calendar.origin.${e.origin}`)}
            {e.basis && <> · {t('calendar.basis', { text: e.basis })}</>}
          </span>
        </li>
      ))}
    </ul>
  );
}
