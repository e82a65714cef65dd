import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { STAFF_ROLES, type StaffRole } from '../../../contracts/enums.ts';
import { ERROR_STATUS } from '../../../contracts/errors.ts';
import { createStaffUser } from '../../src/commands/create-staff-user.ts';
import { buildTestApp, type TestApp } from '../build-test-app.ts';
import { describeEachEngine } from '../fresh-db.ts';
import { TEST_PASSWORD } from '../test-server.ts';
import { AccessFixture, snapshotDatabase, type Where } from './access-fixture.ts';
import { STAFF_ROUTE_POLICIES, type MatrixRequest, type RoutePolicy } from './staff-route-policies.ts';

/**
 * Issue #5 (Access): every staff endpoint × role × target in / out of the caller's unit subtree, on a seeded
 * database with cases in two wards. Allowed → success; a role without the right → 403 FORBIDDEN; a target in
 * another ward → the same "not found" a missing target gets; and a refused request changes no row of any table.
 * The routes come from the app itself, so a new staff route without a policy line fails here.
 */

type Actor = { role: StaffRole; email: string; id: string; headers: Record<string, string> };
type Outcome = { route: string; role: string; where: Where; status: number; code: string | undefined; expected: string };

const STAFF_PREFIX = '/api/staff/';
const WARD = '26740';

