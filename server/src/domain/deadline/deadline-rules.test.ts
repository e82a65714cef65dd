import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDeadlineRules } from '../../deadline/load-deadline-data.ts';
import { shippedCityCalendar } from './business-calendar.test.ts';
import { computeDeadline, deadlineMilestones, findDeadlineRule, resolveDeadlineProcedure, resumeMilestones } from './deadline-rules.ts';
import { formatVietnamTime } from './local-date.ts';

const { rules, escalation } = loadDeadlineRules();
const calendar = shippedCityCalendar();
const at = (local: string) => new Date(`${local}+07:00`);
const H = 3_600_000;

type Row = { name: string; type: string; category?: string; procedureCode?: string; from: string; rule: string; due: string; complexity?: 'complex' | 'especially_complex'; stage?: 'forwarding' };
const TABLE: Row[] = [
  { name: 'pothole report: 5 working days (HCMC 1022)', type: 'phan_anh', category: 'mat_duong', from: '2026-03-02T09:00', rule: 'phan-anh-mat-duong', due: '2026-03-09T17:00:00+07:00' },
  { name: 'infrastructure report over 30/4–1/5/2026', type: 'phan_anh', category: 'thoat_nuoc', from: '2026-04-28T09:00', rule: 'phan-anh-thoat-nuoc', due: '2026-05-07T17:00:00+07:00' },
  { name: 'noise report: default 10 working days', type: 'phan_anh', category: 'tieng_on', from: '2026-03-02T09:00', rule: 'default', due: '2026-03-16T17:00:00+07:00' },
  { name: 'question: 5 working days', type: 'hoi_dap', from: '2026-03-02T09:00', rule: 'hoi-dap', due: '2026-03-09T17:00:00+07:00' },
  { name: 'permanent residence: 7 working days across Tết', type: 'thu_tuc', procedureCode: '1.004222', from: '2026-02-12T09:00', rule: 'thu-tuc-1.004222', due: '2026-03-02T17:00:00+07:00' },
  { name: 'birth registration before 15:00: same day', type: 'thu_tuc', procedureCode: '1.001193', from: '2026-03-02T14:00', rule: 'thu-tuc-1.001193', due: '2026-03-02T17:00:00+07:00' },
  { name: 'birth registration after 15:00: next working day', type: 'thu_tuc', procedureCode: '1.001193', from: '2026-03-02T15:10', rule: 'thu-tuc-1.001193', due: '2026-03-03T17:00:00+07:00' },
  { name: 'procedure not in the data: default', type: 'thu_tuc', procedureCode: '9.999999', from: '2026-03-02T09:00', rule: 'default', due: '2026-03-16T17:00:00+07:00' },
  { name: 'complaint: 30 days, ending in Tết → next working day', type: 'khieu_nai', category: 'mat_duong', from: '2026-01-19T09:00', rule: 'khieu-nai', due: '2026-02-23T17:00:00+07:00' },
  { name: 'complex complaint: 45 days', type: 'khieu_nai', from: '2026-03-02T09:00', rule: 'khieu-nai', due: '2026-04-16T17:00:00+07:00', complexity: 'complex' },
  { name: 'denunciation: 30 days', type: 'to_cao', from: '2026-03-02T09:00', rule: 'to-cao', due: '2026-04-01T17:00:00+07:00' },
  { name: 'especially complex denunciation: 30 + 2 × 30 days', type: 'to_cao', from: '2026-03-02T09:00', rule: 'to-cao', due: '2026-06-01T17:00:00+07:00', complexity: 'especially_complex' },
  { name: 'forwarding to the competent body: 5 working days', type: 'khieu_nai', from: '2026-03-02T09:00', rule: 'forwarding', due: '2026-03-09T17:00:00+07:00', stage: 'forwarding' },
];
for (const r of TABLE) {
  test(`computeDeadline: ${r.name}`, () => {
    const d = computeDeadline({ type: r.type, category: r.category, procedureCode: r.procedureCode, receivedAt: at(r.from), calendar, rules, complexity: r.complexity, stage: r.stage });
    assert.equal(d.rule.id, r.rule);
    assert.equal(formatVietnamTime(d.dueAt), r.due);
    assert.ok(d.rule.legalBasis.length > 10);
  });
}

