import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sealAllAudit } from '../../../commands/seal-audit-log.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

describeEachEngine('inbox: deadline views and bulk actions', (db) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  before(async () => {
    t = await buildTestApp(db());
    for (const name of ['overdue', 'dueSoon', 'later', 'paused', 'closed', 'other']) {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: `Hồ sơ ${name}`, unitCode: name === 'other' ? '26800' : '26740' } });
      const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [(r.json() as { trackingCode: string }).trackingCode]);
      ids[name] = row!.id;
    }
    const now = t.clock.now().getTime();
    const at = (hours: number) => new Date(now + hours * 3_600_000);
    const set = (id: string, due: Date, dueSoon: Date, extra = '') => t.ctx.db.query(`UPDATE cases SET due_at = $2, due_soon_at = $3 ${extra} WHERE id = $1`, [id, due, dueSoon]);
    await set(ids.overdue!, at(-2), at(-26));
    await set(ids.dueSoon!, at(5), at(-1));
    await set(ids.later!, at(72), at(48));
    await set(ids.paused!, at(-5), at(-29), ", status = 'waiting_citizen', clock_paused_at = now()");
    await set(ids.closed!, at(-5), at(-29), ", status = 'closed', closed_at = now()");
  });

  const list = async (email: string, view: string) => {
    const r = await t.app.inject({ url: `/api/staff/cases?view=${view}&sort=due`, headers: (await t.login(email)).headers });
    assert.equal(r.statusCode, 200, r.body);
    return (r.json() as { items: { id: string }[] }).items.map((c) => c.id);
  };

  test('"due soon" and "overdue" list open cases by where their running clock stands, in scope', async () => {
    assert.deepEqual(await list('canbo.saigon@gandan.local', 'overdue'), [ids.overdue]);
    assert.deepEqual(await list('canbo.saigon@gandan.local', 'due_soon'), [ids.dueSoon]);
    assert.deepEqual(await list('canbo.linhxuan@gandan.local', 'overdue'), []);
  });

  test('filters by category and by a unit of the scope (a city administrator), refuses a malformed category', async () => {
    await t.ctx.db.query("UPDATE cases SET category = 'chieu_sang' WHERE id = ANY($1::uuid[])", [[ids.later, ids.other]]);
    const admin = await t.login('admin@gandan.local');
    const get = async (query: string) => t.app.inject({ url: `/api/staff/cases?${query}`, headers: admin.headers });
    const ofCategory = (await (await get('category=chieu_sang')).json()) as { items: { id: string }[] };
    assert.deepEqual(new Set(ofCategory.items.map((c) => c.id)), new Set([ids.later, ids.other]));
    const ofWard = (await (await get('category=chieu_sang&unitCode=26800')).json()) as { items: { id: string }[] };
    assert.deepEqual(ofWard.items.map((c) => c.id), [ids.other]);
    assert.equal((await get('category=DROP%20TABLE')).statusCode, 400);
  });

  test('bulk assign and status change: all cases change, each on its timeline and in the audit', async () => {
    const officer = await t.login('canbo.saigon@gandan.local');
    const [me] = await t.ctx.db.query<{ id: string }>("SELECT id FROM staff_users WHERE email = 'canbo.saigon@gandan.local'");
    const caseIds = [ids.overdue!, ids.dueSoon!, ids.later!];
    const bulk = (payload: Record<string, unknown>, headers = officer.headers) => t.app.inject({ method: 'POST', url: '/api/staff/cases/bulk', headers, payload });
    const assigned = await bulk({ caseIds, action: { kind: 'assign', assigneeId: me!.id } });
    assert.deepEqual([assigned.statusCode, assigned.json()], [200, { changed: 3 }]);
    const again = await bulk({ caseIds, action: { kind: 'assign', assigneeId: me!.id } });
    assert.deepEqual(again.json(), { changed: 0 }, 'cases already so are left alone');
    const moved = await bulk({ caseIds: [...caseIds, ids.overdue], action: { kind: 'status', status: 'in_progress' } });
    assert.deepEqual([moved.statusCode, moved.json()], [200, { changed: 3 }]);
    const rows = await t.ctx.db.query<{ status: string; assignee_id: string }>('SELECT status, assignee_id FROM cases WHERE id = ANY($1::uuid[])', [caseIds]);
    assert.deepEqual(rows.map((r) => [r.status, r.assignee_id]), caseIds.map(() => ['in_progress', me!.id]));
    const [{ n }] = (await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM case_events WHERE case_id = ANY($1::uuid[]) AND kind = 'status.changed' AND data->>'to' = 'in_progress'", [caseIds])) as [{ n: number }];
    assert.equal(n, 3);
    await sealAllAudit(t.ctx.db);
    const [{ a }] = (await t.ctx.db.query<{ a: number }>("SELECT count(*)::int AS a FROM audit_log WHERE case_id = ANY($1::uuid[]) AND action IN ('case.assigned', 'status.changed')", [caseIds])) as [{ a: number }];
    assert.ok(a >= 6, `audit entries: ${a}`);
  });

  test('all or nothing: one case out of scope, or one transition not allowed, changes none and names the case', async () => {
    const officer = await t.login('canbo.saigon@gandan.local');
    const before = await t.ctx.db.query<{ id: string; status: string }>('SELECT id, status FROM cases ORDER BY id');
    const outOfScope = await t.app.inject({ method: 'POST', url: '/api/staff/cases/bulk', headers: officer.headers, payload: { caseIds: [ids.later, ids.other], action: { kind: 'status', status: 'resolved' } } });
    assert.equal(outOfScope.statusCode, 404);
    assert.deepEqual((outOfScope.json() as { error: { code: string; details: { caseId: string } } }).error.code, 'CASE_NOT_FOUND');
    const closed = await t.app.inject({ method: 'POST', url: '/api/staff/cases/bulk', headers: officer.headers, payload: { caseIds: [ids.later, ids.closed], action: { kind: 'status', status: 'in_progress' } } });
    assert.equal(closed.statusCode, 409);
    const error = (closed.json() as { error: { code: string; details: { caseId: string; from: string } } }).error;
    assert.deepEqual([error.code, error.details.caseId, error.details.from], ['STATUS_TRANSITION_NOT_ALLOWED', ids.closed, 'closed']);
    assert.deepEqual(await t.ctx.db.query<{ id: string; status: string }>('SELECT id, status FROM cases ORDER BY id'), before);
    const empty = await t.app.inject({ method: 'POST', url: '/api/staff/cases/bulk', headers: officer.headers, payload: { caseIds: [], action: { kind: 'assign', assigneeId: null } } });
    assert.equal(empty.statusCode, 400, 'an empty selection is refused');
  });
});