describeEachEngine('staff access matrix', (db) => {
  let t: TestApp;
  let fx: AccessFixture;
  /** One staff member of each role in ward Sài Gòn (26740); the matrix's "out" targets are in ward Linh Xuân. */
  const actors: Actor[] = [];
  /** Every body answered to ward Sài Gòn's staff, checked at the end for ward Linh Xuân's data. */
  const bodies: { route: string; role: string; body: string }[] = [];

  before(async () => {
    t = await buildTestApp(db());
    fx = new AccessFixture(t);
    for (const role of STAFF_ROLES) {
      // Roles and scope are orthogonal: even the city administrator's role, given at a ward, reaches only that ward.
      const email = `matrix.${role}@${WARD}.test`;
      const { id } = await createStaffUser(t.ctx, {
        email,
        name: `Ma trận ${role}`,
        role,
        unitCode: WARD,
        password: TEST_PASSWORD,
      });
      actors.push({ role, email, id, headers: (await t.login(email)).headers });
    }
  });

  // Ends the open event streams too.
  after(async () => {
    await t?.app.close();
  });

  const staffRoutes = () => t.routes.filter((r) => r.split(' ')[1]!.startsWith(STAFF_PREFIX));
  const policyOf = (route: string): RoutePolicy & { request: NonNullable<RoutePolicy['request']> } => {
    const p = STAFF_ROUTE_POLICIES[route];
    if (!p?.request) throw new Error(`no policy with a request for ${route}`);
    return p as RoutePolicy & { request: NonNullable<RoutePolicy['request']> };
  };
  /** Staff routes with a session (login is the one public staff route). */
  const matrixRoutes = () => staffRoutes().filter((r) => STAFF_ROUTE_POLICIES[r]?.roles !== 'public');
  /** For the matrix's ward staff: city-wide settings are refused whatever their role. */
  const isAllowed = (route: string, role: StaffRole) =>
    policyOf(route).target !== 'city' && (policyOf(route).roles as readonly StaffRole[]).includes(role);
  const wheres = (route: string): Where[] =>
    ['case', 'transfer', 'outbound', 'attachment', 'unit', 'template', 'notification'].includes(policyOf(route).target)
      ? ['in', 'out']
      : ['in'];

  const send = async (
    actor: { role: string; headers: Record<string, string> },
    route: string,
    req: MatrixRequest,
    record = true,
  ) => {
    const inject = {
      method: req.method,
      url: req.url,
      headers: req.headers ?? actor.headers,
      ...(req.payload ? { payload: req.payload } : {}),
    };
    if (STAFF_ROUTE_POLICIES[route]?.stream) {
      // An event stream stays open: its status is the answer; closing the app ends it.
      const r = await t.app.inject({ ...inject, payloadAsStream: true });
      r.stream().destroy();
      return { status: r.statusCode, code: undefined, body: '' };
    }
    const r = await t.app.inject(inject);
    if (record) bodies.push({ route, role: actor.role, body: r.body });
    const isError = r.headers['content-type']?.toString().includes('json') && r.statusCode >= 400;
    const code = isError ? (r.json() as { error?: { code?: string } }).error?.code : undefined;
    return { status: r.statusCode, code, body: r.body };
  };

  test('every staff route the app registers has a policy line, and every policy line is a route', () => {
    const registered = staffRoutes();
    const missing = registered.filter((r) => !STAFF_ROUTE_POLICIES[r]);
    assert.deepEqual(
      missing,
      [],
      `staff routes without an access policy: add them to server/test/access/staff-route-policies.ts`,
    );
    assert.deepEqual(
      Object.keys(STAFF_ROUTE_POLICIES).filter((r) => !registered.includes(r)),
      [],
      'policy lines for routes that do not exist',
    );
    for (const r of matrixRoutes()) {
      const p = policyOf(r);
      if (wheres(r).includes('out'))
        assert.ok(p.notFound?.endsWith('NOT_FOUND'), `${r}: a target out of scope must read as not found`);
    }
  });

  test('a role without the right gets 403 FORBIDDEN, in and out of scope, and nothing changes', async () => {
    fx.fresh = false;
    const planned: { actor: Actor; route: string; where: Where; req: MatrixRequest }[] = [];
    for (const route of matrixRoutes()) {
      for (const actor of actors.filter((a) => !isAllowed(route, a.role))) {
        for (const where of wheres(route))
          planned.push({ actor, route, where, req: await policyOf(route).request(fx, where, actor) });
      }
    }
    assert.ok(planned.length > 50, `only ${planned.length} forbidden combinations`);
    const before = await snapshotDatabase(t.ctx.db);
    const wrong: Outcome[] = [];
    for (const { actor, route, where, req } of planned) {
      const r = await send(actor, route, req);
      if (r.status !== 403 || r.code !== 'FORBIDDEN')
        wrong.push({ route, role: actor.role, where, status: r.status, code: r.code, expected: '403 FORBIDDEN' });
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(await snapshotDatabase(t.ctx.db), before, 'a refused request changed the database');
  });

  test('a target in another ward reads as not found for every role that has the right, and nothing changes', async () => {
    fx.fresh = false;
    const planned: { actor: Actor; route: string; req: MatrixRequest }[] = [];
    for (const route of matrixRoutes().filter((r) => wheres(r).includes('out'))) {
      for (const actor of actors.filter((a) => isAllowed(route, a.role)))
        planned.push({ actor, route, req: await policyOf(route).request(fx, 'out', actor) });
    }
    const before = await snapshotDatabase(t.ctx.db);
    const wrong: Outcome[] = [];
    for (const { actor, route, req } of planned) {
      const notFound = policyOf(route).notFound!;
      const r = await send(actor, route, req);
      if (r.status !== ERROR_STATUS[notFound] || r.code !== notFound)
        wrong.push({
          route,
          role: actor.role,
          where: 'out',
          status: r.status,
          code: r.code,
          expected: `${ERROR_STATUS[notFound]} ${notFound}`,
        });
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(await snapshotDatabase(t.ctx.db), before, 'a request aimed at another ward changed the database');
  });

  test('a role with the right succeeds on a target of its own ward', async () => {
    const wrong: Outcome[] = [];
    for (const route of matrixRoutes()) {
      const p = policyOf(route);
      // Reads share their targets; every write gets a fresh one, so it is valid whatever the previous role did.
      fx.fresh = !route.startsWith('GET ');
      for (const actor of actors.filter((a) => isAllowed(route, a.role))) {
        const r = await send(actor, route, await p.request(fx, 'in', actor));
        if (r.status !== p.ok)
          wrong.push({
            route,
            role: actor.role,
            where: 'in',
            status: r.status,
            code: r.code ?? r.body.slice(0, 120),
            expected: String(p.ok),
          });
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('the city administrator (unit 79) reaches the targets in both wards', async () => {
    const admin = await t.login('admin@gandan.local');
    const actor: Actor = { role: 'city_admin', email: 'admin@gandan.local', id: '', headers: admin.headers };
    const [row] = await t.ctx.db.query<{ id: string }>("SELECT id FROM staff_users WHERE email = 'admin@gandan.local'");
    actor.id = row!.id;
    const wrong: Outcome[] = [];
    for (const route of matrixRoutes()) {
      const p = policyOf(route);
      fx.fresh = !route.startsWith('GET ');
      // A notification is its owner's alone, whatever the scope: the city reads only its own.
      for (const where of p.target === 'notification' ? (['in'] as const) : wheres(route)) {
        // Not kept for the leak check: for the city, the other ward is in scope.
        const r = await send({ role: 'city_admin@79', headers: admin.headers }, route, await p.request(fx, where, actor), false);
        if (r.status !== p.ok)
          wrong.push({
            route,
            role: 'city_admin@79',
            where,
            status: r.status,
            code: r.code ?? r.body.slice(0, 120),
            expected: String(p.ok),
          });
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('cross-ward pairs: merging, dismissing, moving and assigning across wards read as not found and change nothing', async () => {
    fx.fresh = true;
    const officer = actors.find((a) => a.role === 'officer')!;
    const mine = await fx.case('in');
    const theirs = await fx.case('out');
    const [linhXuanOfficer] = await t.ctx.db.query<{ id: string }>(
      "SELECT id FROM staff_users WHERE email = 'canbo.linhxuan@gandan.local'",
    );
    await t.ctx.db.query(
      `INSERT INTO case_duplicate_proposals (case_id, candidate_case_id, score, reasons, created_at) VALUES ($1, $2, 0.9, '[]'::jsonb, $3)`,
      [mine.id, theirs.id, t.clock.now()],
    );
    const before = await snapshotDatabase(t.ctx.db);
    const cases: [string, MatrixRequest, number, string][] = [
      [
        'merge mine into theirs',
        { method: 'POST', url: `/api/staff/cases/${mine.id}/merge`, payload: { intoCaseId: theirs.id } },
        404,
        'CASE_NOT_FOUND',
      ],
      [
        'merge theirs into mine',
        { method: 'POST', url: `/api/staff/cases/${theirs.id}/merge`, payload: { intoCaseId: mine.id } },
        404,
        'CASE_NOT_FOUND',
      ],
      [
        'dismiss a proposal with their case',
        { method: 'POST', url: `/api/staff/cases/${mine.id}/duplicates/${theirs.id}/dismiss` },
        404,
        'CASE_NOT_FOUND',
      ],
      [
        'move my case to their ward by triage',
        {
          method: 'POST',
          url: `/api/staff/cases/${mine.id}/triage`,
          payload: { type: 'phan_anh', category: null, procedure: null, urgent: false, unitCode: '26800' },
        },
        422,
        'UNIT_NOT_FOUND',
      ],
      [
        'assign my case to their officer',
        { method: 'POST', url: `/api/staff/cases/${mine.id}/assign`, payload: { assigneeId: linhXuanOfficer!.id } },
        422,
        'STAFF_NOT_FOUND',
      ],
    ];
    for (const [name, req, status, code] of cases) {
      const r = await send(officer, name, req);
      assert.deepEqual([r.status, r.code], [status, code], name);
    }
    assert.deepEqual(await snapshotDatabase(t.ctx.db), before);
    const detail = (await send(officer, 'case page', { method: 'GET', url: `/api/staff/cases/${mine.id}` })).body;
    assert.ok(!detail.includes(theirs.trackingCode), 'a proposed twin in another ward is not shown');
  });

  test("no answer to a ward's staff carried anything of the other ward", () => {
    assert.ok(bodies.length > 100);
    const leaks = bodies
      .filter((b) => [...fx.outMarks].some((m) => b.body.includes(m)))
      .map((b) => `${b.role} ${b.route}: ${b.body.slice(0, 200)}`);
    assert.deepEqual(leaks, []);
  });
});
