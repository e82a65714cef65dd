import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { before, test } from 'node:test';
import { describeEachEngine } from '../../../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import type { PublicProblem, UnitStat } from '../../../../../contracts/api.ts';

const H = 3_600_000;
let seq = 0;

type Seed = {
  unit: string; status?: string; type?: string; text?: string; createdAt: Date; firstResponseAt?: Date; resolvedAt?: Date; dueAt?: Date;
  lat?: number; lng?: number; citizen?: { name: string; phone: string; email?: string }; pausedAt?: Date;
};

async function seedCase(t: TestApp, s: Seed): Promise<string> {
  seq++;
  let citizenId: string | null = null;
  if (s.citizen) {
    const [c] = await t.ctx.db.query<{ id: string }>('INSERT INTO citizens (display_name, phone, email) VALUES ($1, $2, $3) RETURNING id', [s.citizen.name, s.citizen.phone, s.citizen.email ?? null]);
    citizenId = c!.id;
  }
  const [row] = await t.ctx.db.query<{ id: string }>(
    `INSERT INTO cases (tracking_code, type, status, unit_id, citizen_id, channel, intake_method, description, category, location_lat, location_lng,
                        created_at, updated_at, first_response_at, resolved_at, closed_at, due_at, clock_paused_at)
     SELECT $1, $2, $3, u.id, $4, 'portal', 'portal', $5, 'ha_tang_giao_thong', $6, $7, $8, $8, $9, $10, $11, $12, $13 FROM units u WHERE u.code = $14 RETURNING id`,
    [`GD-TEST-${String(seq).padStart(4, '0')}`, s.type ?? 'phan_anh', s.status ?? 'new', citizenId, s.text ?? 'Ổ gà lớn', s.lat ?? null, s.lng ?? null, s.createdAt,
      s.firstResponseAt ?? null, s.resolvedAt ?? null, s.status === 'closed' ? (s.resolvedAt ?? null) : null, s.dueAt ?? null, s.pausedAt ?? null, s.unit],
  );
  return row!.id;
}

const OCT = (day: number, hour = 2) => new Date(Date.UTC(2026, 9, day, hour));
const LEAKY_TEXT =
  'Tôi là Nguyễn Văn An, SĐT 0912 345 678, email an.nguyen@gmail.com, CCCD 079123456789. Nắp cống trước nhà số 12 đường Lê Lợi bị vỡ, ' +
  'hẻm 45 Nguyễn Trãi và 12/3 Pasteur ngập nặng. Gọi chị Mai 0987.654.321.';
const SECRETS = ['Nguyễn Văn An', '0912', '345 678', 'an.nguyen', 'gmail', '079123456789', 'số 12', 'hẻm 45', '12/3', 'Mai', '0987', '654.321'];

