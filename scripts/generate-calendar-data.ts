/**
 * Writes reference-data/calendar/vn-holidays-2025-2028.json and reference-data/deadlines/rules.json.
 * Usage: npx tsx scripts/generate-calendar-data.ts
 *
 * Holidays: the Labour Code defaults computed by server/src/domain/deadline (lunar dates for UTC+7), then the
 * arrangements announced for each year (ANNOUNCED below, each with its source or "needs checking").
 * Rules: hand-written rules for case types and categories plus one rule per procedure of
 * reference-data/procedures/ward-procedures.json with a known processing time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hungKingsDayOn, lunarNewYearOn } from '../server/src/domain/deadline/lunar-calendar.ts';
import { compensatoryDaysOff, defaultNationalDayAdjacent, statutoryHolidays, type CalendarDay, type HolidayChoices } from '../server/src/domain/deadline/vn-holidays.ts';
import type { DeadlineRule } from '../server/src/domain/deadline/deadline-rules.ts';

type Status = 'law' | 'computed' | 'announced' | 'needs_checking';
type Entry = CalendarDay & { status: Status; active: boolean; note?: string };
type YearPlan = { choices: HolidayChoices; choiceStatus: Status; choiceSource: string; extra: Entry[]; note?: string };

const ANNOUNCED: Record<number, YearPlan> = {
  2025: {
    // Tết Ất Tỵ: Monday 27/1 (28 Chạp) – Friday 31/1 (mùng 3), 9 days with the weekends; 2/9 with Monday 1/9.
    choices: { tetDaysBefore: 2, nationalDayAdjacent: '09-01' },
    choiceStatus: 'announced',
    choiceSource: 'Thủ tướng đồng ý phương án nghỉ Tết Ất Tỵ và Quốc khánh 2025 cho cán bộ, công chức (Bộ LĐ-TB&XH trình, cuối 2024; số văn bản: needs checking)',
    extra: [
      { on: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', nameEn: 'Swapped day off (worked on Saturday 26 April 2025)', basis: 'Thủ tướng đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2025 cho cán bộ, công chức (Bộ Nội vụ thông báo, 4/2025; số văn bản: needs checking)', status: 'announced', active: true },
      { on: '2025-04-26', kind: 'working_day', name: 'Làm bù cho thứ Sáu 02/5/2025', nameEn: 'Make-up working day for Friday 2 May 2025', basis: 'Thủ tướng đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2025 cho cán bộ, công chức (Bộ Nội vụ thông báo, 4/2025; số văn bản: needs checking)', status: 'announced', active: true },
    ],
  },
  2026: {
    // Tết Bính Ngọ: Monday 16/2 (29 Chạp, last day of the year) – Friday 20/2 (mùng 4): 14/2–22/2 with weekends.
    choices: { tetDaysBefore: 1 },
    choiceStatus: 'needs_checking',
    choiceSource: 'Phương án nghỉ Tết Bính Ngọ 2026 (9 ngày, 14/2–22/2/2026) as reported in late 2025 — decision number and the day next to 2/9/2026 (1/9 or 3/9): needs checking; announcements for 1/1/2026 not recorded',
    extra: [],
  },
  2027: { choices: {}, choiceStatus: 'computed', choiceSource: 'not yet announced: Labour Code default computed (last day of the lunar year + mùng 1–4; day next to 2/9 joining a weekend)', extra: [] },
  2028: { choices: {}, choiceStatus: 'computed', choiceSource: 'not yet announced: Labour Code default computed (last day of the lunar year + mùng 1–4; day next to 2/9 joining a weekend)', extra: [] },
};

function culturalDay(year: number): Entry {
  return {
    on: `${year}-11-24`,
    kind: 'holiday',
    name: 'Ngày Văn hóa Việt Nam (24/11)',
    nameEn: 'Vietnam Culture Day',
    basis: 'Reported 2025–2026 proposal/decision to make 24/11 a paid holiday: needs checking (not in Bộ luật Lao động 2019 Điều 112)',
    status: 'needs_checking',
    active: false,
    note: 'recorded inactive; a city administrator activates it once the legal text is confirmed',
  };
}

function yearEntries(year: number): Entry[] {
  const plan = ANNOUNCED[year];
  if (!plan) throw new Error(`no plan for ${year}`);
  const holidays = statutoryHolidays(year, plan.choices);
  const lunar = new Set([...holidays.filter((h) => h.name.startsWith('Tết Âm lịch')).map((h) => h.on), hungKingsDayOn(year)]);
  const entries: Entry[] = holidays.map((h) => {
    const isTet = h.name.startsWith('Tết Âm lịch');
    const isAdjacent = h.name.includes('liền kề');
    const status: Status = isTet || isAdjacent ? plan.choiceStatus : lunar.has(h.on) ? 'computed' : 'law';
    return { ...h, status, active: true, ...(isTet || isAdjacent ? { note: plan.choiceSource } : {}) };
  });
  for (const c of compensatoryDaysOff(holidays)) entries.push({ ...c, status: 'computed', active: true });
  entries.push(...plan.extra);
  if (year >= 2026) entries.push(culturalDay(year));
  return entries.sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind));
}

const years = [2025, 2026, 2027, 2028];
const calendar = {
  meta: {
    description: 'Public holidays, compensatory days off and make-up working days in Vietnam for state bodies (Monday–Friday week), 2025–2028. Seeded into calendar_days (city-wide); city administrators edit them there.',
    generatedBy: 'scripts/generate-calendar-data.ts (lunar dates: Hồ Ngọc Đức algorithm, UTC+7)',
    statuses: {
      law: 'fixed solar date in Bộ luật Lao động 2019 Điều 112',
      computed: 'computed: lunar date converted, or compensatory day by Điều 111(3), or a default arrangement for a year not yet announced',
      announced: 'arrangement announced by the Government for that year (see basis)',
      needs_checking: 'believed correct but not checked against the published decision; see note',
    },
    kinds: { holiday: 'statutory holiday', day_off: 'compensatory or swapped day off', working_day: 'make-up working day on a weekend' },
    weeklyRest: 'Saturday and Sunday (Nghị định 101/CP 1998 on the 40-hour week for state bodies; needs checking for the current text)',
    workingHours: 'Monday–Friday 07:30–11:30 and 13:00–17:00 (HCMC practice; per unit in unit_working_hours)',
    amendmentsToCheck: 'Bộ luật Lao động 2019 Điều 112 as in force: 2/9 plus one adjacent day (since 2021). A 2025–2026 change adding 24/11 (Ngày Văn hóa Việt Nam) as a paid day off is recorded inactive: needs checking.',
  },
  years: years.map((year) => ({
    year,
    lunarNewYear: lunarNewYearOn(year),
    hungKingsDay: hungKingsDayOn(year),
    nationalDayAdjacent: `${year}-${ANNOUNCED[year]?.choices.nationalDayAdjacent ?? defaultNationalDayAdjacent(year)}`,
    arrangement: ANNOUNCED[year]?.choiceSource,
    days: yearEntries(year),
  })),
};
writeFileSync(new URL('../reference-data/calendar/vn-holidays-2025-2028.json', import.meta.url), `${JSON.stringify(calendar, null, 1)}\n`);

type Procedure = {
  code: string;
  short_name: string;
  processing_time: { text: string; working_days: number | null; days?: number };
  legal_basis: string[];
  confidence: Record<string, string>;
};
const procedures = (JSON.parse(readFileSync(new URL('../reference-data/procedures/ward-procedures.json', import.meta.url), 'utf8')) as { procedures: Procedure[] }).procedures;

const SUPPLEMENT = 'time the citizen takes to supplement the file is not counted (Nghị định 61/2018/NĐ-CP on one-stop processing, as amended by Nghị định 107/2021/NĐ-CP: needs checking of the article)';
const INFRA = ['mat_duong', 'thoat_nuoc', 'chieu_sang', 'cay_xanh', 'cap_nuoc', 'dien', 'vien_thong'];

const rules: (DeadlineRule & { source?: string })[] = [
  {
    id: 'default',
    stage: 'resolution',
    match: {},
    duration: { workingDays: 10 },
    pausable: true,
    legalBasis: 'No legal time limit found for general phản ánh, kiến nghị, góp ý; 10 working days is the product default (check Quyết định 1478/QĐ-UBND 2020 of HCMC and Nghị định 20/2008/NĐ-CP before relying on it).',
    status: 'product_default',
  },
  {
    id: 'hoi-dap',
    stage: 'resolution',
    match: { type: 'hoi_dap' },
    duration: { workingDays: 5 },
    pausable: true,
    legalBasis: 'Product default for questions and procedure guidance (no specific legal limit).',
    status: 'product_default',
  },
  ...INFRA.map(
    (category): DeadlineRule & { source?: string } => ({
      id: `phan-anh-${category.replace(/_/g, '-')}`,
      stage: 'resolution',
      match: { type: 'phan_anh', category },
      duration: { workingDays: 5 },
      pausable: true,
      legalBasis: 'HCMC Cổng 1022: infrastructure incidents handled within at most 5 working days (as reported by VTV, 2023; regulation Quyết định 1478/QĐ-UBND ngày 04/5/2020: article needs checking).',
      status: 'needs_checking',
      source: 'reference-data/feedback/stats-and-deadlines.json#deadlines (vtv_2023)',
    }),
  ),
  {
    id: 'khieu-nai',
    stage: 'resolution',
    match: { type: 'khieu_nai' },
    duration: { days: 30 },
    complexDuration: { days: 45 },
    pausable: false,
    legalBasis: 'Luật Khiếu nại 2011 Điều 28: first-instance complaint decided within 30 days of acceptance (thụ lý), 45 for complex cases; remote areas 45/60; second instance (Điều 37) 45/60, remote 60/70.',
    status: 'verified',
    note: 'The legal clock runs from acceptance (thụ lý); until staff record it, the product counts from receipt, which is earlier (safer). Remote-area and second-instance limits are not modelled.',
    source: 'reference-data/feedback/stats-and-deadlines.json#deadlines (tvpl_khieunai)',
  },
  {
    id: 'to-cao',
    stage: 'resolution',
    match: { type: 'to_cao' },
    duration: { days: 30 },
    extension: { days: 30, max: 2 },
    pausable: false,
    legalBasis: 'Luật Tố cáo 2018 Điều 30: decided within 30 days of acceptance; complex: one extension of up to 30 days; especially complex: two extensions of up to 30 days each.',
    status: 'verified',
    note: 'Counted from receipt until acceptance is recorded (earlier than the legal start).',
    source: 'reference-data/feedback/stats-and-deadlines.json#deadlines (luatdongduong_tocao)',
  },
  {
    id: 'forwarding',
    stage: 'forwarding',
    match: {},
    duration: { workingDays: 5 },
    pausable: false,
    legalBasis: 'A matter outside the unit\'s competence is forwarded to (or the sender guided to) the competent body within 5 working days (Luật Tố cáo 2018 Điều 24 and Thông tư 05/2021/TT-TTCP on handling petitions: article numbers need checking).',
    status: 'needs_checking',
  },
];

for (const p of procedures) {
  const pt = p.processing_time;
  const duration = pt.working_days !== null ? (pt.working_days === 0 ? { workingDays: 0, sameDayCutoff: '15:00' } : { workingDays: pt.working_days }) : pt.days !== undefined ? { days: pt.days } : undefined;
  if (!duration) continue;
  const confidence = p.confidence.processing_time ?? p.confidence.all ?? '';
  rules.push({
    id: `thu-tuc-${p.code}`,
    stage: 'resolution',
    match: { type: 'thu_tuc', procedureCode: p.code },
    duration,
    pausable: true,
    legalBasis: `${p.short_name}: ${pt.text} (${p.legal_basis.join('; ')}); ${SUPPLEMENT}.`,
    status: /^(same-day )?verified|^DVCQG/.test(confidence) ? 'verified' : 'needs_checking',
    source: `reference-data/procedures/ward-procedures.json#${p.code}`,
  });
}

const rulesFile = {
  meta: {
    description: 'Deadline rules per case type, category and procedure. The most specific matching rule wins: procedure (4) > category (2) > type (1) > default. Durations: workingDays (end of the n-th working day after the day of receipt; 0 = same day, after sameDayCutoff the next working day), days (calendar days; a last day that is not a working day moves to the next working day), workingHours.',
    generatedBy: 'scripts/generate-calendar-data.ts from reference-data/feedback/stats-and-deadlines.json and reference-data/procedures/ward-procedures.json',
    statuses: { verified: 'time limit seen in a cited source', needs_checking: 'from the press or legal knowledge, not checked against the legal text', product_default: 'no legal limit found; our choice' },
  },
  escalation: {
    dueSoonWorkingHours: 8,
    parentAfterWorkingDays: 2,
    cityAfterWorkingDays: 5,
    ladder: ['due soon: the assignee (or the unit administrators when nobody is assigned)', 'overdue: the assignee and the unit administrators', 'overdue by 2 working days: staff of the parent unit', 'overdue by 5 working days: city administrators'],
    status: 'product_default',
  },
  rules,
};
writeFileSync(new URL('../reference-data/deadlines/rules.json', import.meta.url), `${JSON.stringify(rulesFile, null, 1)}\n`);
console.log(`wrote ${calendar.years.reduce((n, y) => n + y.days.length, 0)} calendar days and ${rules.length} rules`);
