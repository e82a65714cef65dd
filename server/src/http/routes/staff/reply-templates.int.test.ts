import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { RenderedReplyTemplate, ReplyTemplate, ReplyTemplateList } from '../../../../../contracts/api.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

type Headers = Record<string, string>;

describeEachEngine('reply templates API', (db) => {
  let t: TestApp;
  let caseId: string;
  let trackingCode: string;
  let head: Headers;
  let officer: Headers;
  let cityAdmin: Headers;
  let otherWard: Headers;
  before(async () => {
    t = await buildTestApp(db());
    const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Xin hỏi thủ tục đăng ký khai sinh', unitCode: '26740', contact: { name: 'Nguyễn Thị Lan', phone: '0901234567' } } });
    trackingCode = (r.json() as { trackingCode: string }).trackingCode;
    caseId = (await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [trackingCode]))[0]!.id;
    // A known deadline and no procedure identified yet (whatever the first pass made of the text).
    await t.ctx.db.query("UPDATE cases SET procedure_code = NULL, due_at = '2026-11-09T10:00:00Z' WHERE id = $1", [caseId]);
    head = (await t.login('truongphong.saigon@gandan.local')).headers;
    officer = (await t.login('canbo.saigon@gandan.local')).headers;
    cityAdmin = (await t.login('admin@gandan.local')).headers;
    otherWard = (await t.login('canbo.linhxuan@gandan.local')).headers;
  });

  const create = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/staff/reply-templates', headers, payload });
  const list = async (headers: Headers, unitCode?: string) => {
    const r = await t.app.inject({ url: `/api/staff/reply-templates${unitCode ? `?unitCode=${unitCode}` : ''}`, headers });
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as ReplyTemplateList;
  };
  const code = (r: { json: () => unknown }) => (r.json() as { error: { code: string } }).error.code;

  test('a unit administrator adds templates; an unknown variable is refused with a stable code; officers cannot manage', async () => {
    const ok = await create(head, { unitCode: '26740', locale: 'vi', title: 'Hẹn bổ sung giấy tờ', body: 'Kính gửi {formOfAddress}, hồ sơ {trackingCode} sẽ được {unitName} trả lời trước {dueDate}. Giấy tờ cần có: {procedureDocuments}\n{staffName}' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((ok.json() as ReplyTemplate).isInherited, false);

    const bad = await create(head, { unitCode: '26740', locale: 'vi', title: 'Sai', body: 'Mã {trackingcode}, {foo}' });
    assert.equal(bad.statusCode, 422);
    assert.equal(code(bad), 'TEMPLATE_VARIABLE_UNKNOWN');
    assert.deepEqual((bad.json() as { error: { details: { unknown: string[] } } }).error.details.unknown, ['trackingcode', 'foo']);

    const byOfficer = await create(officer, { unitCode: '26740', locale: 'vi', title: 'x', body: 'x' });
    assert.equal(byOfficer.statusCode, 403);
    const otherUnit = await create(head, { unitCode: '26800', locale: 'vi', title: 'x', body: 'x' });
    assert.equal(code(otherUnit), 'UNIT_NOT_FOUND');
  });

  test('the city’s templates are inherited by every unit; a ward’s are not seen by another ward', async () => {
    const city = await create(cityAdmin, { unitCode: '79', locale: 'en', title: 'Received', body: 'Dear {formOfAddress}, your case {trackingCode} is being handled by {unitName}. Follow it at {trackUrl}.' });
    assert.equal(city.statusCode, 201, city.body);
    const saigon = await list(officer);
    assert.deepEqual(saigon.items.map((i) => [i.title, i.isInherited]), [['Hẹn bổ sung giấy tờ', false], ['Received', true]]);
    assert.ok(saigon.variables.includes('procedureDocuments'));
    const linhXuan = await list(otherWard);
    assert.deepEqual(linhXuan.items.map((i) => [i.title, i.isInherited]), [['Received', true]]);
    assert.equal(code(await t.app.inject({ url: '/api/staff/reply-templates?unitCode=26740', headers: otherWard })), 'UNIT_NOT_FOUND');

    // A ward administrator cannot change the city's template.
    const cityId = (city.json() as ReplyTemplate).id;
    const edit = await t.app.inject({ method: 'PUT', url: `/api/staff/reply-templates/${cityId}`, headers: head, payload: { locale: 'en', title: 'Mine now', body: 'x' } });
    assert.equal(edit.statusCode, 404);
    assert.equal(code(edit), 'TEMPLATE_NOT_FOUND');
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/staff/reply-templates/${cityId}`, headers: head })).statusCode, 404);
  });

  test('on a case, templates are filled from it in their own language; what the case lacks is a visible placeholder', async () => {
    const r = await t.app.inject({ url: `/api/staff/cases/${caseId}/reply-templates`, headers: officer });
    assert.equal(r.statusCode, 200, r.body);
    const [vi, en] = r.json() as RenderedReplyTemplate[];
    assert.ok(vi && en);
    assert.equal(vi.text.split('\n')[0], `Kính gửi ông/bà Nguyễn Thị Lan, hồ sơ ${trackingCode} sẽ được UBND Phường Sài Gòn trả lời trước 17:00 09/11/2026. Giấy tờ cần có: [chưa xác định thủ tục nên chưa có danh sách giấy tờ]`);
    assert.ok(vi.text.endsWith('\nNguyễn Văn An'), 'signed with the officer’s name');
    assert.deepEqual(vi.missing, ['procedureDocuments']);
    assert.equal(en.text, `Dear Nguyễn Thị Lan, your case ${trackingCode} is being handled by People's Committee of Phường Sài Gòn. Follow it at https://gandan.test/track/${trackingCode}.`);
    assert.deepEqual(en.missing, []);

    // Once the procedure is known, its documents are listed, one per line.
    const [procedure] = await t.ctx.db.query<{ code: string; documents: string[] }>('SELECT code, documents FROM procedures WHERE jsonb_array_length(documents) > 1 ORDER BY code LIMIT 1');
    assert.ok(procedure);
    await t.ctx.db.query('UPDATE cases SET procedure_code = $2 WHERE id = $1', [caseId, procedure.code]);
    const again = (await t.app.inject({ url: `/api/staff/cases/${caseId}/reply-templates`, headers: officer })).json() as RenderedReplyTemplate[];
    assert.ok(again[0]?.text.includes(`Giấy tờ cần có: ${procedure.documents.map((d) => `- ${d}`).join('\n')}\n`));
    assert.deepEqual(again[0]?.missing, []);

    const foreign = await t.app.inject({ url: `/api/staff/cases/${caseId}/reply-templates`, headers: otherWard });
    assert.equal(foreign.statusCode, 404);
  });

  test('edit and delete a unit’s own template', async () => {
    const [own] = (await list(head)).items;
    assert.ok(own && !own.isInherited);
    const bad = await t.app.inject({ method: 'PUT', url: `/api/staff/reply-templates/${own.id}`, headers: head, payload: { locale: 'vi', title: own.title, body: '{dueDay}' } });
    assert.equal(code(bad), 'TEMPLATE_VARIABLE_UNKNOWN');
    const edited = await t.app.inject({ method: 'PUT', url: `/api/staff/reply-templates/${own.id}`, headers: head, payload: { locale: 'vi', title: 'Đã nhận', body: 'Đã nhận hồ sơ {trackingCode}.' } });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal((edited.json() as ReplyTemplate).title, 'Đã nhận');
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/staff/reply-templates/${own.id}`, headers: officer })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/staff/reply-templates/${own.id}`, headers: head })).statusCode, 204);
    assert.deepEqual((await list(head)).items.map((i) => i.title), ['Received']);
  });
});
