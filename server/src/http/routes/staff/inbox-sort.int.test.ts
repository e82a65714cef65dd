import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

type Page = {
  items: { trackingCode: string; status: string; dueAt: string | null; unit: { code: string } }[];
  nextCursor: string | null;
};

// Cases of Phường Sài Gòn with their deadlines (null: no rule applies); the deadline order is by due time, then
// the cases without one.
const TABLE: { text: string; due: string | null; status: string }[] = [
  { text: 'Hạn xa', due: '2026-12-20T10:00:00Z', status: 'in_progress' },
  { text: 'Không có hạn', due: null, status: 'new' },
  { text: 'Quá hạn', due: '2026-11-20T10:00:00Z', status: 'assigned' },
  { text: 'Hạn gần', due: '2026-12-06T10:00:00Z', status: 'in_progress' },
  { text: 'Đã đóng, hạn sớm nhất', due: '2026-11-01T10:00:00Z', status: 'closed' },
  { text: 'Hạn gần, cùng lúc', due: '2026-12-06T10:00:00Z', status: 'waiting_citizen' },
  { text: 'Cũng không có hạn', due: null, status: 'assigned' },
];

describeEachEngine('inbox sorted by deadline', (db) => {
  let t: TestApp;
  const codeOf = new Map<string, string>();
  const idOf = new Map<string, string>();
  // The expected order: due time, cases without one last, ties by id (uuid order is the order of its hex text).
  const expected = (rows: typeof TABLE) =>
    [...rows]
      .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || idOf.get(a.text)!.localeCompare(idOf.get(b.text)!))
      .map((r) => r.text);
  before(async () => {
    t = await buildTestApp(db());
    for (const row of TABLE) {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: row.text, unitCode: '26740' } });
      const code = (r.json() as { trackingCode: string }).trackingCode;
      codeOf.set(code, row.text);
      const [c] = await t.ctx.db.query<{ id: string }>(
        'UPDATE cases SET due_at = $2, status = $3 WHERE tracking_code = $1 RETURNING id',
        [code, row.due, row.status],
      );
      idOf.set(row.text, c!.id);
    }
    // A case of another ward, outside the Sài Gòn head's scope, due before all of them.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      payload: { text: 'Phường khác', unitCode: '26800' },
    });
    await t.ctx.db.query("UPDATE cases SET due_at = '2026-10-01T00:00:00Z' WHERE tracking_code = $1", [
      (other.json() as { trackingCode: string }).trackingCode,
    ]);
  });

  const pages = async (email: string, query: string, limit: number) => {
    const s = await t.login(email);
    const seen: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/staff/cases?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await t.app.inject({ url, headers: s.headers });
      assert.equal(r.statusCode, 200, r.body);
      const page = r.json() as Page;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  test('open cases come nearest deadline first, those without one last, page after page', async () => {
    for (const limit of [1, 2, 3, 50]) {
      const seen = await pages('truongphong.saigon@gandan.local', 'view=open&sort=due', limit);
      const texts = seen.map((i) => codeOf.get(i.trackingCode));
      assert.deepEqual(texts, expected(TABLE.filter((r) => r.status !== 'closed')), `limit ${limit}`);
      assert.equal(texts[0], 'Quá hạn');
      assert.equal(seen[0]!.dueAt, '2026-11-20T10:00:00.000Z');
      assert.equal(seen.at(-1)!.dueAt, null);
    }
  });

  test('filters apply with the deadline order; the whole unit includes finished cases by their deadline', async () => {
    const inProgress = await pages('truongphong.saigon@gandan.local', 'view=unit&status=in_progress&sort=due', 1);
    assert.deepEqual(
      inProgress.map((i) => codeOf.get(i.trackingCode)),
      ['Hạn gần', 'Hạn xa'],
    );
    const all = await pages('truongphong.saigon@gandan.local', 'view=unit&sort=due', 2);
    assert.deepEqual(
      all.map((i) => codeOf.get(i.trackingCode)),
      expected(TABLE),
    );
    assert.equal(all[0]!.status, 'closed');
    assert.ok(all.every((i) => i.unit.code === '26740'));
  });

  test('a city administrator sees every unit in one deadline order', async () => {
    const seen = await pages('admin@gandan.local', 'view=open&sort=due', 2);
    assert.equal(seen[0]!.unit.code, '26800');
    assert.equal(seen.length, TABLE.filter((r) => r.status !== 'closed').length + 1);
  });

  test('a cursor of one order is refused by the other', async () => {
    const s = await t.login('truongphong.saigon@gandan.local');
    const byDue = (await t.app.inject({ url: '/api/staff/cases?view=open&sort=due&limit=1', headers: s.headers })).json() as Page;
    const newest = (await t.app.inject({ url: '/api/staff/cases?view=open&limit=1', headers: s.headers })).json() as Page;
    assert.equal(
      (await t.app.inject({ url: `/api/staff/cases?view=open&limit=1&cursor=${byDue.nextCursor}`, headers: s.headers }))
        .statusCode,
      400,
    );
    assert.equal(
      (await t.app.inject({ url: `/api/staff/cases?view=open&sort=due&limit=1&cursor=${newest.nextCursor}`, headers: s.headers }))
        .statusCode,
      400,
    );
  });
});