test('every rule states its legal basis and status; khiếu nại and tố cáo clocks do not pause', () => {
  for (const r of rules) assert.ok(r.legalBasis && r.status, r.id);
  assert.equal(findDeadlineRule(rules, { type: 'khieu_nai' })?.pausable, false);
  assert.equal(findDeadlineRule(rules, { type: 'to_cao' })?.pausable, false);
  assert.equal(findDeadlineRule(rules, { type: 'thu_tuc', procedureCode: '1.004222' })?.pausable, true);
});

test('explicit extensions are capped at the legal maximum', () => {
  const d = computeDeadline({ type: 'to_cao', receivedAt: at('2026-03-02T09:00'), calendar, rules, extensions: 5 });
  assert.equal(formatVietnamTime(d.dueAt), '2026-06-01T17:00:00+07:00');
});

test('milestones: warn one working day (8 working hours) before, escalate 2 and 5 working days after', () => {
  const m = deadlineMilestones(calendar, at('2026-03-02T09:00'), at('2026-03-09T17:00'), escalation);
  assert.equal(formatVietnamTime(m.dueSoonAt), '2026-03-09T07:30:00+07:00'); // the start of the last working day
  assert.equal(formatVietnamTime(m.escalateParentAt), '2026-03-11T17:00:00+07:00');
  assert.equal(formatVietnamTime(m.escalateCityAt), '2026-03-16T17:00:00+07:00');
});

test('milestones: a same-day case is warned half-way', () => {
  const m = deadlineMilestones(calendar, at('2026-03-02T13:00'), at('2026-03-02T17:00'), escalation);
  assert.equal(formatVietnamTime(m.dueSoonAt), '2026-03-02T15:00:00+07:00');
});

const PAUSES: [string, string, string, number, string][] = [
  ['a pause over a weekend outside hours moves nothing', '2026-03-06T17:00', '2026-03-09T07:30', 0, '2026-03-10T17:00:00+07:00'],
  ['a pause over a weekend from Friday 16:00 to Monday 09:00 adds 2.5 working hours', '2026-03-06T16:00', '2026-03-09T09:00', 2.5 * H, '2026-03-11T10:00:00+07:00'],
  ['a pause over Tết counts only the working hours around it', '2026-02-13T16:00', '2026-02-23T08:30', 2 * H, '2026-03-11T09:30:00+07:00'],
];
for (const [name, pausedAt, resumedAt, ms, due] of PAUSES) {
  test(`resumeMilestones: ${name}`, () => {
    const m = deadlineMilestones(calendar, at('2026-03-02T09:00'), at('2026-03-10T17:00'), escalation);
    const r = resumeMilestones(calendar, m, at(pausedAt), at(resumedAt));
    assert.equal(r.pausedWorkingMs, ms);
    assert.equal(formatVietnamTime(r.milestones.dueAt), due);
  });
}

test('#5 resolveDeadlineProcedure: a triage topic counts under the first of its codes that has a rule', () => {
  const table: [type: string, procedure: string | null, topicCodes: string[], expected: string | null][] = [
    ['thu_tuc', 'khai_sinh', ['1.001193'], '1.001193'],
    ['thu_tuc', 'cu_tru', ['1.004194', '1.004222'], '1.004194'],
    ['thu_tuc', 'cu_tru', ['9.999999', '1.004222'], '1.004222'],
    ['thu_tuc', '1.004222', [], '1.004222'],
    ['thu_tuc', 'bhyt', [], 'bhyt'],
    ['hoi_dap', 'khai_sinh', ['1.001193'], 'khai_sinh'],
    ['thu_tuc', null, [], null],
  ];
  for (const [type, procedureCode, topicCodes, expected] of table) assert.equal(resolveDeadlineProcedure(rules, { type, procedureCode }, topicCodes), expected, `${type}/${procedureCode}`);
});
