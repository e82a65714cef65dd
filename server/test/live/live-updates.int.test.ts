import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sweepDeadlines } from '../../src/commands/sweep-deadlines.ts';
import { eventually } from '../eventually.ts';
import { testEngines } from '../fresh-db.ts';
import { connectSse, type SseEvent } from '../sse-client.ts';
import { startServerProcess, startTestServer, TEST_PASSWORD, type TestServer } from '../test-server.ts';

type Staff = { headers: Record<string, string>; id: string };

async function login(url: string, email: string): Promise<Staff> {
  const res = await fetch(`${url}/api/staff/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
  assert.equal(res.status, 200, `login ${email}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gd_session='))!.split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  return { headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' }, id: body.user.id };
}

async function post<T>(url: string, staff: Staff, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: staff.headers, body: JSON.stringify(body) });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

const caseEvents = (events: SseEvent[], caseId: string) => events.filter((e) => e.event === 'case' && (e.data as { caseId: string }).caseId === caseId);

for (const engine of testEngines()) {
  // On PostgreSQL the change goes through process A and the consoles listen on process B (another OS process);
  // PGlite is single-process, so there both are the same server.
  describe(`live updates reach open consoles [${engine}]`, () => {
    let a: TestServer;
    let b: { url: string; close(): Promise<void> };
    before(async () => {
      a = await startTestServer({ engine });
      b = a.databaseUrl ? await startServerProcess(a.databaseUrl) : { url: a.url, close: async () => undefined };
    });
    after(async () => {
      await b?.close();
      await a?.close();
    });

    test('a change made through one process reaches a console on another, only within its scope', async () => {
      const saigonOnA = await login(a.url, 'canbo.saigon@gandan.local');
      const linhxuanOnA = await login(a.url, 'canbo.linhxuan@gandan.local');
      const saigon = await connectSse(`${b.url}/api/staff/events`, (await login(b.url, 'canbo.saigon@gandan.local')).headers);
      const linhxuan = await connectSse(`${b.url}/api/staff/events`, (await login(b.url, 'canbo.linhxuan@gandan.local')).headers);
      try {
        assert.equal(saigon.status, 200);
        await eventually('both streams ready', () => saigon.events.some((e) => e.event === 'ready') && linhxuan.events.some((e) => e.event === 'ready'));

        const own = await post<{ id: string }>(a.url, saigonOnA, '/api/staff/cases', { text: 'Đèn đường hỏng trước số 12', unitCode: '26740', intakeMethod: 'phone' });
        const other = await post<{ id: string }>(a.url, linhxuanOnA, '/api/staff/cases', { text: 'Rác tồn đọng ở hẻm 5', unitCode: '26800', intakeMethod: 'phone' });
        await eventually('Linh Xuân hears of its case', () => caseEvents(linhxuan.events, other.id).length > 0);
        await post(a.url, saigonOnA, `/api/staff/cases/${own.id}/notes`, { body: 'Đã gọi đội chiếu sáng' });
        // Events arrive in commit order, so once the note is heard, the other unit's case would have been too.
        await eventually('Sài Gòn hears of the note', () => caseEvents(saigon.events, own.id).some((e) => (e.data as { kind: string }).kind === 'note.added'));

        assert.deepEqual(caseEvents(saigon.events, own.id)[0]?.data, { caseId: own.id, kind: 'case.opened' });
        assert.equal(caseEvents(saigon.events, other.id).length, 0, 'no event about another unit’s case');
        assert.equal(caseEvents(linhxuan.events, own.id).length, 0, 'no event about another unit’s case');
        // Ids and kinds only: nothing of the citizen's text travels.
        for (const e of [...saigon.events, ...linhxuan.events]) assert.doesNotMatch(JSON.stringify(e.data ?? {}), /Đèn|Rác|chiếu sáng/);
      } finally {
        saigon.close();
        linhxuan.close();
      }
    });

    test('a reply’s delivery state changing reaches the console (sent by the worker)', async () => {
      const saigonOnA = await login(a.url, 'canbo.saigon@gandan.local');
      const saigon = await connectSse(`${b.url}/api/staff/events`, (await login(b.url, 'canbo.saigon@gandan.local')).headers);
      try {
        await eventually('stream ready', () => saigon.events.some((e) => e.event === 'ready'));
        const c = await post<{ id: string }>(a.url, saigonOnA, '/api/staff/cases', { text: 'Nước ngập hẻm 12 sau mưa', unitCode: '26740', intakeMethod: 'phone' });
        await post(a.url, saigonOnA, `/api/staff/cases/${c.id}/replies`, { body: 'Phường đã cử người kiểm tra.' });
        await eventually('the console hears the delivery change', () => caseEvents(saigon.events, c.id).some((e) => (e.data as { kind: string }).kind === 'delivery.updated'));
      } finally {
        saigon.close();
      }
    });

    test('a unit the case leaves hears of it: transfer accepted, coordination removed', async () => {
      const saigonOnA = await login(a.url, 'canbo.saigon@gandan.local');
      const linhxuanOnA = await login(a.url, 'canbo.linhxuan@gandan.local');
      const saigon = await connectSse(`${b.url}/api/staff/events`, (await login(b.url, 'canbo.saigon@gandan.local')).headers);
      try {
        await eventually('stream ready', () => saigon.events.some((e) => e.event === 'ready'));
        const c = await post<{ id: string }>(a.url, saigonOnA, '/api/staff/cases', { text: 'Cây đổ trên đường Hàm Nghi', unitCode: '26740', intakeMethod: 'phone' });
        const t = await post<{ id: string }>(a.url, saigonOnA, `/api/staff/cases/${c.id}/transfers`, { unitCode: '26800', reason: 'Địa chỉ thuộc phường Linh Xuân' });
        await post(a.url, linhxuanOnA, `/api/staff/cases/${c.id}/transfers/${t.id}/accept`, {});
        await eventually('Sài Gòn hears that its case left', () => caseEvents(saigon.events, c.id).some((e) => (e.data as { kind: string }).kind === 'transfer.accepted'));
        assert.deepEqual(caseEvents(saigon.events, c.id).at(-1)?.data, { caseId: c.id, kind: 'transfer.accepted' }, 'ids and kinds only');
        // Now Linh Xuân leads; Sài Gòn coordinates, then is removed: it hears of that too.
        await post(a.url, linhxuanOnA, `/api/staff/cases/${c.id}/coordinating-units`, { unitCode: '26740' });
        const before = caseEvents(saigon.events, c.id).length;
        assert.deepEqual(await post(a.url, linhxuanOnA, `/api/staff/cases/${c.id}/coordinating-units/26740/remove`, {}), { changed: true });
        await eventually('Sài Gòn hears that it no longer coordinates', () => caseEvents(saigon.events, c.id).slice(before).some((e) => (e.data as { kind: string }).kind === 'coordination.removed'));
      } finally {
        saigon.close();
      }
    });

    test('a new notification rings only its recipient’s bell', async () => {
      const headSaigon = await login(b.url, 'truongphong.saigon@gandan.local');
      const bell = await connectSse(`${b.url}/api/staff/events`, headSaigon.headers);
      const other = await connectSse(`${b.url}/api/staff/events`, (await login(b.url, 'canbo.linhxuan@gandan.local')).headers);
      try {
        await eventually('streams ready', () => bell.events.some((e) => e.event === 'ready') && other.events.some((e) => e.event === 'ready'));
        const swept = await sweepDeadlines({ db: a.db }, new Date(Date.now() + 90 * 86_400_000));
        assert.ok(swept.notifications > 0);
        await eventually('the unit head’s bell rings', () => bell.events.some((e) => e.event === 'notification'));
        assert.deepEqual(bell.events.find((e) => e.event === 'notification')?.data, { staffId: headSaigon.id });
        assert.equal(other.events.filter((e) => e.event === 'notification').length, 0);
      } finally {
        bell.close();
        other.close();
      }
    });

    test('without a session there is no stream', async () => {
      const anonymous = await connectSse(`${b.url}/api/staff/events`, {});
      assert.equal(anonymous.status, 401);
    });
  });
}
