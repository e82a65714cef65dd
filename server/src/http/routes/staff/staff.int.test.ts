import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachEngine } from '../../../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { TEST_PASSWORD } from '../../../../test/test-server.ts';

type Detail = {
  case: { status: string; assignee: { id: string } | null; citizen: { phone: string | null } | null; trackingCode: string };
  timeline: { kind: string; visibility: string; data: Record<string, unknown>; message: { body: string; delivery: { status: string } | null } | null }[];
  allowedTransitions: string[];
};

describeEachEngine('staff API', (db) => {
  let t: TestApp;
  let saigonCase: string;
  let linhXuanCase: string;
  before(async () => {
    t = await buildTestApp(db());
    const open = async (unitCode: string) => {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: `Phản ánh ở ${unitCode}`, unitCode, contact: { phone: '0901234567' } } });
      const code = (r.json() as { trackingCode: string }).trackingCode;
      const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [code]);
      return row!.id;
    };
    saigonCase = await open('26740');
    linhXuanCase = await open('26800');
  });

  test('login: wrong password and unknown email are refused alike; a session works; logout ends it', async () => {
    for (const payload of [{ email: 'canbo.saigon@gandan.local', password: 'wrong-password' }, { email: 'nobody@gandan.local', password: TEST_PASSWORD }]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/staff/auth/login', payload });
      assert.equal(r.statusCode, 401);
      assert.equal((r.json() as { error: { code: string } }).error.code, 'AUTH_INVALID_CREDENTIALS');
    }
    const s = await t.login('canbo.saigon@gandan.local');
    const me = await t.app.inject({ url: '/api/staff/me', headers: { cookie: s.cookie } });
    assert.equal(me.statusCode, 200);
    assert.deepEqual((me.json() as { user: { unit: unknown; role: string } }).user.unit, { code: '26740', name: 'Phường Sài Gòn' });
    const out = await t.app.inject({ method: 'POST', url: '/api/staff/auth/logout', headers: s.headers });
    assert.equal(out.statusCode, 204);
    const after = await t.app.inject({ url: '/api/staff/me', headers: { cookie: s.cookie } });
    assert.equal(after.statusCode, 401);
  });

  test('the session cookie is httpOnly and SameSite', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/staff/auth/login', payload: { email: 'canbo.saigon@gandan.local', password: TEST_PASSWORD } });
    const c = r.cookies.find((x) => x.name === 'gd_session');
    assert.equal(c?.httpOnly, true);
    assert.equal(c?.sameSite, 'Lax');
  });

  test('staff endpoints need a session; writes need the CSRF token too', async () => {
    assert.equal((await t.app.inject({ url: '/api/staff/cases' })).statusCode, 401);
    const s = await t.login('canbo.saigon@gandan.local');
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${saigonCase}/notes`, headers: { cookie: s.cookie }, payload: { body: 'x' } });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((noCsrf.json() as { error: { code: string } }).error.code, 'CSRF_TOKEN_INVALID');
    const wrongCsrf = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${saigonCase}/notes`, headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf}x` }, payload: { body: 'x' } });
    assert.equal(wrongCsrf.statusCode, 403);
  });

  test('officers see only their own unit; the city admin sees all; other units\' cases are "not found"', async () => {
    const saigon = await t.login('canbo.saigon@gandan.local');
    const linhXuan = await t.login('canbo.linhxuan@gandan.local');
    const admin = await t.login('admin@gandan.local');
    const ids = async (h: Record<string, string>) => ((await t.app.inject({ url: '/api/staff/cases?view=unit', headers: h })).json() as { items: { id: string }[] }).items.map((i) => i.id);
    assert.ok((await ids(saigon.headers)).includes(saigonCase));
    assert.ok(!(await ids(saigon.headers)).includes(linhXuanCase));
    assert.ok((await ids(linhXuan.headers)).includes(linhXuanCase));
    const all = await ids(admin.headers);
    assert.ok(all.includes(saigonCase) && all.includes(linhXuanCase));
    for (const [method, url, payload] of [
      ['GET', `/api/staff/cases/${linhXuanCase}`, undefined],
      ['POST', `/api/staff/cases/${linhXuanCase}/replies`, { body: 'x' }],
      ['POST', `/api/staff/cases/${linhXuanCase}/notes`, { body: 'x' }],
      ['POST', `/api/staff/cases/${linhXuanCase}/status`, { status: 'in_progress' }],
      ['POST', `/api/staff/cases/${linhXuanCase}/assign`, { assigneeId: null }],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: saigon.headers, ...(payload ? { payload } : {}) });
      assert.equal(r.statusCode, 404, `${method} ${url}`);
    }
    const filtered = await t.app.inject({ url: '/api/staff/cases?unitCode=26800', headers: saigon.headers });
    assert.equal(filtered.statusCode, 422);
  });

  test('reply, internal note and status change appear on the timeline; the citizen sees only public parts', async () => {
    const s = await t.login('canbo.saigon@gandan.local');
    const reply = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${saigonCase}/replies`, headers: s.headers, payload: { body: 'Phường đã tiếp nhận và cử cán bộ xuống kiểm tra.' } });
    assert.equal(reply.statusCode, 201);
    const note = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${saigonCase}/notes`, headers: s.headers, payload: { body: 'Đã gọi điện cho đội vệ sinh, chờ phản hồi.' } });
    assert.equal(note.statusCode, 201);
    const status = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${saigonCase}/status`, headers: s.headers, payload: { status: 'in_progress' } });
    assert.deepEqual(status.json(), { from: 'new', to: 'in_progress' });
    await t.deliver();
    const detail = (await t.app.inject({ url: `/api/staff/cases/${saigonCase}`, headers: s.headers })).json() as Detail;
    assert.deepEqual(
      detail.timeline.map((e) => e.kind),
      ['case.opened', 'message.received', 'message.sent', 'message.sent', 'note.added', 'status.changed'],
    );
    assert.equal(detail.timeline.find((e) => e.kind === 'note.added')?.visibility, 'internal');
    assert.ok(detail.timeline.filter((e) => e.kind === 'message.sent').every((e) => e.message?.delivery?.status === 'sent'));
    assert.equal(detail.case.citizen?.phone, '0901234567', 'staff see contact details');
    assert.deepEqual(detail.allowedTransitions.sort(), ['rejected', 'resolved', 'waiting_citizen']);
    const publicView = await t.app.inject({ url: `/api/public/cases/${detail.case.trackingCode}` });
    const pv = publicView.json() as { status: string; replies: { body: string; kind: string }[] };
    assert.equal(pv.status, 'in_progress');
    assert.deepEqual(pv.replies.map((r) => r.kind), ['acknowledgement', 'reply']);
    assert.ok(!publicView.body.includes('đội vệ sinh'), 'internal notes never reach the citizen');
  });

  test('a refused status change is 409 and changes nothing', async () => {
    const s = await t.login('canbo.saigon@gandan.local');
    const r = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${saigonCase}/status`, headers: s.headers, payload: { status: 'new' } });
    assert.equal(r.statusCode, 409);
    assert.equal((r.json() as { error: { code: string } }).error.code, 'STATUS_TRANSITION_NOT_ALLOWED');
    const d = (await t.app.inject({ url: `/api/staff/cases/${saigonCase}`, headers: s.headers })).json() as Detail;
    assert.equal(d.case.status, 'in_progress');
    const bad = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${saigonCase}/status`, headers: s.headers, payload: { status: 'done' } });
    assert.equal(bad.statusCode, 400);
  });

  test('assignment: to a colleague of the unit moves new → assigned; someone from another unit is refused', async () => {
    const admin = await t.login('truongphong.saigon@gandan.local');
    const staff = (await t.app.inject({ url: '/api/staff/staff', headers: admin.headers })).json() as { id: string; name: string }[];
    const officer = staff.find((x) => x.name === 'Nguyễn Văn An')!;
    const created = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Cần hỏi giờ làm việc', unitCode: '26740' } });
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [(created.json() as { trackingCode: string }).trackingCode]);
    const r = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${row!.id}/assign`, headers: admin.headers, payload: { assigneeId: officer.id } });
    assert.equal(r.statusCode, 204, r.body);
    const d = (await t.app.inject({ url: `/api/staff/cases/${row!.id}`, headers: admin.headers })).json() as Detail;
    assert.equal(d.case.status, 'assigned');
    assert.equal(d.case.assignee?.id, officer.id);
    const mine = await t.login('canbo.saigon@gandan.local');
    const list = (await t.app.inject({ url: '/api/staff/cases?view=mine', headers: mine.headers })).json() as { items: { id: string }[] };
    assert.deepEqual(list.items.map((i) => i.id), [row!.id]);
    const [other] = await t.ctx.db.query<{ id: string }>("SELECT id FROM staff_users WHERE email = 'canbo.linhxuan@gandan.local'");
    const refused = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${row!.id}/assign`, headers: admin.headers, payload: { assigneeId: other!.id } });
    assert.equal(refused.statusCode, 422);
    assert.equal((refused.json() as { error: { code: string } }).error.code, 'STAFF_NOT_FOUND');
  });

  test('phone intake by an officer creates a case with a code to read to the caller', async () => {
    const s = await t.login('canbo.saigon@gandan.local');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      headers: s.headers,
      payload: { text: 'Ông Tư gọi điện báo cây me trước nhà số 3 nghiêng, sợ đổ.', unitCode: '26740', intakeMethod: 'phone', type: 'phan_anh', citizen: { name: 'Ông Tư', phone: '0283 822 1234' } },
    });
    assert.equal(r.statusCode, 201, r.body);
    const { id, trackingCode } = r.json() as { id: string; trackingCode: string };
    assert.match(trackingCode, /^GD-/);
    const d = (await t.app.inject({ url: `/api/staff/cases/${id}`, headers: s.headers })).json() as Detail & { case: { intakeMethod: string; channel: string } };
    assert.equal(d.case.intakeMethod, 'phone');
    assert.equal(d.case.channel, 'portal', 'the caller follows replies on the tracking page');
    const portalKind = await t.app.inject({ method: 'POST', url: '/api/staff/cases', headers: s.headers, payload: { text: 'x', unitCode: '26740', intakeMethod: 'portal' } });
    assert.equal(portalKind.statusCode, 400);
  });

  test('acknowledgement template: unit admins edit it, it must keep {trackingCode}; new cases use it', async () => {
    const admin = await t.login('truongphong.saigon@gandan.local');
    const officer = await t.login('canbo.saigon@gandan.local');
    const current = (await t.app.inject({ url: '/api/staff/templates/acknowledgement?locale=vi', headers: officer.headers })).json() as { isDefault: boolean; body: string };
    assert.equal(current.isDefault, true);
    const body = 'Phường Sài Gòn đã nhận tin của bà con. Mã hồ sơ: {trackingCode}. Xem tại {trackUrl}';
    const byOfficer = await t.app.inject({ method: 'PUT', url: '/api/staff/templates/acknowledgement', headers: officer.headers, payload: { unitCode: '26740', locale: 'vi', body } });
    assert.equal(byOfficer.statusCode, 403);
    for (const bad of ['Không có mã hồ sơ ở đây, chỉ có {trackUrl}', 'Mã: {trackingCode} {ten_can_bo}']) {
      const r = await t.app.inject({ method: 'PUT', url: '/api/staff/templates/acknowledgement', headers: admin.headers, payload: { unitCode: '26740', locale: 'vi', body: bad } });
      assert.equal(r.statusCode, 422, bad);
    }
    const other = await t.app.inject({ method: 'PUT', url: '/api/staff/templates/acknowledgement', headers: admin.headers, payload: { unitCode: '26800', locale: 'vi', body } });
    assert.equal(other.statusCode, 422, 'another unit is out of scope');
    const ok = await t.app.inject({ method: 'PUT', url: '/api/staff/templates/acknowledgement', headers: admin.headers, payload: { unitCode: '26740', locale: 'vi', body } });
    assert.equal(ok.statusCode, 200, ok.body);
    const created = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Test mẫu', unitCode: '26740' } });
    const code = (created.json() as { trackingCode: string }).trackingCode;
    const view = (await t.app.inject({ url: `/api/public/cases/${code}` })).json() as { replies: { body: string }[] };
    assert.equal(view.replies[0]?.body, `Phường Sài Gòn đã nhận tin của bà con. Mã hồ sơ: ${code}. Xem tại https://gandan.test/track/${code}`);
    const lx = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Test mẫu', unitCode: '26800' } });
    const lxView = (await t.app.inject({ url: `/api/public/cases/${(lx.json() as { trackingCode: string }).trackingCode}` })).json() as { replies: { body: string }[] };
    assert.match(lxView.replies[0]!.body, /^UBND Phường Linh Xuân đã tiếp nhận/);
  });

  test('search ignores diacritics and finds tracking codes; cursor pages without overlap', async () => {
    const s = await t.login('truongphong.saigon@gandan.local');
    await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Karaoke ồn ào đến khuya ở hẻm 5', unitCode: '26740' } });
    const hits = (await t.app.inject({ url: '/api/staff/cases?q=karaoke%20on%20ao', headers: s.headers })).json() as { items: { excerpt: string; trackingCode: string }[] };
    assert.equal(hits.items.length, 1);
    const byCode = (await t.app.inject({ url: `/api/staff/cases?q=${hits.items[0]!.trackingCode.toLowerCase()}`, headers: s.headers })).json() as { items: unknown[] };
    assert.equal(byCode.items.length, 1);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await t.app.inject({ url: `/api/staff/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: s.headers })).json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    const all = (await t.app.inject({ url: '/api/staff/cases?limit=100', headers: s.headers })).json() as { items: unknown[] };
    assert.equal(seen.length, all.items.length);
    const badCursor = await t.app.inject({ url: '/api/staff/cases?cursor=garbage', headers: s.headers });
    assert.equal(badCursor.statusCode, 400);
  });
});

describeEachEngine('rate limits', (db) => {
  test('login is limited to 10 attempts a minute per client; public intake to 20', async () => {
    const t = await buildTestApp(db(), { rateLimits: true });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/staff/auth/login', payload: { email: 'x@gandan.local', password: 'wrong-password' } })).statusCode);
    }
    assert.deepEqual(statuses, [...Array(10).fill(401), 429, 429]);
    const limited = await t.app.inject({ method: 'POST', url: '/api/staff/auth/login', payload: { email: 'x@gandan.local', password: 'wrong-password' } });
    assert.equal((limited.json() as { error: { code: string } }).error.code, 'RATE_LIMITED');
    const intake: number[] = [];
    for (let i = 0; i < 21; i++) intake.push((await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: `Tin ${i}` } })).statusCode);
    assert.equal(intake.filter((s) => s === 201).length, 20);
    assert.equal(intake.at(-1), 429);
  });
});
