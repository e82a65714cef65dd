import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachEngine } from '../../../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';

type Session = Awaited<ReturnType<TestApp['login']>>;
type Transfers = { lead: { code: string }; transfers: { id: string; status: string; canDecide: boolean; returnReason: string | null }[]; coordinatingUnits: { code: string }[]; canTransfer: boolean };
const HOUR = 3600_000;

describeEachEngine('transfers between units', (db) => {
  let t: TestApp;
  let saigon: Session;
  let linhxuan: Session;
  let sxd: Session;
  let cityAdmin: Session;
  const open = async (unitCode: string) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: `Đèn đường hỏng ở ${unitCode}`, unitCode } });
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [(r.json() as { trackingCode: string }).trackingCode]);
    return row!.id;
  };
  const post = (s: Session, url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (s: Session, url: string) => t.app.inject({ url, headers: { cookie: s.cookie } });
  const code = (r: { json(): unknown }) => (r.json() as { error: { code: string; details?: { reason?: string } } }).error;

  before(async () => {
    t = await buildTestApp(db());
    saigon = await t.login('canbo.saigon@gandan.local');
    linhxuan = await t.login('canbo.linhxuan@gandan.local');
    sxd = await t.login('canbo.soxaydung@gandan.local');
    cityAdmin = await t.login('admin@gandan.local');
  });

  test('a ward asks another to take a case over; the receiving ward sees it in "incoming", reads it, accepts: the case moves, unassigned and new', async () => {
    const caseId = await open('26740');
    const me = (await get(saigon, '/api/staff/me')).json() as { user: { id: string } };
    assert.equal((await post(saigon, `/api/staff/cases/${caseId}/assign`, { assigneeId: me.user.id })).statusCode, 204);
    // Before the request, the other ward cannot see the case at all.
    assert.equal((await get(linhxuan, `/api/staff/cases/${caseId}`)).statusCode, 404);
    const req = await post(saigon, `/api/staff/cases/${caseId}/transfers`, { unitCode: '26800', reason: 'Địa chỉ thuộc phường Linh Xuân' });
    assert.equal(req.statusCode, 201, req.body);
    const transferId = (req.json() as { id: string }).id;
    assert.equal(code(await post(saigon, `/api/staff/cases/${caseId}/transfers`, { unitCode: 'SXD', reason: 'x' })).details?.reason, 'already_pending');

    const incoming = (await get(linhxuan, '/api/staff/cases?view=incoming')).json() as { items: { id: string }[] };
    assert.deepEqual(incoming.items.map((i) => i.id), [caseId]);
    assert.equal(((await get(saigon, '/api/staff/cases?view=incoming')).json() as { items: unknown[] }).items.length, 0);
    assert.equal((await get(linhxuan, `/api/staff/cases/${caseId}`)).statusCode, 200);
    const seen = (await get(linhxuan, `/api/staff/cases/${caseId}/transfers`)).json() as Transfers;
    assert.equal(seen.transfers[0]?.canDecide, true);
    assert.equal(seen.canTransfer, false);
    // Only the receiving unit decides: not the asking ward, not another unit.
    assert.equal(code(await post(saigon, `/api/staff/cases/${caseId}/transfers/${transferId}/accept`)).code, 'TRANSFER_NOT_FOUND');
    assert.equal(code(await post(sxd, `/api/staff/cases/${caseId}/transfers/${transferId}/accept`)).code, 'TRANSFER_NOT_FOUND');

    t.clock.advance(HOUR);
    assert.equal((await post(linhxuan, `/api/staff/cases/${caseId}/transfers/${transferId}/accept`)).statusCode, 204);
    assert.equal(code(await post(linhxuan, `/api/staff/cases/${caseId}/transfers/${transferId}/accept`)).details?.reason, 'already_decided');
    const [row] = await t.ctx.db.query<{ code: string; status: string; assignee_id: string | null }>('SELECT u.code, c.status, c.assignee_id FROM cases c JOIN units u ON u.id = c.unit_id WHERE c.id = $1', [caseId]);
    assert.deepEqual(row, { code: '26800', status: 'new', assignee_id: null });
    assert.equal((await get(saigon, `/api/staff/cases/${caseId}`)).statusCode, 404);
    const detail = (await get(linhxuan, `/api/staff/cases/${caseId}`)).json() as { timeline: { kind: string; createdAt: string; data: Record<string, unknown> }[] };
    const hops = detail.timeline.filter((e) => e.kind.startsWith('transfer.'));
    assert.deepEqual(hops.map((e) => [e.kind, e.data.from, e.data.to]), [['transfer.requested', '26740', '26800'], ['transfer.accepted', '26740', '26800']]);
    assert.equal(new Date(hops[1]!.createdAt).getTime() - new Date(hops[0]!.createdAt).getTime(), HOUR);
  });

  test('the receiving unit returns a transfer with a reason: the case stays, the return counts as a misroute of the asking ward', async () => {
    const caseId = await open('26740');
    const transferId = ((await post(saigon, `/api/staff/cases/${caseId}/transfers`, { unitCode: 'SXD', reason: 'Công trình xây dựng' })).json() as { id: string }).id;
    assert.equal((await post(sxd, `/api/staff/cases/${caseId}/transfers/${transferId}/return`, { reason: '' })).statusCode, 400);
    assert.equal((await post(sxd, `/api/staff/cases/${caseId}/transfers/${transferId}/return`, { reason: 'Không thuộc thẩm quyền Sở' })).statusCode, 204);
    const after = (await get(saigon, `/api/staff/cases/${caseId}/transfers`)).json() as Transfers;
    assert.equal(after.lead.code, '26740');
    assert.deepEqual(after.transfers.map((x) => [x.status, x.returnReason]), [['returned', 'Không thuộc thẩm quyền Sở']]);
    assert.equal((await get(sxd, `/api/staff/cases/${caseId}`)).statusCode, 404);
    const misroutes = (await get(cityAdmin, '/api/staff/reports/misroutes')).json() as { rows: { unit: { code: string }; returned: number; passedOnQuickly: number; total: number }[] };
    // 26740 got one transfer back and passed one case on within 3 days of receiving it (the first test).
    const saigonRow = misroutes.rows.find((r) => r.unit.code === '26740');
    assert.deepEqual(saigonRow && { returned: saigonRow.returned, passedOnQuickly: saigonRow.passedOnQuickly, total: saigonRow.total }, { returned: 1, passedOnQuickly: 1, total: 2 });
    const wardView = (await get(linhxuan, '/api/staff/reports/misroutes')).json() as { rows: unknown[] };
    assert.equal(wardView.rows.length, 0, 'a ward sees only its own subtree');
    const narrow = (await get(cityAdmin, '/api/staff/reports/misroutes?days=0')).json() as { rows: { unit: { code: string }; passedOnQuickly: number }[] };
    assert.equal(narrow.rows.find((r) => r.unit.code === '26740')?.passedOnQuickly, 0);
  });

  test('coordinating units read the case and add notes but cannot change its status; removing one ends that', async () => {
    const caseId = await open('26740');
    assert.equal((await post(linhxuan, `/api/staff/cases/${caseId}/notes`, { body: 'x' })).statusCode, 404);
    const added = await post(saigon, `/api/staff/cases/${caseId}/coordinating-units`, { unitCode: '26800' });
    assert.deepEqual(added.json(), { changed: true });
    assert.equal((await get(linhxuan, `/api/staff/cases/${caseId}`)).statusCode, 200);
    assert.equal((await post(linhxuan, `/api/staff/cases/${caseId}/notes`, { body: 'Phường Linh Xuân phối hợp kiểm tra' })).statusCode, 201);
    assert.equal((await post(linhxuan, `/api/staff/cases/${caseId}/status`, { status: 'resolved' })).statusCode, 403);
    assert.equal((await post(linhxuan, `/api/staff/cases/${caseId}/transfers`, { unitCode: 'SXD', reason: 'x' })).statusCode, 403);
    assert.equal(code(await post(saigon, `/api/staff/cases/${caseId}/coordinating-units`, { unitCode: '26740' })).code, 'TRANSFER_NOT_POSSIBLE');
    const removed = await post(saigon, `/api/staff/cases/${caseId}/coordinating-units/26800/remove`);
    assert.deepEqual(removed.json(), { changed: true });
    assert.equal((await get(linhxuan, `/api/staff/cases/${caseId}`)).statusCode, 404);
    const kinds = await t.ctx.db.query<{ kind: string }>("SELECT kind FROM case_events WHERE case_id = $1 AND kind LIKE 'coordination.%' ORDER BY id", [caseId]);
    assert.deepEqual(kinds.map((k) => k.kind), ['coordination.added', 'coordination.removed']);
  });

  test('a closed case cannot be transferred; an unknown unit is refused', async () => {
    const caseId = await open('26740');
    assert.equal(code(await post(saigon, `/api/staff/cases/${caseId}/transfers`, { unitCode: 'NOPE', reason: 'x' })).code, 'UNIT_NOT_FOUND');
    assert.equal(code(await post(saigon, `/api/staff/cases/${caseId}/transfers`, { unitCode: '26740', reason: 'x' })).details?.reason, 'same_unit');
    await post(saigon, `/api/staff/cases/${caseId}/status`, { status: 'rejected', reason: 'spam' });
    assert.equal(code(await post(saigon, `/api/staff/cases/${caseId}/transfers`, { unitCode: '26800', reason: 'x' })).details?.reason, 'case_final');
  });
});
