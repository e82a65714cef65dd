import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { parseZaloWebhook } from '../../../channels/zalo/parse-webhook.ts';
import { handleChannelEvent } from '../../../commands/handle-channel-event.ts';
import { sealAllAudit } from '../../../commands/seal-audit-log.ts';
import { verifyAuditChain } from '../../../commands/verify-audit-chain.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';
import { buildTestApp, START, type TestApp } from '../../../../test/build-test-app.ts';

type Visits = {
  procedures: { code: string; name: string; feeVnd: number | null; suggested: boolean }[];
  canOffer: boolean;
  active: { id: string; state: string; confirmedSlot: number | null; officer: { id: string } | null; feeVnd: number | null; receiptNumber: string | null; elapsedMs: number | null; actions: string[] } | null;
  past: { state: string; elapsedMs: number | null; closeReason: string | null }[];
  officers: { id: string; name: string }[];
};
type PublicView = { visit: { state: string; slots: { number: number; startsAt: string }[]; confirmedSlot: number | null; canConfirm: boolean } | null };
type Report = { rows: { unit: { code: string }; done: number; cancelled: number; noShow: number; medianMs: number | null; p90Ms: number | null }[]; total: { done: number; medianMs: number | null; p90Ms: number | null } };

const MIN = 60_000;
const local = (hhmm: string, day = '2026-11-02') => `${day}T${hhmm}:00+07:00`;

