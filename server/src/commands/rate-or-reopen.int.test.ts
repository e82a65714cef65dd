import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachEngine } from '../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';

type View = { status: string; canRate: boolean; canReopen: boolean; rating: number | null; replies: { kind: string; body: string }[] };

describeEachEngine('rating and reopening after resolution', (db) => {
  let t: TestApp;
  let officer: Awaited<ReturnType<TestApp['login']>>;
  before(async () => {
    t = await buildTestApp(db());
    officer = await t.login('canbo.saigon@gandan.local');
  });
  const open = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Rác tồn đọng đầu hẻm 9', unitCode: '26740' } });
    const code = (res.json() as { trackingCode: string }).trackingCode;
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [code]);
    return { code, id: row!.id };
  };
  const view = async (code: string) => (await t.app.inject({ url: `/api/public/cases/${code}` })).json() as View;
  const status = (id: string, s: string) => t.app.inject({ method: 'POST', url: `/api/staff/cases/${id}/status`, headers: officer.headers, payload: { status: s } });

  test('resolution is told to the citizen; they rate once, then reopen; after 7 days reopening is refused', async () => {
    const { code, id } = await open();
    assert.deepEqual(await view(code).then((v) => [v.canRate, v.canReopen]), [false, false]);
    const early = await t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/rating`, payload: { score: 5 } });
    assert.equal(early.statusCode, 409);
    assert.equal((await status(id, 'in_progress')).statusCode, 200);
    assert.equal((await status(id, 'resolved')).statusCode, 200);
    let v = await view(code);
    assert.deepEqual([v.status, v.canRate, v.canReopen, v.rating], ['resolved', true, true, null]);
    assert.match(v.replies.at(-1)!.body, new RegExp(`Hồ sơ ${code} đã được giải quyết`));
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/rating`, payload: { score: 4, comment: 'Xử lý nhanh' } })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/rating`, payload: { score: 1 } })).statusCode, 409, 'once per resolution');
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/rating`, payload: { score: 9 } })).statusCode, 400);
    v = await view(code);
    assert.deepEqual([v.rating, v.canRate], [4, false]);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/reopen`, payload: { reason: 'Rác lại đầy rồi' } })).statusCode, 204);
    v = await view(code);
    assert.deepEqual([v.status, v.canReopen], ['in_progress', false]);
    const detail = (await t.app.inject({ url: `/api/staff/cases/${id}`, headers: officer.headers })).json() as { timeline: { kind: string; data: Record<string, unknown> }[] };
    assert.deepEqual(detail.timeline.filter((e) => e.kind === 'case.rated' || e.kind === 'case.reopened').map((e) => [e.kind, e.data.score ?? e.data.reason]), [
      ['case.rated', 4],
      ['case.reopened', 'Rác lại đầy rồi'],
    ]);
    // Resolved again a day later: a new rating is possible; 8 days after that, reopening is not.
    t.clock.advance(24 * 3_600_000);
    officer = await t.login('canbo.saigon@gandan.local'); // a day later the 12 h idle session has expired
    assert.equal((await status(id, 'resolved')).statusCode, 200);
    assert.equal((await view(code)).canRate, true);
    t.clock.advance(8 * 24 * 3_600_000);
    assert.equal((await view(code)).canReopen, false);
    const late = await t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/reopen`, payload: { reason: 'Vẫn còn rác' } });
    assert.equal(late.statusCode, 409);
    assert.equal((late.json() as { error: { code: string } }).error.code, 'REOPEN_NOT_POSSIBLE');
    t.clock.advance(-9 * 24 * 3_600_000);
  });
});
