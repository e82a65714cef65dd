import { useMemo } from 'react';
import type { CalendarYear } from '../../../../contracts/api.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { intlTag } from '../../../ui/i18n/translate.ts';
import { WEEK_ORDER } from './hours-text.ts';

type Day = CalendarYear['days'][number];

/** CSS class and legend key of a day: why it is (not) a working day. */
export function dayClass(d: Day): 'working' | NonNullable<Day['reason']> {
  return d.reason ?? 'working';
}

/** Twelve month grids (Monday first); each day is a button coloured by why it is or is not a working day. */
export function YearGrid({
  data,
  selected,
  onSelect,
  names,
}: {
  data: CalendarYear;
  selected: string | null;
  onSelect: (on: string) => void;
  names: Map<string, string>;
}) {
  const { t, locale } = useI18n();
  const monthName = useMemo(() => new Intl.DateTimeFormat(intlTag(locale), { month: 'long', timeZone: 'UTC' }), [locale]);
  const weekdayName = useMemo(() => new Intl.DateTimeFormat(intlTag(locale), { weekday: 'short', timeZone: 'UTC' }), [locale]);
  const months = Array.from({ length: 12 }, (_, m) => data.days.filter((d) => Number(d.on.slice(5, 7)) === m + 1));
  return (
    <div className="year-grid" data-testid="year-grid">
      {months.map((days, m) => {
        const first = new Date(`${days[0]!.on}T00:00:00Z`).getUTCDay();
        const pad = WEEK_ORDER.indexOf(first as (typeof WEEK_ORDER)[number]);
        const working = days.filter((d) => d.isWorking).length;
        return (
          <section key={m} className="month" aria-label={monthName.format(Date.UTC(data.year, m, 1))}>
            <h3>
              {monthName.format(Date.UTC(data.year, m, 1))}{' '}
              <span className="muted">· {t('calendar.workingDays', { n: working })}</span>
            </h3>
            <div className="month-days" role="group">
              {WEEK_ORDER.map((w) => (
                <span key={`h${w}`} className="month-head" aria-hidden="true">
                  {weekdayName.format(Date.UTC(2024, 0, 7 + w))}
                </span>
              ))}
              {Array.from({ length: pad }, (_, i) => (
                <span key={`p${i}`} />
              ))}
              {days.map((d) => {
                const reason = dayClass(d);
                const name = names.get(d.on);
                const label = [d.on, t(`calendar.reason.${reason}`), name].filter(Boolean).join(' — ');
                return (
                  <button
                    key={d.on}
                    type="button"
                    className={`cal-day cal-${reason}`}
                    aria-pressed={selected === d.on}
                    aria-label={label}
                    title={label}
                    data-date={d.on}
                    onClick={() => onSelect(d.on)}
                  >
                    {Number(d.on.slice(8))}
                  </button>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

export function Legend() {
  const { t } = useI18n();
  return (
    <ul className="cal-legend" aria-label={t('calendar.legend')}>
      {(['working', 'weekend', 'holiday', 'day_off', 'working_day'] as const).map((r) => (
        <li key={r}>
          <span className={`cal-swatch cal-${r}`} aria-hidden="true" /> {t(`calendar.reason.${r}`)}
        </li>
      ))}
    </ul>
  );
}
