import { Ajv, type AnySchema } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { runAdminOperation } from '../../../cli/admin-operations.ts';
import { addApiKey } from '../../../commands/add-api-key.ts';
import { createSecretBox } from '../../../lib/secret-box.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import {
  discoverySchema,
  errorsSchema,
  postResponseSchema,
  requestsSchema,
  serviceDefinitionSchema,
  servicesSchema,
} from '../../../../test/fixtures/georeport-v2/schemas.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
function assertValid(schema: AnySchema, body: unknown): void {
  const validate = ajv.compile(schema);
  assert.ok(validate(body), JSON.stringify(validate.errors));
}
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name) });

const BEN_THANH = { lat: '10.7725', long: '106.6980' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describeEachEngine('Open311 GeoReport v2', (fresh) => {
  let t: TestApp;
  let key: string;
  let postedId: string;

  before(async () => {
    t = await buildTestApp(fresh());
    key = (await addApiKey(t.ctx, { name: 'partner app' })).key;
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const post = (url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, payload: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
  const countCases = async () => (await fresh().db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]?.n;

  void test('discovery in JSON and XML', async () => {
    const json = await get('/open311/discovery.json');
    assert.equal(json.statusCode, 200);
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    assertValid(discoverySchema, json.json());
    assert.equal(json.json().endpoints[0].url, 'https://gandan.test/open311/v2');
    const x = await get('/open311/discovery.xml');
    assert.equal(x.headers['content-type'], 'text/xml; charset=utf-8');
    assert.ok(x.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
    const doc = xml.parse(x.body).discovery;
    assert.deepEqual(doc.endpoints.endpoint[0].formats.format, ['text/xml', 'application/json']);
    assert.equal(doc.contact, json.json().contact);
  });

  void test('services are our categories, Vietnamese first, English on request; definitions validate', async () => {
    const vi = (await get('/open311/v2/services.json')).json();
    assertValid(servicesSchema, vi);
    const lighting = vi.find((s: { service_code: string }) => s.service_code === 'chieu_sang');
    assert.equal(lighting.service_name, 'Chiếu sáng công cộng');
    assert.equal(lighting.type, 'realtime');
    const en = (await get('/open311/v2/services.json?locale=en')).json();
    assert.equal(en.find((s: { service_code: string }) => s.service_code === 'chieu_sang').service_name, 'Street lighting');
    const viaHeader = (await get('/open311/v2/services.json', { 'accept-language': 'en-GB,en;q=0.9' })).json();
    assert.deepEqual(viaHeader, en);
    const services = xml.parse((await get('/open311/v2/services.xml')).body).services.service;
    assert.equal(services.length, vi.length);
    const def = await get('/open311/v2/services/chieu_sang.json');
    assertValid(serviceDefinitionSchema, def.json());
    const defXml = xml.parse((await get('/open311/v2/services/chieu_sang.xml')).body).service_definition;
    assert.equal(defXml.attributes.attribute[0].values.value.length, 2);
  });

  void test('POST requests opens a case on the open311 channel with its acknowledgement; GET shows public data only', async () => {
    const before = await countCases();
    const res = await post('/open311/v2/requests.json', {
      api_key: key,
      service_code: 'chieu_sang',
      ...BEN_THANH,
      address_string: '45 Lê Lợi, phường Bến Thành, TP.HCM',
      description: 'Đèn đường trước nhà số 45 Lê Lợi không sáng 3 ngày nay. Gọi tôi 0903 123 456 hoặc an@example.com',
      first_name: 'An',
      last_name: 'Nguyễn',
      phone: '0903123456',
      email: 'an@example.com',
      'attribute[muc_do]': 'nguy_hiem',
      media_url: 'https://partner.example/photos/face.jpg',
    });
    assert.equal(res.statusCode, 200, res.body);
    assertValid(postResponseSchema, res.json());
    postedId = res.json()[0].service_request_id;
    assert.match(res.json()[0].service_notice, /GD-[0-9A-Z]{4}-[0-9A-Z]{4}/u);
    assert.equal(await countCases(), (before ?? 0) + 1);

    const [c] = await fresh().db.query<{ channel: string; category: string; status: string; description: string; tracking_code: string }>(
      'SELECT channel, category, status, description, tracking_code FROM cases WHERE id = $1',
      [postedId],
    );
    assert.equal(c?.channel, 'open311');
    assert.equal(c?.category, 'chieu_sang');
    assert.match(c?.description ?? '', /Mức độ: Nguy hiểm, cần xử lý ngay/u);
    const acks = await fresh().db.query('SELECT 1 FROM outbound_messages o JOIN messages m ON m.id = o.message_id WHERE m.case_id = $1', [postedId]);
    assert.equal(acks.length, 1);
    assert.equal(await t.deliver(), 1, 'the acknowledgement is "delivered" (shown on the tracking page)');

    const one = await get(`/open311/v2/requests/${postedId}.json`);
    assert.equal(one.statusCode, 200);
    assertValid(requestsSchema, one.json());
    const r = one.json()[0];
    assert.equal(r.status, 'open');
    assert.equal(r.status_notes, 'Mới tiếp nhận');
    assert.equal(r.service_name, 'Chiếu sáng công cộng');
    assert.match(r.requested_datetime, /\+07:00$/u);
    // Blurred to the public map's ~50 m grid (docs/domain/transparency.md).
    assert.equal(r.lat, 10.7725);
    assert.equal(r.long, 106.698);
    assert.equal(r.media_url, null, 'a partner’s own photo is not republished: only photos an officer approved are');
    for (const secret of ['0903', '123 456', 'an@example.com', 'Nguyễn', '45 Lê Lợi', 'số 45', c?.tracking_code ?? '-']) {
      assert.ok(!one.body.includes(secret), `public view leaks ${secret}: ${one.body}`);
    }
    assert.match(r.description, /3 ngày/u, 'counts are not taken for house numbers');

    const x = xml.parse((await get(`/open311/v2/requests/${postedId}.xml`)).body).service_requests.request[0];
    assert.equal(x.service_request_id, postedId);
    assert.equal(x.description, r.description);
  });

  void test('GET requests: filters, 90-day window, paging; JSON and XML list the same', async () => {
    await post('/open311/v2/requests.json', { api_key: key, service_code: 'rac_ve_sinh', address_string: 'Chợ Bến Thành', description: 'Rác tồn đọng' });
    const all = (await get('/open311/v2/requests.json')).json();
    assertValid(requestsSchema, all);
    assert.equal(all.length, 2);
    const xmlIds = xml.parse((await get('/open311/v2/requests.xml')).body).service_requests.request.map((r: { service_request_id: string }) => r.service_request_id);
    assert.deepEqual(xmlIds, all.map((r: { service_request_id: string }) => r.service_request_id));
    assert.equal((await get('/open311/v2/requests.json?service_code=rac_ve_sinh')).json().length, 1);
    assert.equal((await get('/open311/v2/requests.json?service_code=rac_ve_sinh,chieu_sang&status=open')).json().length, 2);
    assert.equal((await get('/open311/v2/requests.json?status=closed')).json().length, 0);
    await fresh().db.query("UPDATE cases SET status = 'resolved', resolved_at = updated_at WHERE id = $1", [postedId]);
    const closed = (await get('/open311/v2/requests.json?status=closed')).json();
    assert.deepEqual(closed.map((r: { service_request_id: string }) => r.service_request_id), [postedId]);
    assert.equal(closed[0].status_notes, 'Đã giải quyết');
    assert.equal((await get('/open311/v2/requests.json?page=1&page_size=1')).json().length, 1);
    assert.equal((await get('/open311/v2/requests.json?page=3&page_size=1')).json().length, 0);
    assert.equal((await get('/open311/v2/requests.json?start_date=2026-11-02T08:00:00%2B07:00&end_date=2026-11-02T08:30:00%2B07:00')).json().length, 0);
    assert.equal((await get('/open311/v2/requests.json?start_date=2026-11-01T00:00:00Z&end_date=2026-11-03T00:00:00Z&status=')).json().length, 2);
    // service_request_id overrides every other filter.
    assert.equal((await get(`/open311/v2/requests.json?service_request_id=${postedId}&status=open`)).json().length, 1);
    for (const bad of ['start_date=yesterday', 'start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z', 'status=pending', 'page=0', 'page_size=5000']) {
      const res = await get(`/open311/v2/requests.json?${bad}`);
      assert.equal(res.statusCode, 400, bad);
      assertValid(errorsSchema, res.json());
    }
  });

  void test('bad input answers in the spec error format with the spec status, and stores nothing', async () => {
    const before = await countCases();
    const good = { api_key: key, service_code: 'chieu_sang', ...BEN_THANH, description: 'Đèn tắt' };
    const cases: [string, Record<string, string>, number, RegExp][] = [
      ['unknown service_code', { ...good, service_code: 'khong_co' }, 404, /service_code/u],
      ['missing service_code', { ...good, service_code: '' }, 400, /service_code/u],
      ['missing location', { api_key: key, service_code: 'chieu_sang', description: 'x' }, 400, /lat và long|address_string/u],
      ['half a location', { ...good, long: '' }, 400, /lat và long/u],
      ['outside the city (Hà Nội)', { ...good, lat: '21.0285', long: '105.8542' }, 400, /ngoài Thành phố/u],
      ['Biên Hòa: inside the bounding box, outside every ward', { ...good, lat: '10.9574', long: '106.8427' }, 400, /ngoài Thành phố/u],
      ['unknown service_code with script', { ...good, service_code: '<script>x</script>' }, 404, /service_code/u],
      ['script in the description', { ...good, description: 'Đèn <script>alert(1)</script>' }, 400, /HTML/u],
      ['markup in a name', { ...good, first_name: '<img src=x onerror=alert(1)>' }, 400, /first_name/u],
      ['description too long', { ...good, description: 'a'.repeat(4001) }, 400, /4.000/u],
      ['attribute value not in the list', { ...good, 'attribute[muc_do]': 'rat_nguy_hiem' }, 400, /muc_do/u],
      ['bad media_url', { ...good, media_url: 'javascript:alert(1)' }, 400, /media_url/u],
      ['wrong jurisdiction', { ...good, jurisdiction_id: 'hanoi.gov.vn' }, 404, /jurisdiction_id/u],
      ['unknown api_key', { ...good, api_key: 'gd_not-a-key' }, 403, /api_key/u],
      ['missing api_key', { ...good, api_key: '' }, 403, /api_key/u],
    ];
    for (const [name, fields, status, message] of cases) {
      const res = await post('/open311/v2/requests.json', fields);
      assert.equal(res.statusCode, status, `${name}: ${res.body}`);
      assertValid(errorsSchema, res.json());
      assert.equal(res.json()[0].code, status, name);
      assert.match(res.json().map((e: { description: string }) => e.description).join(' | '), message, name);
    }
    const x = await post('/open311/v2/requests.xml', { ...good, api_key: 'wrong' });
    assert.equal(x.statusCode, 403);
    assert.equal(x.headers['content-type'], 'text/xml; charset=utf-8');
    assert.equal(xml.parse(x.body).errors.error[0].code, '403');
    const en = await post('/open311/v2/requests.json?locale=en', { ...good, lat: '21.0285', long: '105.8542' });
    assert.equal(en.json()[0].description, 'The location is outside Ho Chi Minh City');
    assert.equal(await countCases(), before, 'nothing stored');
  });

  void test('unknown resources, ids, tokens and formats', async () => {
    const expect = async (url: string, status: number, contentType: string) => {
      const res = await get(url);
      assert.equal(res.statusCode, status, url);
      assert.equal(res.headers['content-type'], contentType, url);
      return res;
    };
    assertValid(errorsSchema, (await expect('/open311/v2/requests/00000000-0000-0000-0000-000000000000.json', 404, 'application/json; charset=utf-8')).json());
    await expect('/open311/v2/requests/GD-AAAA-BBBB.json', 404, 'application/json; charset=utf-8');
    await expect('/open311/v2/tokens/abc.json', 404, 'application/json; charset=utf-8');
    await expect('/open311/v2/services/khong_co.xml', 404, 'text/xml; charset=utf-8');
    await expect('/open311/v2/services.csv', 400, 'text/xml; charset=utf-8');
    await expect('/open311/v2/services', 400, 'text/xml; charset=utf-8');
    await expect('/open311/v2/nothing.json', 404, 'application/json; charset=utf-8');
    await expect('/open311/v2/services.json?jurisdiction_id=hanoi.gov.vn', 404, 'application/json; charset=utf-8');
    await expect('/open311/v2/services.json?jurisdiction_id=gandan.test', 200, 'application/json; charset=utf-8');
  });

  void test('gandan apikey add prints the key once and stores only its hash', async () => {
    const lines = await runAdminOperation({ ...t.ctx, box: createSecretBox(Buffer.alloc(32)) }, 'apikey.add', { name: 'Ứng dụng phường', unit: '26740' });
    const printed = lines.find((l) => l.startsWith('key: '))?.slice(5) ?? '';
    assert.match(printed, /^gd_[\w-]{40,}$/u);
    const rows = await fresh().db.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE name = $1', ['Ứng dụng phường']);
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(printed), 'the key itself is not stored');
    await assert.rejects(runAdminOperation({ ...t.ctx, box: createSecretBox(Buffer.alloc(32)) }, 'apikey.add', { name: 'x', unit: '00000' }), /UNIT_NOT_FOUND/u);
    const res = await post('/open311/v2/requests.json', { api_key: printed, service_code: 'cay_xanh', ...BEN_THANH, description: 'Cây ngã' });
    assert.equal(res.statusCode, 200, res.body);
    const [c] = await fresh().db.query<{ code: string }>('SELECT u.code FROM cases c JOIN units u ON u.id = c.unit_id WHERE c.id = $1', [res.json()[0].service_request_id]);
    assert.equal(c?.code, '26740', 'cases go to the key’s unit');
  });
});
