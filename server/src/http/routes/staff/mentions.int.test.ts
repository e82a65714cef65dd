import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CaseDetail, MentionableStaff, NotificationList } from '../../../../../contracts/api.ts';
import { sealAllAudit } from '../../../commands/seal-audit-log.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

describeEachEngine('mentions in internal notes', (db) => {
  let t: TestApp;
  let caseId: string;
  const ids = new Map<string, string>();
  before(async () => {
    t = await buildTestApp(db());
    const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Cây đổ chắn lối vào hẻm', unitCode: '26740' } });
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [(r.json() as { trackingCode: string }).trackingCode]);
    caseId = row!.id;
    for (const s of await t.ctx.db.query<{ id: string; email: string }>('SELECT id, email FROM staff_users')) ids.set(s.email, s.id);
  });
  const id = (email: string) => ids.get(email)!;
  const notifications = async (email: string) => {
    const r = await t.app.inject({ url: '/api/staff/notifications', headers: (await t.login(email)).headers });
    return (r.json() as NotificationList).items.filter((n) => n.kind === 'note.mention');
  };

  test('who may be mentioned: staff who may read the case, its own unit first; other wards are not offered', async () => {
    const officer = await t.login('canbo.saigon@gandan.local');
    const r = await t.app.inject({ url: `/api/staff/cases/${caseId}/mentionable`, headers: officer.headers });
    assert.equal(r.statusCode, 200);
    const people = r.json() as MentionableStaff;
    const emails = people.map((p) => [...ids].find(([, v]) => v === p.id)![0]);
    assert.ok(emails.includes('truongphong.saigon@gandan.local') && emails.includes('admin@gandan.local'));
    assert.ok(!emails.includes('canbo.linhxuan@gandan.local') && !emails.includes('canbo.soxaydung@gandan.local'));
    assert.ok(emails.indexOf('truongphong.saigon@gandan.local') < emails.indexOf('admin@gandan.local'), 'the ward before the city');
    const stranger = await t.login('canbo.linhxuan@gandan.local');
    assert.equal((await t.app.inject({ url: `/api/staff/cases/${caseId}/mentionable`, headers: stranger.headers })).statusCode, 404);
  });

  test('a note mentioning the unit head notifies her (not the author), and the timeline names who was mentioned', async () => {
    const officer = await t.login('canbo.saigon@gandan.local');
    const body = '@Lê Thị Hoa chị xem giúp: cần xe cẩu của công ty cây xanh.';
    const mentions = [id('truongphong.saigon@gandan.local'), id('canbo.saigon@gandan.local')];
    const r = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${caseId}/notes`, headers: officer.headers, payload: { body, mentions } });
    assert.equal(r.statusCode, 201);
    const [mention] = await notifications('truongphong.saigon@gandan.local');
    assert.ok(mention);
    assert.deepEqual([mention.caseId, mention.byName, mention.readAt, mention.trackingCode?.slice(0, 3)], [caseId, 'Nguyễn Văn An', null, 'GD-']);
    assert.deepEqual(await notifications('canbo.saigon@gandan.local'), [], 'mentioning oneself notifies nobody');
    const detail = (await t.app.inject({ url: `/api/staff/cases/${caseId}`, headers: officer.headers })).json() as CaseDetail;
    const note = detail.timeline.find((e) => e.kind === 'note.added');
    assert.deepEqual(note?.data, { body, mentions: [{ id: id('truongphong.saigon@gandan.local'), name: 'Lê Thị Hoa' }, { id: id('canbo.saigon@gandan.local'), name: 'Nguyễn Văn An' }].sort((a, b) => mentions.indexOf(a.id) - mentions.indexOf(b.id)) });
    await sealAllAudit(t.ctx.db);
    const [audit] = await t.ctx.db.query<{ payload: { mentions: string[] } }>("SELECT payload FROM audit_log WHERE action = 'note.added' AND case_id = $1", [caseId]);
    assert.deepEqual(new Set(audit!.payload.mentions), new Set(mentions));
  });

  test('mentioning someone who may not read the case is refused with MENTION_NOT_ALLOWED and writes nothing', async () => {
    const officer = await t.login('canbo.saigon@gandan.local');
    const [{ n: before }] = (await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind = 'note.added'", [caseId])) as [{ n: number }];
    for (const mentions of [[id('canbo.linhxuan@gandan.local')], ['00000000-0000-4000-8000-000000000000']]) {
      const r = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${caseId}/notes`, headers: officer.headers, payload: { body: 'xem giúp', mentions } });
      assert.equal(r.statusCode, 422);
      assert.deepEqual((r.json() as { error: { code: string; details: unknown } }).error.code, 'MENTION_NOT_ALLOWED');
    }
    const [{ n: after }] = (await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind = 'note.added'", [caseId])) as [{ n: number }];
    assert.equal(after, before);
    assert.deepEqual(await notifications('canbo.linhxuan@gandan.local'), []);
    const bad = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${caseId}/notes`, headers: officer.headers, payload: { body: 'x', mentions: ['not-an-id'] } });
    assert.equal(bad.statusCode, 400);
  });
});