describeEachEngine('public map, problems and figures', (db) => {
  let t: TestApp;
  let wards: string[];
  before(async () => {
    t = await buildTestApp(db());
    wards = (await t.ctx.db.query<{ code: string }>(`SELECT code FROM units WHERE kind = 'ward' ORDER BY code LIMIT 3`)).map((r) => r.code);
  });

  test('wards.geojson: 168 compact polygons, gzip when asked, long cache and ETag revalidation', async () => {
    const res = await t.app.inject({ url: '/api/public/wards.geojson', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(String(res.headers['cache-control']), /public, max-age=86400/u);
    assert.ok(res.rawPayload.length < 100_000, `gzip ${res.rawPayload.length} bytes`);
    const geo = JSON.parse(gunzipSync(res.rawPayload).toString('utf8')) as { features: { properties: { code: string; name: string }; geometry: { coordinates: number[][][][] } }[] };
    assert.equal(geo.features.length, 168);
    const sample = geo.features[0]!.geometry.coordinates[0]![0]![0]!;
    assert.ok(sample.every((n) => Math.round(n * 1e4) / 1e4 === n), 'four decimals at most');
    const again = await t.app.inject({ url: '/api/public/wards.geojson', headers: { 'if-none-match': String(res.headers.etag) } });
    assert.equal(again.statusCode, 304);
    const plain = await t.app.inject({ url: '/api/public/wards.geojson' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal((plain.json() as { features: unknown[] }).features.length, 168);
  });

  test('locate: a point in the city gives its 2025 ward; a point outside gives null; bad input 400', async () => {
    const inside = (await t.app.inject({ url: '/api/public/locate?lat=10.7745&lng=106.7012' })).json() as { unitCode: string | null; name: string | null };
    assert.equal(inside.unitCode, '26740');
    assert.equal(inside.name, 'Phường Sài Gòn');
    assert.deepEqual((await t.app.inject({ url: '/api/public/locate?lat=21.03&lng=105.85' })).json(), { unitCode: null, name: null, nameEn: null });
    assert.equal((await t.app.inject({ url: '/api/public/locate?lat=abc&lng=1' })).statusCode, 400);
  });

  test('map-config: no tile layer unless configured', async () => {
    assert.deepEqual((await t.app.inject({ url: '/api/public/map-config' })).json(), { tileUrl: null, tileAttribution: null });
  });

  test('problems never carry names, phones, emails, ids, house numbers or private photos', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      payload: { text: LEAKY_TEXT, unitCode: '26740', location: { lat: 10.77453, lng: 106.70118 }, contact: { name: 'Chị Mai', phone: '0987 654 321', email: 'mai@example.vn' } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const caseId = (await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [(res.json() as { trackingCode: string }).trackingCode]))[0]!.id;
    await t.ctx.db.query(
      `INSERT INTO attachments (upload_token, case_id, content_type, byte_size, sha256, data, is_public, created_at)
       VALUES ('tok-private', $1, 'image/jpeg', 3, 'x', '\\x010203', false, now()), ('tok-public', $1, 'image/jpeg', 3, 'y', '\\x040506', true, now())`,
      [caseId],
    );
    const list = await t.app.inject({ url: '/api/public/problems' });
    assert.equal(list.statusCode, 200);
    for (const secret of [...SECRETS, 'mai@example', 'Chị Mai', 'GD-']) assert.ok(!list.body.includes(secret), `leaked ${secret}: ${list.body}`);
    const item = (list.json() as { items: PublicProblem[] }).items.find((i) => i.id === caseId)!;
    assert.match(item.text, /\[số nhà\] đường Lê Lợi/u);
    assert.match(item.text, /Nguyễn Trãi/u);
    assert.equal(item.unitName, 'Phường Sài Gòn');
    assert.deepEqual(item.location, { lat: 10.7745, lng: 106.701 });
    assert.equal(item.photoIds.length, 1);
    const [publicPhoto] = await t.ctx.db.query<{ id: string }>(`SELECT id FROM attachments WHERE upload_token = 'tok-public'`);
    const [privatePhoto] = await t.ctx.db.query<{ id: string }>(`SELECT id FROM attachments WHERE upload_token = 'tok-private'`);
    assert.deepEqual(item.photoIds, [publicPhoto!.id]);
    assert.equal((await t.app.inject({ url: `/api/public/photos/${publicPhoto!.id}` })).statusCode, 200);
    assert.equal((await t.app.inject({ url: `/api/public/photos/${privatePhoto!.id}` })).statusCode, 404);
  });

  test('problems: only reports (not questions, not rejected), bbox, status, unit and date filters, cursor paging', async () => {
    const [w1 = '', w2 = ''] = wards;
    const a = await seedCase(t, { unit: w1, status: 'in_progress', createdAt: OCT(3), lat: 10.80012, lng: 106.65031 });
    const b = await seedCase(t, { unit: w2, status: 'resolved', createdAt: OCT(4), lat: 10.9, lng: 106.9, resolvedAt: OCT(5) });
    const c = await seedCase(t, { unit: w1, status: 'new', createdAt: OCT(5) });
    const question = await seedCase(t, { unit: w1, type: 'hoi_dap', createdAt: OCT(5) });
    const rejected = await seedCase(t, { unit: w1, status: 'rejected', createdAt: OCT(5) });
    const ids = async (qs: string) => {
      const res = await t.app.inject({ url: `/api/public/problems?${qs}` });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: PublicProblem[] }).items.map((i) => i.id);
    };
    const october = 'from=2026-10-01&to=2026-10-31';
    assert.deepEqual(await ids(october), [c, b, a]);
    assert.ok(!(await ids('')).includes(question) && !(await ids('')).includes(rejected));
    assert.deepEqual(await ids(`${october}&bbox=106.6,10.7,106.7,10.85`), [a]);
    assert.deepEqual(await ids(`${october}&status=resolved,closed`), [b]);
    assert.deepEqual(await ids(`${october}&status=new,in_progress&unitCode=${w1}`), [c, a]);
    assert.deepEqual(await ids('from=2026-10-04&to=2026-10-04'), [b]);
    const first = (await t.app.inject({ url: `/api/public/problems?${october}&limit=2` })).json() as { items: PublicProblem[]; nextCursor: string };
    assert.deepEqual(first.items.map((i) => i.id), [c, b]);
    const second = (await t.app.inject({ url: `/api/public/problems?${october}&limit=2&cursor=${first.nextCursor}` })).json() as { items: PublicProblem[]; nextCursor: string | null };
    assert.deepEqual(second.items.map((i) => i.id), [a]);
    assert.equal(second.nextCursor, null);
    for (const bad of ['bbox=1,2,3', 'bbox=10,10,5,5', 'status=rejected', 'status=bogus', 'cursor=nonsense', 'from=yesterday'])
      assert.equal((await t.app.inject({ url: `/api/public/problems?${bad}` })).statusCode, 400, bad);
  });
});

describeEachEngine('public figures per unit', (db) => {
  let t: TestApp;
  let wards: string[];
  before(async () => {
    t = await buildTestApp(db());
    wards = (await t.ctx.db.query<{ code: string }>(`SELECT code FROM units WHERE kind = 'ward' ORDER BY code LIMIT 3`)).map((r) => r.code);
    const [w1 = '', w2 = '', w3 = ''] = wards;
    const at = OCT(1);
    const after = (h: number) => new Date(at.getTime() + h * H);
    // w1: 6 cases. Closed on time ×3, closed late ×1, open past due ×1, open not yet due ×1, paused past due ×1 (not counted).
    for (const [first, resolved] of [[1, 10], [2, 20], [3, 30]] as const)
      await seedCase(t, { unit: w1, status: 'resolved', createdAt: at, firstResponseAt: after(first), resolvedAt: after(resolved), dueAt: after(48) });
    await seedCase(t, { unit: w1, status: 'closed', createdAt: at, firstResponseAt: after(4), resolvedAt: after(40), dueAt: after(24) });
    await seedCase(t, { unit: w1, status: 'in_progress', createdAt: at, firstResponseAt: after(5), dueAt: after(24) });
    await seedCase(t, { unit: w1, status: 'assigned', createdAt: at, dueAt: new Date('2026-12-31T00:00:00Z') });
    await seedCase(t, { unit: w1, status: 'waiting_citizen', createdAt: at, dueAt: after(24), pausedAt: after(12) });
    // w2: 5 cases, all closed on time, slower.
    for (let i = 0; i < 5; i++) await seedCase(t, { unit: w2, status: 'closed', createdAt: at, firstResponseAt: after(6), resolvedAt: after(50), dueAt: after(72) });
    // w3: 2 cases: listed, not ranked.
    for (let i = 0; i < 2; i++) await seedCase(t, { unit: w3, status: 'resolved', createdAt: at, firstResponseAt: after(1), resolvedAt: after(2), dueAt: after(72) });
    // Outside the window: not counted.
    await seedCase(t, { unit: w1, status: 'in_progress', createdAt: new Date('2026-09-15T00:00:00Z'), dueAt: after(1) });
  });

  test('volume, medians, on-time rate = closed on time / (closed + open past due), ranking', async () => {
    const res = await t.app.inject({ url: '/api/public/stats/units?from=2026-10-01&to=2026-10-31' });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { units: UnitStat[]; minCasesToRank: number; from: string; to: string };
    assert.equal(body.from, '2026-09-30T17:00:00.000Z');
    assert.equal(body.to, '2026-10-31T17:00:00.000Z');
    const [w1, w2, w3] = wards;
    const by = new Map(body.units.map((u) => [u.unitCode, u]));
    assert.deepEqual(
      { ...by.get(w1!)!, unitName: '' },
      { rank: 2, unitCode: w1, unitName: '', cases: 7, medianFirstResponseHours: 3, medianResolutionHours: 25, onTimeRate: 0.6, closedOnTime: 3, closedWithDue: 4, openPastDue: 1, hasTooFewCases: false },
    );
    assert.deepEqual({ rank: by.get(w2!)!.rank, onTimeRate: by.get(w2!)!.onTimeRate, median: by.get(w2!)!.medianResolutionHours }, { rank: 1, onTimeRate: 1, median: 50 });
    assert.deepEqual({ rank: by.get(w3!)!.rank, tooFew: by.get(w3!)!.hasTooFewCases, onTimeRate: by.get(w3!)!.onTimeRate }, { rank: null, tooFew: true, onTimeRate: 1 });
    assert.deepEqual(body.units.map((u) => u.unitCode), [w2, w1, w3]);
  });

  test('CSV: UTF-8 with BOM, header, one row per unit, download name', async () => {
    const res = await t.app.inject({ url: '/api/public/stats/units.csv?from=2026-10-01&to=2026-10-31' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/u);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="gandan-so-lieu-2026-09-30-2026-10-31\.csv"/u);
    assert.ok(res.body.startsWith('\uFEFFrank,unit_code,unit_name,cases,median_first_response_hours,median_resolution_hours,on_time_rate,closed_on_time,closed_with_due,open_past_due,too_few_cases\r\n'));
    const lines = res.body.trimEnd().split('\r\n');
    assert.equal(lines.length, 4);
    assert.match(lines[2]!, new RegExp(`^2,${wards[0]},[^,]+,7,3,25,0\\.6,3,4,1,false$`, 'u'));
    assert.match(lines[3]!, new RegExp(`^,${wards[2]},[^,]+,2,1,2,1,2,2,0,true$`, 'u'));
  });

  test('from must be before to', async () => {
    assert.equal((await t.app.inject({ url: '/api/public/stats/units?from=2026-10-31&to=2026-10-01' })).statusCode, 400);
  });
});
