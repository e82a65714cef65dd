/**
 * Public figures per unit, as the city publishes them: volume, median hours to the first answer and to
 * resolution, on-time rate = closed on time / (closed + open past due), and a ranking by on-time rate then
 * median resolution time. Units with fewer than `minCases` cases are listed but not ranked. Pure.
 */

export type UnitStatRow = {
  unitCode: string;
  unitName: string;
  cases: number;
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
  /** Closed (resolved or closed) with a due time, at or before it. */
  closedOnTime: number;
  /** Closed with a due time. */
  closedWithDue: number;
  /** Still open after its due time. */
  openPastDue: number;
};

export type RankedUnitStat = UnitStatRow & { onTimeRate: number | null; rank: number | null; hasTooFewCases: boolean };

export const MIN_CASES_TO_RANK = 5;

export function onTimeRate(r: Pick<UnitStatRow, 'closedOnTime' | 'closedWithDue' | 'openPastDue'>): number | null {
  const denominator = r.closedWithDue + r.openPastDue;
  return denominator === 0 ? null : Math.round((r.closedOnTime / denominator) * 10000) / 10000;
}

const nullsLast = (a: number | null, b: number | null, desc: boolean) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : desc ? b - a : a - b;

/** Rows with their on-time rate and rank (1 = best); unranked rows (too few cases) come last by volume. */
export function rankUnits(rows: UnitStatRow[], minCases = MIN_CASES_TO_RANK): RankedUnitStat[] {
  const withRate = rows.map((r) => ({ ...r, onTimeRate: onTimeRate(r), hasTooFewCases: r.cases < minCases, rank: null as number | null }));
  withRate.sort((a, b) =>
    Number(a.hasTooFewCases) - Number(b.hasTooFewCases) ||
    nullsLast(a.onTimeRate, b.onTimeRate, true) ||
    nullsLast(a.medianResolutionHours, b.medianResolutionHours, false) ||
    b.cases - a.cases ||
    a.unitCode.localeCompare(b.unitCode),
  );
  let rank = 0;
  for (const r of withRate) if (!r.hasTooFewCases) r.rank = ++rank;
  return withRate;
}

const CSV_COLUMNS = [
  'rank', 'unit_code', 'unit_name', 'cases', 'median_first_response_hours', 'median_resolution_hours',
  'on_time_rate', 'closed_on_time', 'closed_with_due', 'open_past_due', 'too_few_cases',
] as const;

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF, quoted when needed) with a UTF-8 byte-order mark so spreadsheet programs read Vietnamese. */
export function unitStatsCsv(rows: RankedUnitStat[]): string {
  const lines = rows.map((r) =>
    [r.rank, r.unitCode, r.unitName, r.cases, r.medianFirstResponseHours, r.medianResolutionHours, r.onTimeRate, r.closedOnTime, r.closedWithDue, r.openPastDue, r.hasTooFewCases]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
