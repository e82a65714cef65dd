import { useMemo, useState } from 'react';
import type { CalendarYear } from '../../../../contracts/api.ts';
import type { Unit } from '../../../ui/api-types.ts';
import { api, queryString } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { UnitPicker } from '../../../ui/components/unit-picker.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { useUser } from '../auth/session.tsx';
import { HistoryList } from '../settings-history/history-list.tsx';
import { DayPanel, EntryList } from './day-panel.tsx';
import { HoursPanel } from './hours-panel.tsx';
import { Legend, YearGrid } from './year-grid.tsx';

/** "Lịch làm việc": the year of the city's or a unit's working calendar, day edits, working hours and their history. */
export function CalendarPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [unitCode, setUnitCode] = useState<string | null>(user.role === 'city_admin' ? null : user.unit.code);
  const [selected, setSelected] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const units = useAsync(() => api.get<Unit[]>('/api/public/units'), []);
  const data = useAsync(
    () => api.get<CalendarYear>(`/api/staff/calendar${queryString({ year, unitCode })}`),
    [year, unitCode, version],
  );
  const calendar = data.data?.year === year ? data.data : undefined;
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const e of calendar?.entries ?? []) if (e.isActive) map.set(e.on, locale === 'en' && e.nameEn ? e.nameEn : e.name);
    return map;
  }, [calendar, locale]);
  const unitName = units.data?.find((u) => u.code === unitCode)?.fullName ?? null;
  const reload = () => setVersion((v) => v + 1);

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p className="muted">{t('calendar.intro')}</p>
      <div className="toolbar cal-toolbar">
        <div className="row" role="group" aria-label={t('calendar.year', { year })}>
          <Button variant="secondary" size="small" onClick={() => setYear(year - 1)} aria-label={t('calendar.prevYear')}>
            ←
          </Button>
          <strong className="cal-year" aria-live="polite">
            {t('calendar.year', { year })}
          </strong>
          <Button variant="secondary" size="small" onClick={() => setYear(year + 1)} aria-label={t('calendar.nextYear')}>
            →
          </Button>
        </div>
        {units.data && (
          <div className="cal-unit">
            <UnitPicker
              units={units.data}
              value={unitCode}
              onChange={(code) => setUnitCode(code)}
              label={t('calendar.unit')}
              hint={t('calendar.unitHint')}
              optional
            />
          </div>
        )}
      </div>
      <Legend />
      <ErrorMessage error={data.error} />
      {calendar && (
        <div className="cal-layout">
          <div className="stack">
            <YearGrid data={calendar} selected={selected} onSelect={setSelected} names={names} />
            <section className="panel" aria-labelledby="entries-title">
              <h2 id="entries-title">{t('calendar.entries.title')}</h2>
              <EntryList entries={calendar.entries} />
            </section>
          </div>
          <div className="stack">
            {selected && selected.startsWith(String(year)) && (
              <DayPanel data={calendar} on={selected} unitName={unitName} onSaved={reload} />
            )}
            <HoursPanel data={calendar} onSaved={reload} />
            <HistoryList area="calendar" version={version} />
          </div>
        </div>
      )}
    </>
  );
}
