import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { cryptoRandom, type CommandContext } from '../../src/commands/context.ts';
import { computeDueTime } from '../../src/commands/compute-due-time.ts';
import { editCalendarDay } from '../../src/commands/edit-calendar-day.ts';
import { pauseCaseClock } from '../../src/commands/pause-case-clock.ts';
import { prepareDatabase } from '../../src/commands/prepare-database.ts';
import { resumeCaseClock } from '../../src/commands/resume-case-clock.ts';
import { setCaseDeadline } from '../../src/commands/set-case-deadline.ts';
import { setWorkingHours } from '../../src/commands/set-working-hours.ts';
import { sweepDeadlines } from '../../src/commands/sweep-deadlines.ts';
import { listClockPauses } from '../../src/db/repositories/case-clocks.repo.ts';
import { listCaseNotifications, listStaffNotifications } from '../../src/db/repositories/staff-notifications.repo.ts';
import { findStaffById } from '../../src/db/repositories/staff.repo.ts';
import { seedCalendar } from '../../src/db/seed/seed-calendar.ts';
import { formatVietnamTime } from '../../src/domain/deadline/local-date.ts';
import { renderStaffNotification } from '../../src/i18n/deadline-messages.ts';
import { manualClock } from '../../src/lib/clock.ts';
import { describeEachEngine } from '../fresh-db.ts';
import { at, insertCase, insertStaff } from './deadline-fixtures.ts';

const H = 3_600_000;