describeEachEngine('field visits: offer → confirm on the citizen’s channel → dispatch → on the way → collected → done, and the report', (db) => {
  let t: TestApp;
  let officer: Awaited<ReturnType<TestApp['login']>>;
  let otherWard: Awaited<ReturnType<TestApp['login']>>;
  let officerId = '';
  before(async () => {
    t = await buildTestApp(db());
    officer = await t.login('canbo.saigon@gandan.local');
    otherWard = await t.login('canbo.linhxuan@gandan.local');
  });

  let zaloMessages = 0;
  /** A Zalo citizen writes to Phường Sài Gòn's OA, through the adapter's parser and the inbound handler. */
  const zaloSays = async (text: string) => {
    zaloMessages++;
    const payload = {
      app_id: '4100000000000000001',
      user_id_by_app: '7700000000000000002',
      event_name: 'user_send_text',
      sender: { id: '2400000000000000003' },
      recipient: { id: '1500000000000000004' },
      message: { msg_id: `visit-msg-${zaloMessages}`, text },
      timestamp: String(t.clock.now().getTime()),
    };
    const events = parseZaloWebhook(payload);
    for (const e of events) await handleChannelEvent(t.ctx, 'zalo', '26740', e);
  };
  const caseByChannel = async (channel: string) => (await t.ctx.db.query<{ id: string; tracking_code: string }>('SELECT id, tracking_code FROM cases WHERE channel = $1 ORDER BY created_at DESC LIMIT 1', [channel]))[0]!;
  const visits = async (id: string, headers = officer.headers) => (await t.app.inject({ url: `/api/staff/cases/${id}/visits`, headers })).json() as Visits;
  const post = (id: string, path: string, payload: unknown = {}, headers = officer.headers) => t.app.inject({ method: 'POST', url: `/api/staff/cases/${id}/visits${path}`, headers, payload: payload as Record<string, unknown> });
  const outgoing = async (caseId: string) => (await t.ctx.db.query<{ body: string }>("SELECT body FROM messages WHERE case_id = $1 AND direction = 'out' ORDER BY created_at, id", [caseId])).map((m) => m.body);
  const timelineKinds = async (caseId: string) => (await t.ctx.db.query<{ kind: string }>("SELECT kind FROM case_events WHERE case_id = $1 AND kind LIKE 'visit.%' ORDER BY id", [caseId])).map((e) => e.kind);

  test('the seed story on Zalo: certified copy at home, 15 minutes from the first message to completion', async () => {
    t.clock.set(START); // Monday 09:00 in Ho Chi Minh City
    await zaloSays('Tôi cần chứng thực bản sao giấy tờ nhưng đang ốm, cán bộ đến nhà được không?');
    const c = await caseByChannel('zalo');
    let v = await visits(c.id);
    assert.equal(v.canOffer, true);
    assert.ok(v.procedures.some((p) => p.code === '2.000815' && p.feeVnd === 2000), 'certified copies may be done at home');
    assert.ok(!v.procedures.some((p) => p.code === '1.004194'), 'residence registration may not');
    officerId = v.officers.find((o) => o.name.length > 0 && o.id)!.id;

    // Slots that break the rules are refused with the problem of each.
    const refused = await post(c.id, '', { procedureCode: '2.000815', slots: [{ startsAt: local('08:00'), endsAt: local('08:30') }, { startsAt: local('09:00', '2026-11-07'), endsAt: local('09:30', '2026-11-07') }] });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual((refused.json() as { error: { details: { problems: unknown } } }).error.details.problems, [
      { slot: 1, problem: 'in_past' },
      { slot: 2, problem: 'outside_working_hours' },
    ]);
    const notAtHome = await post(c.id, '', { procedureCode: '1.004194', slots: [{ startsAt: local('10:00'), endsAt: local('10:30') }] });
    assert.equal(notAtHome.statusCode, 409);
    assert.equal((await post(c.id, '', { procedureCode: '2.000815', slots: [{ startsAt: local('10:00'), endsAt: local('10:30') }] }, otherWard.headers)).statusCode, 404, 'another ward cannot see the case');

    t.clock.advance(2 * MIN);
    const offered = await post(c.id, '', { procedureCode: '2.000815', slots: [{ startsAt: local('09:05'), endsAt: local('09:20') }, { startsAt: local('14:00'), endsAt: local('14:30') }] });
    assert.equal(offered.statusCode, 201, offered.body);
    assert.equal((await post(c.id, '', { procedureCode: '2.000815', slots: [{ startsAt: local('15:00'), endsAt: local('15:30') }] })).statusCode, 409, 'one active visit per case');
    const offer = (await outgoing(c.id)).at(-1)!;
    assert.match(offer, /Chứng thực bản sao từ bản chính/);
    assert.match(offer, /1\. 09:05–09:20 Thứ Hai 02\/11\/2026\n2\. 14:00–14:30 Thứ Hai 02\/11\/2026/);
    const outboxRows = await t.ctx.db.query<{ channel: string; status: string }>("SELECT o.channel, o.status FROM outbound_messages o JOIN messages m ON m.id = o.message_id WHERE m.case_id = $1 AND m.body LIKE '%chọn một khung giờ%'", [c.id]);
    assert.deepEqual(outboxRows, [{ channel: 'zalo', status: 'queued' }], 'the offer goes out on the citizen’s own channel through the outbox');

    // The citizen answers on Zalo with the slot number; saying it again changes nothing.
    t.clock.advance(MIN);
    await zaloSays('chọn 1');
    v = await visits(c.id);
    assert.equal(v.active?.state, 'confirmed');
    assert.equal(v.active?.confirmedSlot, 1);
    await zaloSays('1');
    await zaloSays('Số 12 hẻm 45, cảm ơn');
    assert.equal((await outgoing(c.id)).filter((b) => b.startsWith('Đã xác nhận lịch hẹn 09:05–09:20')).length, 1);
    assert.deepEqual(await timelineKinds(c.id), ['visit.offered', 'visit.confirmed']);

    // Dispatch, on the way (told), collected, done with fee and receipt.
    assert.equal((await post(c.id, '/depart')).statusCode, 409, 'nobody dispatched yet');
    t.clock.advance(MIN);
    const dispatched = await post(c.id, '/dispatch', { officerId });
    assert.equal(dispatched.statusCode, 200, dispatched.body);
    t.clock.advance(MIN);
    assert.equal((await post(c.id, '/depart')).statusCode, 200);
    assert.match((await outgoing(c.id)).at(-1)!, /^Cán bộ đang trên đường đến/);
    t.clock.advance(5 * MIN);
    assert.equal((await post(c.id, '/collect')).statusCode, 200);
    t.clock.advance(5 * MIN);
    const noReceipt = await post(c.id, '/complete', { feeVnd: 4000, resultReturn: 'handed_over' });
    assert.equal(noReceipt.statusCode, 422);
    assert.deepEqual((noReceipt.json() as { error: { code: string; details: { problems: string[] } } }).error.details.problems, ['receipt_missing']);
    const done = await post(c.id, '/complete', { feeVnd: 4000, receiptNumber: 'BL-2026/000123', resultReturn: 'handed_over' });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(done.json(), { state: 'done' });
    assert.match((await outgoing(c.id)).at(-1)!, /^Đã hoàn thành thủ tục Chứng thực bản sao từ bản chính tại nhà .*Lệ phí 4\.000 đ, biên lai số BL-2026\/000123\. Kết quả đã được trao tận tay\./);
    v = await visits(c.id);
    assert.equal(v.active, null);
    assert.equal(v.canOffer, true, 'a new visit may be offered later');
    assert.equal(v.past[0]?.state, 'done');
    assert.equal(v.past[0]?.elapsedMs, 15 * MIN, 'from the first message (09:00) to completion (09:15)');
    assert.deepEqual(await timelineKinds(c.id), ['visit.offered', 'visit.confirmed', 'visit.dispatched', 'visit.departed', 'visit.completed'].flatMap((k) => (k === 'visit.completed' ? ['visit.collected', k] : [k])));
    await sealAllAudit(t.ctx.db); // the worker links committed entries into the hash chain
    const audit = await t.ctx.db.query<{ action: string }>("SELECT action FROM audit_log WHERE case_id = $1 AND action LIKE 'visit.%' ORDER BY seq", [c.id]);
    assert.deepEqual(audit.map((a) => a.action), ['visit.offered', 'visit.confirmed', 'visit.dispatched', 'visit.departed', 'visit.collected', 'visit.completed']);
    assert.equal((await verifyAuditChain(t.ctx)).firstBreak, null);
  });

  test('on the portal: the tracking page shows the slots, the citizen confirms one (idempotent), and the officer cannot be double-booked', async () => {
    t.clock.set(new Date(local('09:30')));
    const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Xin chứng thực chữ ký tại nhà cho mẹ tôi, bà đã 90 tuổi', unitCode: '26740' } });
    const code = (res.json() as { trackingCode: string }).trackingCode;
    const c = await caseByChannel('portal');
    assert.equal(c.tracking_code, code);
    const view = async () => (await t.app.inject({ url: `/api/public/cases/${code}` })).json() as PublicView;
    assert.equal((await view()).visit, null);
    t.clock.advance(5 * MIN);
    assert.equal((await post(c.id, '', { procedureCode: '2.000884', slots: [{ startsAt: local('10:00'), endsAt: local('10:30') }, { startsAt: local('13:30'), endsAt: local('14:00') }], officerId })).statusCode, 201);
    let v = await view();
    assert.deepEqual([v.visit?.state, v.visit?.canConfirm, v.visit?.slots.map((s) => s.number)], ['offered', true, [1, 2]]);

    const confirm = (slot: number) => t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/visit/confirm`, payload: { slot } });
    assert.equal((await confirm(3)).statusCode, 422, 'not offered');
    t.clock.advance(5 * MIN);
    assert.deepEqual((await confirm(2)).json(), { slot: 2, changed: true });
    assert.deepEqual((await confirm(2)).json(), { slot: 2, changed: false });
    const other = await confirm(1);
    assert.equal(other.statusCode, 409);
    v = await view();
    assert.deepEqual([v.visit?.state, v.visit?.confirmedSlot, v.visit?.canConfirm], ['confirmed', 2, false]);
    assert.equal((await timelineKinds(c.id)).filter((k) => k === 'visit.confirmed').length, 1);

    // The same officer cannot be offered for a slot overlapping this confirmed visit.
    const third = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Cần chứng thực hợp đồng tại nhà', unitCode: '26740' } });
    const thirdCase = await caseByChannel('portal');
    assert.notEqual(thirdCase.tracking_code, code);
    assert.equal(third.statusCode, 201);
    const busy = await post(thirdCase.id, '', { procedureCode: '2.001035', slots: [{ startsAt: local('13:45'), endsAt: local('14:15') }], officerId });
    assert.equal(busy.statusCode, 422);
    assert.deepEqual((busy.json() as { error: { details: { problems: unknown } } }).error.details.problems, [{ slot: 1, problem: 'officer_busy' }]);
    // Offered without an officer, then cancelled with a reason: the citizen is told.
    t.clock.advance(MIN);
    assert.equal((await post(thirdCase.id, '', { procedureCode: '2.001035', slots: [{ startsAt: local('15:00'), endsAt: local('15:30') }] })).statusCode, 201);
    t.clock.advance(MIN);
    assert.equal((await post(thirdCase.id, '/cancel', { reason: 'Người yêu cầu đã đến trụ sở' })).statusCode, 200);
    assert.match((await outgoing(thirdCase.id)).at(-1)!, /đã hủy: Người yêu cầu đã đến trụ sở/);

    // Staff finish the portal visit at 14:10: 40 minutes from the first message.
    t.clock.set(new Date(local('13:20')));
    assert.equal((await post(c.id, '/dispatch', { officerId })).statusCode, 200);
    assert.equal((await post(c.id, '/depart')).statusCode, 200);
    assert.equal((await post(c.id, '/collect')).statusCode, 200);
    t.clock.set(new Date(local('14:10')));
    assert.equal((await post(c.id, '/complete', { feeVnd: 10000, receiptNumber: 'BL-2026/000124', resultReturn: 'delivered' })).statusCode, 200);
    assert.equal((await view()).visit?.state, 'done');
    assert.equal((await visits(c.id)).past[0]?.elapsedMs, 280 * MIN);
  });

  test('the report: count, median and p90 per unit for a period, within the viewer’s scope', async () => {
    const report = (headers: Record<string, string>, q = 'from=2026-11-01&to=2026-11-30') => t.app.inject({ url: `/api/staff/reports/field-visits?${q}`, headers });
    const res = await report(officer.headers);
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json() as Report;
    assert.deepEqual(r.rows.map((x) => [x.unit.code, x.done, x.cancelled, x.noShow, x.medianMs, x.p90Ms]), [['26740', 2, 1, 0, 15 * MIN, 280 * MIN]]);
    assert.deepEqual([r.total.done, r.total.medianMs, r.total.p90Ms], [2, 15 * MIN, 280 * MIN]);
    assert.deepEqual(((await report(otherWard.headers)).json() as Report).rows, [], 'another ward sees none of them');
    assert.deepEqual(((await report(officer.headers, 'from=2026-10-01&to=2026-10-31')).json() as Report).total.done, 0);
    const admin = await t.login('admin@gandan.local');
    assert.equal(((await report(admin.headers)).json() as Report).total.done, 2, 'the city sees every ward');
  });
});
