import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CalendarYear, SettingsChange } from '../../../../../contracts/api.ts';
import { loadUnitCalendar } from '../../../commands/load-unit-calendar.ts';
import { verifyAuditChain } from '../../../commands/verify-audit-chain.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';

type Session = Awaited<ReturnType<TestApp['login']>>;
const WEEKDAYS = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: 450, endMinute: 690 },
  { weekday, startMinute: 780, endMinute: 1020 },
]);

describeEachEngine('working calendar and working hours in the console', (db) => {
  let t: TestApp;
  let admin: Session;
  let unitAdmin: Session;
  let officer: Session;
  const get = (s: Session, url: string) => t.app.inject({ url, headers: { cookie: s.cookie } });
  const put = (s: Session, url: string, payload: unknown) =>
    t.app.inject({ method: 'PUT', url, headers: s.headers, payload: payload as object });
  const year = async (s: Session, query: string) => {
    const res = await get(s, `/api/staff/calendar?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as CalendarYear;
  };
  const error = (r: { json(): unknown }) => (r.json() as { error: { code: string } }).error.code;
  const snapshot = async () =>
    JSON.stringify(await t.ctx.db.query('SELECT * FROM calendar_days ORDER BY id')) +
    JSON.stringify(await t.ctx.db.query('SELECT * FROM unit_working_hours ORDER BY id'));

  before(async () => {
    t = await buildTestApp(db());
    admin = await t.login('admin@gandan.local');
    unitAdmin = await t.login('truongphong.saigon@gandan.local');
    officer = await t.login('canbo.saigon@gandan.local');
  });

  test('a year shows every day, working or not and why: weekends, Tết, the 2/9 holidays, with the shipped names', async () => {
    const y = await year(officer, 'year=2026');
    assert.equal(y.days.length, 365);
    const day = (on: string) => y.days.find((d) => d.on === on);
    assert.deepEqual(day('2026-01-01'), { on: '2026-01-01', isWorking: false, reason: 'holiday' });
    assert.deepEqual(day('2026-01-03'), { on: '2026-01-03', isWorking: false, reason: 'weekend' });
    assert.deepEqual(day('2026-01-05'), { on: '2026-01-05', isWorking: true, reason: null });
    assert.deepEqual(day('2026-09-02'), { on: '2026-09-02', isWorking: false, reason: 'holiday' });
    const tet = y.entries.filter((e) => e.kind === 'holiday' && e.isActive && e.name.startsWith('Tết Âm lịch'));
    assert.equal(tet.length, 5, JSON.stringify(tet));
    assert.ok(tet.every((e) => e.nameEn && e.scope === 'city' && e.origin === 'seed'));
    assert.deepEqual([y.canEditDays, y.canEditHours], [false, false]);
    assert.deepEqual(
      [(await year(admin, 'year=2026')).canEditDays, (await year(unitAdmin, 'year=2026&unitCode=26740')).canEditHours],
      [true, true],
    );
    // Another ward's calendar reads as an unknown unit (issue #5 access matrix: no cross-unit read).
    assert.equal(error(await get(unitAdmin, '/api/staff/calendar?year=2026&unitCode=26800')), 'UNIT_NOT_FOUND');
    assert.equal(error(await get(officer, '/api/staff/calendar?year=2026&unitCode=00000')), 'UNIT_NOT_FOUND');
    assert.equal(error(await get(officer, '/api/staff/calendar?year=1900')), 'VALIDATION_FAILED');
  });

  test('a city administrator adds a make-up working day and switches a holiday off, with a note; deadlines use it at once; both are audited', async () => {
    const makeUp = await put(admin, '/api/staff/calendar/days/2026-10-10', {
      kind: 'working_day',
      name: 'Làm bù',
      nameEn: 'Make-up working day',
      note: 'Quyết định số 1/2026 của UBND Thành phố',
      isActive: true,
    });
    assert.equal(makeUp.statusCode, 200, makeUp.body);
    assert.deepEqual((makeUp.json() as { origin: string; basis: string }).basis, 'Quyết định số 1/2026 của UBND Thành phố');
    const off = await put(admin, '/api/staff/calendar/days/2026-09-01', {
      kind: 'holiday',
      name: 'Quốc khánh (ngày liền kề)',
      note: 'Ngày liền kề năm 2026 là 2/9–3/9',
      isActive: false,
    });
    assert.equal(off.statusCode, 200, off.body);

    const y = await year(officer, 'year=2026');
    assert.deepEqual(
      y.days.find((d) => d.on === '2026-10-10'),
      { on: '2026-10-10', isWorking: true, reason: 'working_day' },
    );
    assert.equal(y.days.find((d) => d.on === '2026-09-01')?.isWorking, true);
    assert.equal(y.entries.find((e) => e.on === '2026-09-01')?.isActive, false, 'switched off, not deleted');
    const calendar = await loadUnitCalendar(t.ctx.db, null);
    assert.equal(calendar.isWorkingDay('2026-10-10'), true);

    const history = (await get(officer, '/api/staff/settings/history?area=calendar')).json() as SettingsChange[];
    assert.deepEqual(
      history.slice(0, 2).map((h) => [h.action, h.payload.on, h.payload.note]),
      [
        ['calendar.day_edited', '2026-09-01', 'Ngày liền kề năm 2026 là 2/9–3/9'],
        ['calendar.day_edited', '2026-10-10', 'Quyết định số 1/2026 của UBND Thành phố'],
      ],
    );
    assert.equal((history[0]!.payload.before as { isActive: boolean; origin: string }).origin, 'seed');
    assert.equal(history[1]!.payload.before, null);
    assert.equal((await verifyAuditChain(t.ctx)).firstBreak, null);
  });

  test('only a city administrator edits days; bad input changes nothing', async () => {
    const before = await snapshot();
    const day = { kind: 'day_off', name: 'Nghỉ', note: 'Thử', isActive: true };
    assert.equal(error(await put(unitAdmin, '/api/staff/calendar/days/2026-10-12', { ...day, unitCode: '26740' })), 'FORBIDDEN');
    assert.equal(error(await put(officer, '/api/staff/calendar/days/2026-10-12', day)), 'FORBIDDEN');
    assert.equal(error(await put(admin, '/api/staff/calendar/days/2026-02-30', day)), 'VALIDATION_FAILED');
    assert.equal(error(await put(admin, '/api/staff/calendar/days/2026-10-12', { ...day, note: '' })), 'VALIDATION_FAILED');
    assert.equal(error(await put(admin, '/api/staff/calendar/days/2026-10-12', { ...day, kind: 'party' })), 'VALIDATION_FAILED');
    assert.equal(error(await put(admin, '/api/staff/calendar/days/2026-10-12', { ...day, unitCode: '00000' })), 'UNIT_NOT_FOUND');
    assert.equal(await snapshot(), before);
  });

  test('a unit administrator sets their own unit’s hours, not another unit’s nor the city’s; a city administrator sets any', async () => {
    const before = await snapshot();
    const saturdayToo = [...WEEKDAYS, { weekday: 6, startMinute: 450, endMinute: 690 }];
    // Another unit reads as an unknown one (issue #5 access matrix).
    assert.equal(
      error(await put(unitAdmin, '/api/staff/calendar/hours', { unitCode: '26800', hours: saturdayToo })),
      'UNIT_NOT_FOUND',
    );
    assert.equal(error(await put(unitAdmin, '/api/staff/calendar/hours', { hours: saturdayToo })), 'FORBIDDEN');
    assert.equal(error(await put(officer, '/api/staff/calendar/hours', { unitCode: '26740', hours: saturdayToo })), 'FORBIDDEN');
    assert.equal(
      error(
        await put(admin, '/api/staff/calendar/hours', {
          unitCode: '26740',
          hours: [{ weekday: 1, startMinute: 600, endMinute: 500 }],
        }),
      ),
      'VALIDATION_FAILED',
    );
    assert.equal(
      error(
        await put(admin, '/api/staff/calendar/hours', {
          unitCode: '26740',
          hours: [
            { weekday: 1, startMinute: 450, endMinute: 700 },
            { weekday: 1, startMinute: 690, endMinute: 900 },
          ],
        }),
      ),
      'VALIDATION_FAILED',
    );
    assert.equal(await snapshot(), before);

    assert.equal((await put(unitAdmin, '/api/staff/calendar/hours', { unitCode: '26740', hours: saturdayToo })).statusCode, 204);
    const own = await year(officer, 'year=2026&unitCode=26740');
    assert.equal(own.hours.isOwn, true);
    assert.equal(own.days.find((d) => d.on === '2026-01-03')?.isWorking, true, 'Saturday is now a working day of the ward');
    assert.equal((await year(admin, 'year=2026&unitCode=26800')).days.find((d) => d.on === '2026-01-03')?.isWorking, false);
    assert.equal((await put(admin, '/api/staff/calendar/hours', { unitCode: '26800', hours: saturdayToo })).statusCode, 204);
    assert.equal((await put(admin, '/api/staff/calendar/hours', { unitCode: '26740', hours: [] })).statusCode, 204);
    assert.equal(
      (await year(officer, 'year=2026&unitCode=26740')).hours.isOwn,
      false,
      'an empty list returns the unit to the city’s hours',
    );
    const history = (await get(admin, '/api/staff/settings/history?area=calendar')).json() as SettingsChange[];
    assert.deepEqual(
      history.slice(0, 3).map((h) => [h.action, h.payload.unitCode, h.actorName]),
      [
        ['calendar.hours_set', '26740', 'Quản trị Thành phố'],
        ['calendar.hours_set', '26800', 'Quản trị Thành phố'],
        ['calendar.hours_set', '26740', 'Lê Thị Hoa'],
      ],
    );
  });
});