describeEachEngine(
  'deadlines on the database',
  (fresh) => {
    let ctx: CommandContext;
    const staff: Record<string, string> = {};
    before(async () => {
      const { db } = fresh();
      ctx = { db, clock: manualClock(at('2026-03-02T09:00')), random: cryptoRandom, publicUrl: 'https://gandan.test', notifyOutbox: () => undefined };
      staff.officer = await insertStaff(db, 'officer@w.test', 'officer', '26740');
      staff.head = await insertStaff(db, 'head@w.test', 'unit_admin', '26740');
      staff.gone = await insertStaff(db, 'gone@w.test', 'unit_admin', '26740', false);
      staff.cityOfficer = await insertStaff(db, 'officer@city.test', 'officer', '79');
      staff.cityAdmin = await insertStaff(db, 'admin@city.test', 'city_admin', '79');
      staff.otherWard = await insertStaff(db, 'officer@other.test', 'officer', '26800');
    });
    const actor = async (key: string) => {
      const s = await findStaffById(fresh().db, staff[key] ?? '');
      if (!s) throw new Error(key);
      return s;
    };
    const nameOf = (id: string) => Object.entries(staff).find(([, v]) => v === id)?.[0];

    test('the calendar is seeded once from the data; a second seed writes nothing', async () => {
      const { db } = fresh();
      const [days] = await db.query<{ n: number; inactive: number }>('SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT is_active)::int AS inactive FROM calendar_days');
      assert.deepEqual(days, { n: 57, inactive: 3 });
      const [hours] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM unit_working_hours WHERE unit_id IS NULL');
      assert.equal(hours?.n, 10);
      assert.deepEqual(await seedCalendar(db), { written: 0 });
    });

    test('a city administrator edits a day; the edit survives the next seed; others may not edit', async () => {
      const { db } = fresh();
      await editCalendarDay(ctx, await actor('cityAdmin'), { on: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề) — đã kiểm tra', isActive: false });
      await editCalendarDay(ctx, await actor('cityAdmin'), { on: '2026-09-03', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' });
      await seedCalendar(db);
      const rows = await db.query<{ day: string; is_active: boolean; origin: string }>("SELECT on_date::text AS day, is_active, origin FROM calendar_days WHERE on_date IN ('2026-09-01', '2026-09-03') ORDER BY on_date");
      assert.deepEqual(rows, [{ day: '2026-09-01', is_active: false, origin: 'admin' }, { day: '2026-09-03', is_active: true, origin: 'admin' }]);
      assert.equal(formatVietnamTime(await computeDueTime(db, { from: at('2026-08-31T10:00'), workingDays: 1 })), '2026-09-01T17:00:00+07:00');
      await assert.rejects(editCalendarDay(ctx, await actor('head'), { on: '2026-09-04', kind: 'day_off', name: 'x' }), /FORBIDDEN/);
      await assert.rejects(editCalendarDay(ctx, await actor('cityAdmin'), { on: '2026-02-30', kind: 'day_off', name: 'x' }), /VALIDATION_FAILED/);
    });

    test('a unit calendar: its own make-up day and Saturday hours; the city calendar is unchanged', async () => {
      const { db } = fresh();
      await editCalendarDay(ctx, await actor('cityAdmin'), { unitCode: '26800', on: '2026-02-16', kind: 'working_day', name: 'Trực Tết' });
      const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, startMinute: 450, endMinute: 690 }, { weekday, startMinute: 780, endMinute: 1020 }]);
      await setWorkingHours(ctx, await actor('otherWard').then((s) => ({ ...s, role: 'unit_admin' as const })), { unitCode: '26800', hours: [...weekdays, { weekday: 6, startMinute: 450, endMinute: 690 }] });
      assert.equal(formatVietnamTime(await computeDueTime(db, { from: at('2026-02-12T10:00'), workingDays: 3 })), '2026-02-24T17:00:00+07:00');
      assert.equal(formatVietnamTime(await computeDueTime(db, { from: at('2026-02-12T10:00'), workingDays: 3, unitCode: '26800' })), '2026-02-16T17:00:00+07:00');
      assert.equal(formatVietnamTime(await computeDueTime(db, { from: at('2026-03-05T10:00'), workingDays: 2, unitCode: '26800' })), '2026-03-07T11:30:00+07:00');
      await assert.rejects(setWorkingHours(ctx, await actor('head'), { unitCode: '26800', hours: weekdays }), /UNIT_NOT_FOUND/);
      await assert.rejects(setWorkingHours(ctx, await actor('cityAdmin'), { unitCode: '26800', hours: [{ weekday: 1, startMinute: 600, endMinute: 500 }] }), /VALIDATION_FAILED/);
      await assert.rejects(computeDueTime(db, { from: at('2026-03-05T10:00'), days: 1, unitCode: 'NOPE' }), /UNIT_NOT_FOUND/);
    });

    test('setCaseDeadline stores the due time, the rule and the milestones', async () => {
      const { db } = fresh();
      const id = await insertCase(db, { type: 'phan_anh', category: 'mat_duong', unitCode: '26740', createdAt: at('2026-03-02T09:00') });
      const d = await db.transaction((tx) => setCaseDeadline(tx, id));
      assert.equal(d.ruleId, 'phan-anh-mat-duong');
      assert.match(d.legalBasis, /1022/);
      const [row] = await db.query<{ due_at: Date; due_soon_at: Date; escalate_parent_at: Date; escalate_city_at: Date; deadline_rule: string }>('SELECT * FROM cases WHERE id = $1', [id]);
      assert.equal(formatVietnamTime(row?.due_at ?? 0), '2026-03-09T17:00:00+07:00');
      assert.equal(formatVietnamTime(row?.due_soon_at ?? 0), '2026-03-09T07:30:00+07:00');
      assert.equal(formatVietnamTime(row?.escalate_parent_at ?? 0), '2026-03-11T17:00:00+07:00');
      assert.equal(formatVietnamTime(row?.escalate_city_at ?? 0), '2026-03-16T17:00:00+07:00');
      const complaint = await insertCase(db, { type: 'khieu_nai', unitCode: '26740', createdAt: at('2026-03-02T09:00') });
      const c = await db.transaction((tx) => setCaseDeadline(tx, complaint, { complexity: 'complex' }));
      assert.equal(formatVietnamTime(c.dueAt), '2026-04-16T17:00:00+07:00');
      assert.equal(c.pausable, false);
    });

    // Issue #5: triage stores procedure topics ('khai_sinh'), the rules know national codes ('1.001193').
    const TOPICS: [type: string, procedure: string, rule: string, due: string][] = [
      ['thu_tuc', 'khai_sinh', 'thu-tuc-1.001193', '2026-03-02T17:00:00+07:00'],
      ['thu_tuc', 'ket_hon', 'thu-tuc-1.000894', '2026-03-02T17:00:00+07:00'],
      ['thu_tuc', 'khai_tu', 'thu-tuc-1.000656', '2026-03-02T17:00:00+07:00'],
      ['thu_tuc', 'trich_luc_ho_tich', 'thu-tuc-2.000635', '2026-03-02T17:00:00+07:00'],
      ['thu_tuc', 'xac_nhan_tinh_trang_hon_nhan', 'thu-tuc-1.004873', '2026-03-05T17:00:00+07:00'],
      ['thu_tuc', 'chung_thuc_ban_sao', 'thu-tuc-2.000815', '2026-03-02T17:00:00+07:00'],
      ['thu_tuc', 'chung_thuc_chu_ky', 'thu-tuc-2.000884', '2026-03-02T17:00:00+07:00'],
      ['thu_tuc', 'ho_kinh_doanh', 'thu-tuc-1.001612', '2026-03-05T17:00:00+07:00'],
      // Residence: temporary (3 working days) is listed first, as the most common; permanent needs the exact code.
      ['thu_tuc', 'cu_tru', 'thu-tuc-1.004194', '2026-03-05T17:00:00+07:00'],
      ['thu_tuc', '1.004222', 'thu-tuc-1.004222', '2026-03-11T17:00:00+07:00'],
      // Topics handled outside the ward catalogue have no procedure rule: the default applies.
      ['thu_tuc', 'bhyt', 'default', '2026-03-16T17:00:00+07:00'],
      ['thu_tuc', 'dat_dai_so_do', 'default', '2026-03-16T17:00:00+07:00'],
      ['thu_tuc', 'giay_phep_xay_dung', 'default', '2026-03-16T17:00:00+07:00'],
      ['thu_tuc', 'other', 'default', '2026-03-16T17:00:00+07:00'],
      // A question about a procedure is answered as a question, not processed as the procedure.
      ['hoi_dap', 'khai_sinh', 'hoi-dap', '2026-03-09T17:00:00+07:00'],
    ];
    test('#5 a triaged procedure request gets its procedure\'s processing time (topic → national code → rule)', async () => {
      const { db } = fresh();
      const got: string[][] = [];
      for (const [type, procedureCode] of TOPICS) {
        const id = await insertCase(db, { type, procedureCode, unitCode: '26740', createdAt: at('2026-03-02T09:00') });
        const d = await db.transaction((tx) => setCaseDeadline(tx, id));
        const [stored] = await db.query<{ deadline_rule: string; procedure_code: string }>('SELECT deadline_rule, procedure_code FROM cases WHERE id = $1', [id]);
        assert.equal(stored?.procedure_code, procedureCode, 'the triage label stays as it was');
        got.push([type, procedureCode, stored?.deadline_rule ?? '', formatVietnamTime(d.dueAt)]);
      }
      assert.deepEqual(got, TOPICS);
    });

    test('pause and resume: the working time paused moves the deadline and every pause is recorded', async () => {
      const { db } = fresh();
      const id = await insertCase(db, { type: 'thu_tuc', procedureCode: '1.004194', unitCode: '26740', createdAt: at('2026-03-02T09:00') });
      const d = await db.transaction((tx) => setCaseDeadline(tx, id));
      assert.equal(formatVietnamTime(d.dueAt), '2026-03-05T17:00:00+07:00');
      assert.deepEqual(await db.transaction((tx) => pauseCaseClock(tx, id, { at: at('2026-03-03T16:00'), staffId: staff.officer, reason: 'thiếu giấy tờ' })), { kind: 'paused' });
      assert.deepEqual(await db.transaction((tx) => pauseCaseClock(tx, id, { at: at('2026-03-03T16:30') })), { kind: 'already_paused' });
      // Paused over Tuesday evening to Wednesday 09:00: 1 h + 1.5 h of working time.
      const r = await db.transaction((tx) => resumeCaseClock(tx, id, { at: at('2026-03-04T09:00'), staffId: staff.officer }));
      assert.equal(r.kind, 'resumed');
      assert.equal(r.kind === 'resumed' && r.pausedWorkingMs, 2.5 * H);
      assert.equal(r.kind === 'resumed' && formatVietnamTime(r.dueAt), '2026-03-06T10:00:00+07:00');
      // A pause over a weekend outside hours adds nothing.
      await db.transaction((tx) => pauseCaseClock(tx, id, { at: at('2026-03-06T17:00') }));
      const r2 = await db.transaction((tx) => resumeCaseClock(tx, id, { at: at('2026-03-09T07:30') }));
      assert.equal(r2.kind === 'resumed' && r2.pausedWorkingMs, 0);
      assert.deepEqual(await db.transaction((tx) => resumeCaseClock(tx, id, { at: at('2026-03-09T08:00') })), { kind: 'not_paused' });
      const pauses = await listClockPauses(db, id);
      assert.deepEqual(pauses.map((p) => [formatVietnamTime(p.pausedAt), p.resumedAt && formatVietnamTime(p.resumedAt), p.pausedWorkingMs, p.reason]), [
        ['2026-03-03T16:00:00+07:00', '2026-03-04T09:00:00+07:00', 2.5 * H, 'thiếu giấy tờ'],
        ['2026-03-06T17:00:00+07:00', '2026-03-09T07:30:00+07:00', 0, null],
      ]);
      const [row] = await db.query<{ paused_ms: number; due_at: Date }>('SELECT paused_ms, due_at FROM cases WHERE id = $1', [id]);
      assert.equal(row?.paused_ms, 2.5 * H);
      // Reclassifying keeps the paused time.
      await db.query("UPDATE cases SET procedure_code = '1.004222' WHERE id = $1", [id]);
      const again = await db.transaction((tx) => setCaseDeadline(tx, id, { now: at('2026-03-09T08:00') }));
      assert.equal(formatVietnamTime(again.dueAt), '2026-03-12T10:00:00+07:00');
    });

    test('a complaint clock does not pause (Luật Khiếu nại has no such stop)', async () => {
      const { db } = fresh();
      const id = await insertCase(db, { type: 'khieu_nai', unitCode: '26740', createdAt: at('2026-03-02T09:00') });
      await db.transaction((tx) => setCaseDeadline(tx, id));
      const r = await db.transaction((tx) => pauseCaseClock(tx, id, { at: at('2026-03-03T10:00') }));
      assert.deepEqual(r, { kind: 'not_pausable', ruleId: 'khieu-nai' });
      assert.deepEqual(await listClockPauses(db, id), []);
      const none = await insertCase(db, { type: 'phan_anh', unitCode: '26740', createdAt: at('2026-03-02T09:00') });
      assert.deepEqual(await db.transaction((tx) => pauseCaseClock(tx, none, { at: at('2026-03-03T10:00') })), { kind: 'no_deadline' });
    });

    test('the escalation ladder: assignee → unit head → parent unit → city administrators, each once', async () => {
      const { db } = fresh();
      await db.query('UPDATE cases SET status = $1', ['closed']); // only this test's case is open
      const id = await insertCase(db, { type: 'phan_anh', category: 'chieu_sang', unitCode: '26740', createdAt: at('2026-04-06T09:00'), assigneeId: staff.officer });
      await db.transaction((tx) => setCaseDeadline(tx, id)); // due Mon 13/4 17:00
      const step = async (when: string) => sweepDeadlines(ctx, at(when));
      const recipients = async (level: number) => (await listCaseNotifications(db, id)).filter((n) => n.level === level).map((n) => nameOf(n.staffId)).sort();

      assert.equal((await step('2026-04-13T07:00')).due_soon, 0);
      assert.equal((await step('2026-04-13T07:30')).due_soon, 1);
      assert.deepEqual(await recipients(0), ['officer']);
      assert.equal((await step('2026-04-13T17:00')).overdue, 1);
      assert.deepEqual(await recipients(1), ['head', 'officer']);
      // +2 working days: Wed 15/4 17:00; +5: Mon 20/4 17:00 (no holidays in between).
      assert.equal((await step('2026-04-15T16:59')).escalate_parent, 0);
      assert.equal((await step('2026-04-15T17:00')).escalate_parent, 1);
      assert.deepEqual(await recipients(2), ['cityAdmin', 'cityOfficer']);
      assert.equal((await step('2026-04-20T17:00')).escalate_city, 1);
      assert.deepEqual(await recipients(3), ['cityAdmin']);
      const again = await step('2026-05-20T17:00');
      assert.deepEqual(again, { due_soon: 0, overdue: 0, escalate_parent: 0, escalate_city: 0, notifications: 0 });

      const [n] = await listStaffNotifications(db, staff.officer ?? '', { unreadOnly: true });
      assert.ok(n);
      assert.match(renderStaffNotification(n, 'vi'), /^Hồ sơ GD-T\w+ \(.+\) đã quá hạn xử lý \(hạn 17:00 13\/04\/2026\)\.$/);
      assert.match(renderStaffNotification(n, 'en'), /is overdue/);
    });

    test('no assignee: the unit heads hear of the due-soon step; a paused case is skipped until resumed', async () => {
      const { db } = fresh();
      await db.query('UPDATE cases SET status = $1', ['closed']);
      const id = await insertCase(db, { type: 'phan_anh', category: 'cay_xanh', unitCode: '26740', createdAt: at('2026-04-06T09:00') });
      await db.transaction((tx) => setCaseDeadline(tx, id));
      await db.transaction((tx) => pauseCaseClock(tx, id, { at: at('2026-04-10T09:00') }));
      assert.equal((await sweepDeadlines(ctx, at('2026-04-13T18:00'))).overdue, 0);
      await db.transaction((tx) => resumeCaseClock(tx, id, { at: at('2026-04-13T18:00') })); // 12 working hours later: due Wed 15/4 13:30
      assert.equal((await sweepDeadlines(ctx, at('2026-04-14T18:00'))).due_soon, 1);
      assert.deepEqual((await listCaseNotifications(db, id)).map((n) => nameOf(n.staffId)), ['head']);
    });

    test('two sweeps in parallel notify each case once', async () => {
      const { db } = fresh();
      await db.query('UPDATE cases SET status = $1', ['closed']);
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        const id = await insertCase(db, { type: 'phan_anh', category: 'mat_duong', unitCode: '26740', createdAt: at('2026-05-04T09:00'), assigneeId: staff.officer });
        await db.transaction((tx) => setCaseDeadline(tx, id));
        ids.push(id);
      }
      const now = at('2026-05-14T09:00'); // due Mon 11/5 17:00: overdue and past the parent step (13/5 17:00), before the city step (18/5)
      const [a, b] = await Promise.all([sweepDeadlines(ctx, now, { batchSize: 7 }), sweepDeadlines(ctx, now, { batchSize: 7 })]);
      assert.equal((a?.overdue ?? 0) + (b?.overdue ?? 0), 40);
      assert.equal((a?.escalate_parent ?? 0) + (b?.escalate_parent ?? 0), 40);
      const [counts] = await db.query<{ n: number; distinct_n: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT (staff_id, case_id, kind, level))::int AS distinct_n FROM staff_notifications WHERE case_id = ANY($1::uuid[])',
        [ids],
      );
      // Per case: overdue → officer + head (the due-soon step is folded into overdue); parent → city officer + city admin.
      assert.deepEqual(counts, { n: 40 * 4, distinct_n: 40 * 4 });
      assert.deepEqual(await sweepDeadlines(ctx, now), { due_soon: 0, overdue: 0, escalate_parent: 0, escalate_city: 0, notifications: 0 });
    });
  },
  async (f) => {
    await prepareDatabase(f.db);
  },
);
