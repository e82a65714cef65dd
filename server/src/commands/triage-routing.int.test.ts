import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachEngine } from '../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';

type Detail = {
  case: { id: string; unit: { code: string }; type: string; isUrgent: boolean; needsTriage: boolean; trackingCode: string };
  triage: { decision: string; receivedBy: string; explanation: { vi: string; en: string }[]; place: { unitCode: string | null } } | null;
  timeline: { kind: string; data: Record<string, unknown> }[];
};

describeEachEngine('triage at intake and routing', (db) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['login']>>;
  const submit = async (payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload });
    assert.equal(res.statusCode, 201, res.body);
    const code = (res.json() as { trackingCode: string }).trackingCode;
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [code]);
    return { code, id: row!.id };
  };
  const detail = async (id: string) => (await t.app.inject({ url: `/api/staff/cases/${id}`, headers: admin.headers })).json() as Detail;

  before(async () => {
    t = await buildTestApp(db(), { triage: true });
    admin = await t.login('admin@gandan.local');
  });

  test('a report to the city naming an old ward goes to the 2025 ward, which acknowledges it, with the reasons', async () => {
    const { id, code } = await submit({ text: 'Cống trước số 20 Lý Tự Trọng, phường Bến Nghé quận 1 bị tắc, nước tràn lên vỉa hè' });
    const d = await detail(id);
    assert.equal(d.case.unit.code, '26740', 'Bến Nghé (Quận 1) merged into Phường Sài Gòn');
    assert.equal(d.triage?.decision, 'routed');
    assert.equal(d.triage?.receivedBy, '79');
    const why = d.triage!.explanation.map((e) => e.vi).join(' | ');
    assert.match(why, /Bến Nghé/);
    assert.match(why, /Phường Sài Gòn/);
    assert.match(why, /Quy tắc/);
    assert.deepEqual(d.timeline.find((e) => e.kind === 'case.routed')?.data, { from: '79', to: '26740' });
    const view = (await t.app.inject({ url: `/api/public/cases/${code}` })).json() as { unit: { code: string }; replies: { body: string; kind: string }[] };
    assert.equal(view.unit.code, '26740');
    assert.match(view.replies[0]!.body, /^UBND Phường Sài Gòn đã tiếp nhận/);
    assert.deepEqual(view.replies.map((r) => r.kind), ['acknowledgement'], 'a report gets no automatic procedure answer');
  });

  test('a procedure question goes to the ward the citizen asks about and is answered at once from the catalogue', async () => {
    const { id, code } = await submit({ text: 'Cho em hỏi làm giấy khai sinh cho con ở phường Linh Trung Thủ Đức cần giấy tờ gì ạ' });
    const d = await detail(id);
    assert.equal(d.case.unit.code, '26800');
    assert.equal(d.case.type, 'hoi_dap');
    const view = (await t.app.inject({ url: `/api/public/cases/${code}` })).json() as { status: string; replies: { body: string; kind: string }[] };
    assert.deepEqual(view.replies.map((r) => r.kind), ['acknowledgement', 'notification']);
    assert.match(view.replies[1]!.body, /Đăng ký khai sinh/);
    assert.match(view.replies[1]!.body, /https:\/\/gandan\.test\/thu-tuc\/1\.001193/);
    assert.equal(view.status, 'new', 'the case stays open for an officer');
    const answered = d.timeline.filter((e) => e.kind === 'message.sent').map((e) => e.data.automatic);
    assert.deepEqual(answered, [undefined, 'procedure_answer'], 'the officer sees the system answered');
  });

  test('a case sent to a chosen ward stays there, classified', async () => {
    const { id } = await submit({ text: 'Đèn đường hẻm 7 Pasteur không sáng mấy hôm nay', unitCode: '26800' });
    const d = await detail(id);
    assert.equal(d.case.unit.code, '26800');
    assert.equal(d.triage?.decision, 'kept');
  });

  test('without a place the city keeps the case in the triage queue; a correction routes it and is kept as a label', async () => {
    const { id } = await submit({ text: 'Rác ở đầu hẻm để mấy ngày không ai dọn, bốc mùi quá' });
    let d = await detail(id);
    assert.equal(d.case.unit.code, '79');
    assert.equal(d.case.needsTriage, true);
    const queue = (await t.app.inject({ url: '/api/staff/cases?view=triage', headers: admin.headers })).json() as { items: { id: string; needsTriage: boolean }[] };
    assert.ok(queue.items.some((i) => i.id === id && i.needsTriage));
    const officer = await t.login('canbo.saigon@gandan.local');
    const outside = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${id}/triage`, headers: officer.headers, payload: { type: 'phan_anh', category: 'moi_truong', procedure: null, urgent: false } });
    assert.equal(outside.statusCode, 404, 'a ward officer cannot see the city queue');
    const fix = await t.app.inject({
      method: 'POST',
      url: `/api/staff/cases/${id}/triage`,
      headers: admin.headers,
      payload: { type: 'phan_anh', category: 'moi_truong', procedure: null, urgent: false, unitCode: '26740' },
    });
    assert.deepEqual(fix.json(), { moved: true });
    d = await detail(id);
    assert.equal(d.case.unit.code, '26740');
    assert.equal(d.case.needsTriage, false);
    assert.deepEqual(d.timeline.filter((e) => e.kind === 'case.routed').at(-1)?.data, { from: '79', to: '26740' });
    const [label] = await t.ctx.db.query<{ category: string; text: string }>('SELECT category, text FROM triage_labels WHERE case_id = $1', [id]);
    assert.equal(label?.category, 'moi_truong');
    assert.match(label!.text, /^Rác ở đầu hẻm/);
    const queueAfter = (await t.app.inject({ url: '/api/staff/cases?view=triage', headers: admin.headers })).json() as { items: { id: string }[] };
    assert.ok(!queueAfter.items.some((i) => i.id === id));
    const bad = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${id}/triage`, headers: admin.headers, payload: { type: 'nonsense', category: null, procedure: null, urgent: false } });
    assert.equal(bad.statusCode, 400);
    // A category or procedure the model does not know is refused and changes nothing (no label, no new type).
    const labels = async () => (await t.ctx.db.query('SELECT 1 FROM triage_labels WHERE case_id = $1', [id])).length;
    const before = await labels();
    for (const payload of [
      { type: 'phan_anh', category: 'rac_ve_sinh', procedure: null, urgent: false },
      { type: 'thu_tuc', category: null, procedure: 'lam_so_do', urgent: false },
    ]) {
      const refused = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${id}/triage`, headers: admin.headers, payload });
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal((refused.json() as { error: { code: string } }).error.code, 'VALIDATION_FAILED');
    }
    assert.equal(await labels(), before);
    assert.equal((await detail(id)).case.type, 'phan_anh');
  });

  test('urgent danger is flagged and listed in the urgent view', async () => {
    const { id } = await submit({ text: 'Cây đổ chắn ngang đường Lê Lợi phường Bến Thành quận 1, dây điện đang tóe lửa, nguy hiểm lắm', unitCode: '26740' });
    const d = await detail(id);
    assert.equal(d.case.isUrgent, true);
    const urgent = (await t.app.inject({ url: '/api/staff/cases?view=urgent', headers: admin.headers })).json() as { items: { id: string }[] };
    assert.ok(urgent.items.some((i) => i.id === id));
  });

  test('personal data an officer types in a reply is masked on the public tracking page', async () => {
    const { id, code } = await submit({ text: 'Hỏi giờ làm việc của phường', unitCode: '26740' });
    const officer = await t.login('truongphong.saigon@gandan.local');
    await t.app.inject({ method: 'POST', url: `/api/staff/cases/${id}/replies`, headers: officer.headers, payload: { body: 'Anh gọi số 0912 345 678 hoặc email canbo@phuong.gov.vn để được hỗ trợ.' } });
    const view = (await t.app.inject({ url: `/api/public/cases/${code}` })).body;
    assert.ok(!view.includes('0912 345 678'), view);
    assert.ok(!view.includes('canbo@phuong.gov.vn'), view);
  });
});
