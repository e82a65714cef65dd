import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CalendarYear, WorkingHoursRow, WorkingHoursUpdate } from '../../../../contracts/api.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextField } from '../../../ui/components/field.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { intlTag } from '../../../ui/i18n/translate.ts';
import { formatPeriods, parsePeriods, WEEK_ORDER } from './hours-text.ts';

/** The weekly working hours in force for the city or a unit; editable by city administrators and the unit's administrators. */
export function HoursPanel({ data, onSaved }: { data: CalendarYear; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const weekdayName = useMemo(() => new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', timeZone: 'UTC' }), [locale]);
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setTexts(Object.fromEntries(WEEK_ORDER.map((w) => [w, formatPeriods(data.hours.rows, w)])));
    setError(null);
  }, [data]);

  const parsed = WEEK_ORDER.map((w) => [w, parsePeriods(texts[w] ?? '', w)] as const);
  const isValid = parsed.every(([, rows]) => rows !== null) && parsed.some(([, rows]) => (rows?.length ?? 0) > 0);

  const save = async (hours: WorkingHoursRow[], event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const body: WorkingHoursUpdate = { hours, ...(data.unitCode ? { unitCode: data.unitCode } : {}) };
      await api.put('/api/staff/calendar/hours', body);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const status =
    data.unitCode === null
      ? t('calendar.hours.city')
      : data.hours.isOwn
        ? t('calendar.hours.own')
        : t('calendar.hours.inherited');
  return (
    <section className="panel" aria-labelledby="hours-title" data-testid="hours-panel">
      <h2 id="hours-title">{t('calendar.hours.title')}</h2>
      <p className="muted">{status}</p>
      {data.canEditHours ? (
        <form
          className="stack"
          onSubmit={(e) =>
            void save(
              parsed.flatMap(([, rows]) => rows ?? []),
              e,
            )
          }
        >
          <p className="field-hint">{t('calendar.hours.hint')}</p>
          {parsed.map(([w, rows]) => (
            <TextField
              key={w}
              label={weekdayName.format(Date.UTC(2024, 0, 7 + w))}
              value={texts[w] ?? ''}
              placeholder={t('calendar.hours.rest')}
              onChange={(e) => setTexts({ ...texts, [w]: e.target.value })}
              error={rows === null ? t('calendar.hours.invalid') : undefined}
              className="input input-mono"
            />
          ))}
          <ErrorMessage error={error} />
          <div className="row">
            <Button type="submit" busy={busy} disabled={!isValid}>
              {t('common.save')}
            </Button>
            {data.unitCode !== null && data.hours.isOwn && (
              <Button variant="secondary" busy={busy} onClick={() => void save([])}>
                {t('calendar.hours.useCity')}
              </Button>
            )}
            <span role="status" className="muted">
              {saved ? t('common.saved') : ''}
            </span>
          </div>
        </form>
      ) : (
        <>
          <table className="table table-static">
            <tbody>
              {WEEK_ORDER.map((w) => (
                <tr key={w}>
                  <th scope="row">{weekdayName.format(Date.UTC(2024, 0, 7 + w))}</th>
                  <td className="input-mono">{formatPeriods(data.hours.rows, w) || t('calendar.hours.rest')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('calendar.hours.readOnly')}</p>
        </>
      )}
    </section>
  );
}
