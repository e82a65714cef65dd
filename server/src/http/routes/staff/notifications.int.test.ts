import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { NotificationList } from '../../../../../contracts/api.ts';
import { sweepDeadlines } from '../../../commands/sweep-deadlines.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

describeEachEngine('staff notifications API', (db) => {
  let t: TestApp;
  let caseId: string;
  before(async () => {
    t = await buildTestApp(db());
    const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Ổ gà trên đường', unitCode: '26740' } });
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [(r.json() as { trackingCode: string }).trackingCode]);
    caseId = row!.id;
    // When the case falls due soon, then far past every deadline (overdue, escalated up to the city).
    const [due] = await t.ctx.db.query<{ due_soon_at: Date }>('SELECT due_soon_at FROM cases WHERE id = $1', [caseId]);
    await sweepDeadlines(t.ctx, due!.due_soon_at);
    await sweepDeadlines(t.ctx, new Date(t.clock.now().getTime() + 90 * 86_400_000));
  });

  const list = async (headers: Record<string, string>, query = '') => {
    const r = await t.app.inject({ url: `/api/staff/notifications${query}`, headers });
    assert.equal(r.statusCode, 200);
    return r.json() as NotificationList;
  };

  test('each staff member sees only their own notifications, newest first, with the unread count', async () => {
    const head = await t.login('truongphong.saigon@gandan.local');
    const mine = await list(head.headers);
    assert.ok(mine.items.length >= 2);
    assert.equal(mine.unreadCount, mine.items.length);
    assert.deepEqual(new Set(mine.items.map((n) => n.kind)), new Set(['deadline.due_soon', 'deadline.overdue']));
    for (const n of mine.items) assert.deepEqual([n.caseId, n.trackingCode?.slice(0, 3), n.readAt], [caseId, "GD-", null]);
    const city = await list((await t.login('admin@gandan.local')).headers);
    assert.ok(city.items.some((n) => n.kind === 'deadline.escalated' && n.level === 3));
    const other = await list((await t.login('canbo.linhxuan@gandan.local')).headers);
    assert.deepEqual(other, { unreadCount: 0, items: [] });
  });

  test('mark one read, then all; another’s notification is not found; writes need the CSRF token', async () => {
    const head = await t.login('truongphong.saigon@gandan.local');
    const before = await list(head.headers);
    const first = before.items[0]!;
    const stranger = await t.login('canbo.linhxuan@gandan.local');
    const foreign = await t.app.inject({ method: 'POST', url: `/api/staff/notifications/${first.id}/read`, headers: stranger.headers });
    assert.equal(foreign.statusCode, 404);
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/staff/notifications/${first.id}/read`, headers: { cookie: head.cookie } });
    assert.equal(noCsrf.statusCode, 403);

    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/notifications/${first.id}/read`, headers: head.headers })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/notifications/${first.id}/read`, headers: head.headers })).statusCode, 204, 'again is harmless');
    const afterOne = await list(head.headers);
    assert.equal(afterOne.unreadCount, before.unreadCount - 1);
    assert.equal((await list(head.headers, '?unreadOnly=true')).items.length, before.unreadCount - 1);

    const all = await t.app.inject({ method: 'POST', url: '/api/staff/notifications/read-all', headers: head.headers });
    assert.deepEqual(all.json(), { marked: before.unreadCount - 1 });
    assert.equal((await list(head.headers)).unreadCount, 0);
    assert.equal((await list(stranger.headers)).unreadCount, 0);
  });
});
