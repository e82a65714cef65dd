import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

type Report = { rows: { unit: { code: string }; category: string | null; closedOnTime: number; closedLate: number; openPastDue: number; rate: number | null }[]; total: { closedOnTime: number; closedLate: number; openPastDue: number; rate: number | null } };

// Period: November 2026 (Vietnam days); the report is read on 5 December, after the period ended.
const TABLE: { name: string; unit: string; category: string | null; status: string; due: string | null; resolved?: string; closed?: string; counts: 'on_time' | 'late' | 'open_past_due' | 'none' }[] = [
  { name: 'resolved before due', unit: '26740', category: 'den_duong', status: 'resolved', due: '2026-11-12T10:00:00Z', resolved: '2026-11-10T10:00:00Z', counts: 'on_time' },
  { name: 'closed after due', unit: '26740', category: 'den_duong', status: 'closed', due: '2026-11-12T10:00:00Z', closed: '2026-11-15T10:00:00Z', counts: 'late' },
  { name: 'open past due', unit: '26740', category: 'den_duong', status: 'in_progress', due: '2026-11-20T10:00:00Z', counts: 'open_past_due' },
  { name: 'open, due after the period', unit: '26740', category: 'den_duong', status: 'new', due: '2026-12-10T10:00:00Z', counts: 'none' },
  { name: 'resolved only after the period, overdue at its end', unit: '26740', category: 'den_duong', status: 'resolved', due: '2026-11-25T10:00:00Z', resolved: '2026-12-02T10:00:00Z', counts: 'open_past_due' },
  { name: 'no deadline', unit: '26740', category: 'den_duong', status: 'in_progress', due: null, counts: 'none' },
  { name: 'resolved before the period', unit: '26740', category: 'den_duong', status: 'resolved', due: '2026-10-20T10:00:00Z', resolved: '2026-10-25T10:00:00Z', counts: 'none' },
  { name: 'other category, on time', unit: '26740', category: 'rac_thai', status: 'closed', due: '2026-11-06T10:00:00Z', resolved: '2026-11-05T10:00:00Z', closed: '2026-11-07T10:00:00Z', counts: 'on_time' },
  { name: 'other ward, unclassified, overdue', unit: '26800', category: null, status: 'waiting_citizen', due: '2026-11-03T10:00:00Z', counts: 'open_past_due' },
];

