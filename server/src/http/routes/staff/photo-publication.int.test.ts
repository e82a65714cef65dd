import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import sharp from 'sharp';
import type { CaseDetail, PublicProblem } from '../../../../../contracts/api.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { sealAllAudit } from '../../../commands/seal-audit-log.ts';

type Session = Awaited<ReturnType<TestApp['login']>>;

function multipart(data: Buffer) {
  const boundary = '----gandan-photo-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const LEAKY_TEXT = 'Tôi là Nguyễn Văn An, SĐT 0912 345 678, CCCD 079123456789. Nắp cống trước nhà số 12 đường Lê Lợi bị vỡ, gọi chị Mai 0987.654.321.';
const SECRETS = ['Nguyễn Văn An', '0912', '345 678', '079123456789', 'số 12', 'Mai', '0987', 'mai@example', 'GD-'];

describeEachEngine('photos approved for public view; one public-report policy for the map and Open311', (db) => {
  let t: TestApp;
  let officer: Session;
  let otherWard: Session;

  const upload = async (colour: string) => {
    const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: colour } }).jpeg().toBuffer();
    const res = await t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart(jpeg) });
    assert.equal(res.statusCode, 201, res.body);
    return (res.json() as { uploadToken: string }).uploadToken;
  };
  const report = async (payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { unitCode: '26740', ...payload } });
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [(res.json() as { trackingCode: string }).trackingCode]);
    // A report with a category, as triage or an officer would file it, so that Open311 lists it too.
    await t.ctx.db.query(`UPDATE cases SET type = 'phan_anh', category = 'ha_tang_giao_thong' WHERE id = $1`, [row!.id]);
    return row!.id;
  };
  const detail = async (s: Session, caseId: string) => (await t.app.inject({ url: `/api/staff/cases/${caseId}`, headers: { cookie: s.cookie } })).json() as CaseDetail;
  const setPublic = (s: Session, caseId: string, attachmentId: string, isPublic: boolean) =>
    t.app.inject({ method: 'PUT', url: `/api/staff/cases/${caseId}/attachments/${attachmentId}/public`, headers: s.headers, payload: { isPublic } });
  const problem = async (caseId: string) => ((await t.app.inject({ url: '/api/public/problems' })).json() as { items: PublicProblem[] }).items.find((p) => p.id === caseId);
  const open311 = async (caseId: string) => ((await t.app.inject({ url: `/open311/v2/requests/${caseId}.json` })).json() as Record<string, unknown>[])[0]!;
  const photoStatus = async (id: string) => (await t.app.inject({ url: `/api/public/photos/${id}` })).statusCode;

  before(async () => {
    t = await buildTestApp(db());
    officer = await t.login('canbo.saigon@gandan.local');
    otherWard = await t.login('canbo.linhxuan@gandan.local');
  });

  test('an officer approves and withdraws each photo; only approved photos reach the map, the photo URL and Open311 media_url', async () => {
    const caseId = await report({ text: 'Ổ gà lớn giữa đường', location: { lat: 10.7745, lng: 106.7012 }, attachments: [await upload('#a33'), await upload('#3a3')] });
    const seen = await detail(officer, caseId);
    assert.equal(seen.canPublishPhotos, true);
    const [first, second] = seen.case.attachments;
    assert.ok(first && second);
    assert.deepEqual(seen.case.attachments.map((a) => a.isPublic), [false, false]);

    // Nothing is public before an officer has looked, whatever id is guessed.
    assert.deepEqual((await problem(caseId))?.photoIds, []);
    assert.equal(await photoStatus(first.id), 404);
    assert.equal(await photoStatus(second.id), 404);
    assert.equal((await open311(caseId)).media_url, null);

    const approved = await setPublic(officer, caseId, second.id, true);
    assert.equal(approved.statusCode, 200, approved.body);
    assert.deepEqual(approved.json(), { isPublic: true, changed: true });
    assert.deepEqual((await setPublic(officer, caseId, second.id, true)).json(), { isPublic: true, changed: false }, 'asking again changes nothing');

    assert.deepEqual((await problem(caseId))?.photoIds, [second.id]);
    const served = await t.app.inject({ url: `/api/public/photos/${second.id}` });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/jpeg');
    assert.equal(await photoStatus(first.id), 404, 'the unapproved photo of the same case stays private');
    assert.equal((await open311(caseId)).media_url, `https://gandan.test/api/public/photos/${second.id}`);
    assert.deepEqual((await detail(officer, caseId)).case.attachments.map((a) => a.isPublic), [false, true]);

    assert.deepEqual((await setPublic(officer, caseId, second.id, false)).json(), { isPublic: false, changed: true });
    assert.equal(await photoStatus(second.id), 404);
    assert.deepEqual((await problem(caseId))?.photoIds, []);
    assert.equal((await open311(caseId)).media_url, null);

    const after = await detail(officer, caseId);
    assert.deepEqual(after.timeline.filter((e) => e.kind.startsWith('photo.')).map((e) => [e.kind, e.data.attachmentId, e.visibility]), [
      ['photo.published', second.id, 'internal'],
      ['photo.unpublished', second.id, 'internal'],
    ]);
    await sealAllAudit(t.ctx.db); // entries are linked into the chain by the worker's sealer
    const audit = await t.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE case_id = $1 AND action LIKE 'photo.%' ORDER BY seq`, [caseId]);
    assert.deepEqual(audit.map((a) => a.action), ['photo.published', 'photo.unpublished']);
  });

  test('other units cannot decide; a photo of another case is not found; a rejected case publishes no photo', async () => {
    const caseId = await report({ text: 'Cây đổ', attachments: [await upload('#33a')] });
    const otherCase = await report({ text: 'Đèn hỏng', attachments: [await upload('#aa3')] });
    const photoId = (await detail(officer, caseId)).case.attachments[0]!.id;
    const otherPhotoId = (await detail(officer, otherCase)).case.attachments[0]!.id;

    const outside = await setPublic(otherWard, caseId, photoId, true);
    assert.equal(outside.statusCode, 404);
    assert.equal((outside.json() as { error: { code: string } }).error.code, 'CASE_NOT_FOUND');
    const mismatched = await setPublic(officer, caseId, otherPhotoId, true);
    assert.equal(mismatched.statusCode, 404);
    assert.equal((mismatched.json() as { error: { code: string } }).error.code, 'ATTACHMENT_NOT_FOUND');
    const noCsrf = await t.app.inject({ method: 'PUT', url: `/api/staff/cases/${caseId}/attachments/${photoId}/public`, headers: { cookie: officer.cookie }, payload: { isPublic: true } });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(await photoStatus(photoId), 404);

    assert.equal((await setPublic(officer, caseId, photoId, true)).statusCode, 200);
    assert.equal(await photoStatus(photoId), 200);
    await t.ctx.db.query(`UPDATE cases SET status = 'rejected' WHERE id = $1`, [caseId]);
    assert.equal(await photoStatus(photoId), 404);
    const rejected = await open311(caseId);
    assert.deepEqual([rejected.status, rejected.description, rejected.media_url], ['closed', null, null]);
  });

  test('the map and Open311 publish the same redacted text of a report, whatever its channel', async () => {
    const caseId = await report({ text: LEAKY_TEXT, contact: { name: 'Chị Mai', phone: '0987 654 321', email: 'mai@example.vn' }, location: { lat: 10.77453, lng: 106.70118 } });
    const onMap = (await problem(caseId))!;
    const request = await open311(caseId);
    const expected = 'Tôi là [tên], SĐT [SĐT], CCCD [CCCD]. Nắp cống trước [số nhà] đường Lê Lợi bị vỡ, gọi [tên] [SĐT].';
    assert.equal(onMap.text, expected);
    assert.equal(request.description, expected);
    assert.deepEqual([request.lat, request.long], [onMap.location?.lat, onMap.location?.lng], 'the same blurred point');
    for (const body of [JSON.stringify(onMap), JSON.stringify(request), (await t.app.inject({ url: `/open311/v2/requests/${caseId}.xml` })).body])
      for (const secret of SECRETS) assert.ok(!body.includes(secret), `leaked ${secret}: ${body}`);
  });

  test('script typed into a report is kept as text: JSON as is, Open311 XML escaped', async () => {
    const script = '<script>window.pwned = 1</script> Đèn <b>tắt</b> & nguy hiểm';
    const caseId = await report({ text: script });
    const [stored] = await t.ctx.db.query<{ description: string }>('SELECT description FROM cases WHERE id = $1', [caseId]);
    assert.equal(stored!.description, script);
    assert.equal((await problem(caseId))?.text, script);
    const x = (await t.app.inject({ url: `/open311/v2/requests/${caseId}.xml` })).body;
    assert.ok(!x.includes('<script>') && !x.includes('<b>'), x);
    assert.match(x, /&lt;script&gt;window\.pwned = 1&lt;\/script&gt; Đèn &lt;b&gt;tắt&lt;\/b&gt; &amp; nguy hiểm/u);
  });
});