describeEachEngine('on-time report', (db) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(db());
    for (const row of TABLE) {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: row.name, unitCode: row.unit } });
      await t.ctx.db.query('UPDATE cases SET category = $2, status = $3, due_at = $4, resolved_at = $5, closed_at = $6 WHERE tracking_code = $1', [
        (r.json() as { trackingCode: string }).trackingCode,
        row.category,
        row.status,
        row.due,
        row.resolved ?? null,
        row.closed ?? null,
      ]);
    }
    t.clock.set(new Date('2026-12-05T03:00:00Z'));
  });

  const read = async (email: string, query = '?from=2026-11-01&to=2026-11-30') => {
    const s = await t.login(email);
    const r = await t.app.inject({ url: `/api/staff/reports/on-time${query}`, headers: { cookie: s.cookie } });
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as Report;
  };

  test('per unit and category, open overdue cases count against the rate (never 100 % while one is open)', async () => {
    const report = await read('admin@gandan.local');
    const expected = (unit: string, category: string | null) => {
      const rows = TABLE.filter((x) => x.unit === unit && x.category === category);
      const n = (k: string) => rows.filter((x) => x.counts === k).length;
      return { closedOnTime: n('on_time'), closedLate: n('late'), openPastDue: n('open_past_due') };
    };
    assert.deepEqual(
      report.rows.map((r) => ({ unit: r.unit.code, category: r.category, closedOnTime: r.closedOnTime, closedLate: r.closedLate, openPastDue: r.openPastDue, rate: r.rate })),
      [
        { unit: '26740', category: 'den_duong', ...expected('26740', 'den_duong'), rate: 0.25 },
        { unit: '26740', category: 'rac_thai', ...expected('26740', 'rac_thai'), rate: 1 },
        { unit: '26800', category: null, ...expected('26800', null), rate: 0 },
      ],
    );
    assert.deepEqual(report.total, { closedOnTime: 2, closedLate: 1, openPastDue: 3, rate: 2 / 6 });
  });

  test("a ward officer sees only the ward's subtree", async () => {
    const report = await read('canbo.saigon@gandan.local');
    assert.deepEqual([...new Set(report.rows.map((r) => r.unit.code))], ['26740']);
  });

  test('a period cut mid-day counts the partial days from the cases and the whole days from the daily counts', async () => {
    // 10 November 12:00 → 15 November 12:00 (Vietnam): the on-time resolution at 17:00 on the 10th is inside; the
    // late closing at 17:00 on the 15th is not (then the case was open past due, as was the other ward's).
    const report = await read('admin@gandan.local', '?from=2026-11-10T12:00:00%2B07:00&to=2026-11-15T12:00:00%2B07:00');
    assert.deepEqual(report.total, { closedOnTime: 1, closedLate: 0, openPastDue: 2, rate: 1 / 3 });
    const wide = await read('admin@gandan.local', '?from=2026-11-05T16:00:00%2B07:00&to=2026-11-15T18:00:00%2B07:00');
    assert.deepEqual(wide.total, { closedOnTime: 1 + 1, closedLate: 1, openPastDue: 1, rate: 2 / 4 });
  });

  test('a period still running counts cases overdue now; a bad period is refused', async () => {
    const running = await read('admin@gandan.local', '?from=2026-11-01');
    const den = running.rows.find((r) => r.category === 'den_duong');
    // Now (5 December) the late-resolved case is closed late, no longer open.
    assert.deepEqual(den && [den.closedOnTime, den.closedLate, den.openPastDue], [1, 2, 1]);
    const s = await t.login('admin@gandan.local');
    const bad = await t.app.inject({ url: '/api/staff/reports/on-time?from=2026-12-01&to=2026-11-01', headers: { cookie: s.cookie } });
    assert.equal(bad.statusCode, 400);
  });

  test('the daily counts follow every change of a finished case (reopened, moved, recategorised, deadline changed)', async () => {
    const recomputed = `SELECT unit_id, coalesce(category, '') AS category, on_time_day(coalesce(resolved_at, closed_at)) AS day,
                               count(*) FILTER (WHERE coalesce(resolved_at, closed_at) <= due_at)::int AS on_time,
                               count(*) FILTER (WHERE coalesce(resolved_at, closed_at) > due_at)::int AS late
                          FROM cases WHERE status IN ('resolved', 'closed', 'rejected') AND due_at IS NOT NULL AND coalesce(resolved_at, closed_at) IS NOT NULL
                         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    const kept = "SELECT unit_id, category, day, on_time, late FROM on_time_daily WHERE on_time <> 0 OR late <> 0 ORDER BY 1, 2, 3";
    const same = async (step: string) => assert.deepEqual(await t.ctx.db.query(kept), await t.ctx.db.query(recomputed), step);
    await same('after the table was loaded');
    const [ward] = await t.ctx.db.query<{ id: string }>("SELECT id FROM units WHERE code = '26800'");
    const steps: [string, string][] = [
      ['reopened', "UPDATE cases SET status = 'in_progress', resolved_at = NULL WHERE description = 'resolved before due'"],
      ['resolved again, late', "UPDATE cases SET status = 'resolved', resolved_at = '2026-11-20T10:00:00Z' WHERE description = 'resolved before due'"],
      ['moved to another ward', `UPDATE cases SET unit_id = '${ward!.id}' WHERE description = 'closed after due'`],
      ['recategorised', "UPDATE cases SET category = NULL WHERE description = 'other category, on time'"],
      ['deadline extended', "UPDATE cases SET due_at = '2026-11-16T10:00:00Z' WHERE description = 'closed after due'"],
      ['rejected at once', "UPDATE cases SET status = 'rejected', closed_at = '2026-11-04T01:00:00Z' WHERE description = 'other ward, unclassified, overdue'"],
      ['an unrelated change', "UPDATE cases SET is_urgent = true WHERE description LIKE 'resolved%'"],
    ];
    for (const [step, sql] of steps) {
      await t.ctx.db.query(sql);
      await same(step);
    }
  });
});
