import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describeEachEngine } from '../../../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';

const CODE = /^GD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

async function counts(t: TestApp) {
  const [r] = await t.ctx.db.query<{ cases: number; messages: number; outbound: number; citizens: number; events: number }>(
    `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM messages) AS messages,
            (SELECT count(*)::int FROM outbound_messages) AS outbound, (SELECT count(*)::int FROM citizens) AS citizens,
            (SELECT count(*)::int FROM case_events) AS events`,
  );
  return r!;
}

function multipart(filename: string, contentType: string, data: Buffer) {
  const boundary = '----gandan-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A valid PNG header declaring a huge image over a few zero bytes: tiny on the wire, 2.7 GB once decoded. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(3 * width))), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describeEachEngine('public API', (db) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(db());
  });

  test('GET /api/public/units lists the city, its departments and the 168 wards', async () => {
    const res = await t.app.inject({ url: '/api/public/units' });
    assert.equal(res.statusCode, 200);
    const units = res.json() as { code: string; type: string; parentCode: string | null }[];
    assert.equal(units.filter((u) => ['ward', 'commune', 'special_zone'].includes(u.type)).length, 168);
    assert.deepEqual(units.find((u) => u.code === '79'), { ...units.find((u) => u.code === '79'), type: 'city', parentCode: null });
    assert.ok(units.some((u) => u.code === '26740' && u.parentCode === '79'));
  });

  test('portal intake stores the case and queues an acknowledgement with the code, in one go', async () => {
    const before = await counts(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      payload: { text: 'Nắp cống trước số 12 Lê Lợi bị vỡ, rất nguy hiểm', unitCode: '26740', location: { lat: 10.7745, lng: 106.7012 }, contact: { name: 'Chị Mai', phone: '0912 345 678' } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { trackingCode } = res.json() as { trackingCode: string };
    assert.match(trackingCode, CODE);
    const after = await counts(t);
    assert.deepEqual(
      { cases: after.cases - before.cases, messages: after.messages - before.messages, outbound: after.outbound - before.outbound, citizens: after.citizens - before.citizens },
      { cases: 1, messages: 2, outbound: 1, citizens: 1 },
    );
    const [ack] = await t.ctx.db.query<{ body: string; status: string; unit: string }>(
      `SELECT m.body, o.status, u.code AS unit FROM outbound_messages o JOIN messages m ON m.id = o.message_id
         JOIN cases c ON c.id = o.case_id JOIN units u ON u.id = c.unit_id WHERE c.tracking_code = $1`,
      [trackingCode],
    );
    assert.equal(ack?.status, 'queued');
    assert.equal(ack?.unit, '26740');
    assert.ok(ack?.body.includes(`Mã hồ sơ: ${trackingCode}`), ack?.body);
    assert.ok(ack?.body.startsWith('UBND Phường Sài Gòn đã tiếp nhận'), ack?.body);
  });

  test('without a unit the city receives the case; English acknowledgement when asked', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', headers: { 'accept-language': 'en-US,en;q=0.9' }, payload: { text: 'Street light out' } });
    assert.equal(res.statusCode, 201);
    const { trackingCode } = res.json() as { trackingCode: string };
    const view = (await t.app.inject({ url: `/api/public/cases/${trackingCode}` })).json() as { unit: { code: string }; replies: { body: string }[] };
    assert.equal(view.unit.code, '79');
    assert.match(view.replies[0]!.body, new RegExp(`Tracking code: ${trackingCode}`));
  });

  test('tracking view shows status and replies but no personal data, and forgives how the code is typed', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      payload: { text: 'Nhà tôi ở 45 Nguyễn Huệ, SĐT 0987654321, cần hỏi thủ tục', unitCode: '26740', contact: { name: 'Trần Văn Bình', phone: '0987654321', email: 'binh@example.vn' }, location: { lat: 10.77, lng: 106.7 } },
    });
    const { trackingCode } = created.json() as { trackingCode: string };
    await t.deliver();
    const res = await t.app.inject({ url: `/api/public/cases/${trackingCode.toLowerCase().replace(/-/g, ' ')}` });
    assert.equal(res.statusCode, 200);
    const body = res.body;
    for (const secret of ['0987654321', 'Trần Văn Bình', 'binh@example.vn', 'Nguyễn Huệ', '10.77', '106.7']) assert.ok(!body.includes(secret), `leaks ${secret}`);
    const view = res.json() as { trackingCode: string; status: string; replies: unknown[] };
    assert.equal(view.trackingCode, trackingCode);
    assert.equal(view.status, 'new');
    assert.equal(view.replies.length, 1);
  });

  test('tracking lookups: malformed code 400, unknown code 404', async () => {
    const bad = await t.app.inject({ url: '/api/public/cases/not-a-valid-code' });
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { error: { code: string } }).error.code, 'TRACKING_CODE_INVALID');
    const unknown = await t.app.inject({ url: '/api/public/cases/GD-0000-0000' });
    assert.equal(unknown.statusCode, 404);
    assert.equal((unknown.json() as { error: { code: string } }).error.code, 'CASE_NOT_FOUND');
  });

  const badIntakes: [string, Record<string, unknown> | string, number, string, Record<string, string>?][] = [
    ['missing text', { unitCode: '26740' }, 400, 'VALIDATION_FAILED'],
    ['blank text', { text: '   ' }, 400, 'VALIDATION_FAILED'],
    ['text over 5000 characters', { text: 'a'.repeat(5001) }, 400, 'VALIDATION_FAILED'],
    ['unknown unit code', { text: 'Đường ngập', unitCode: '99999' }, 422, 'UNIT_NOT_FOUND'],
    ['location outside the city', { text: 'Đường ngập', location: { lat: 21.03, lng: 105.85 } }, 422, 'LOCATION_OUT_OF_RANGE'],
    ['location in Biên Hòa (inside the city’s bounding box, outside its wards)', { text: 'Đường ngập', location: { lat: 10.9574, lng: 106.8427 } }, 422, 'LOCATION_OUT_OF_RANGE'],
    ['location at sea', { text: 'Dầu loang', location: { lat: 10.2, lng: 107.3 } }, 422, 'LOCATION_OUT_OF_RANGE'],
    ['script in the text and an unknown ward', { text: '<script>alert(1)</script>', unitCode: '<b>1</b>' }, 422, 'UNIT_NOT_FOUND'],
    ['impossible latitude', { text: 'Đường ngập', location: { lat: 123, lng: 106.7 } }, 400, 'VALIDATION_FAILED'],
    ['bad phone', { text: 'Đường ngập', contact: { phone: 'call me maybe' } }, 400, 'VALIDATION_FAILED'],
    ['bad email', { text: 'Đường ngập', contact: { email: 'not-an-email' } }, 400, 'VALIDATION_FAILED'],
    ['unknown upload token', { text: 'Đường ngập', attachments: ['no-such-upload-token-xyz'] }, 422, 'UPLOAD_NOT_FOUND'],
    ['malformed JSON', '{"text": "ngập', 400, 'BODY_MALFORMED', { 'content-type': 'application/json' }],
    ['body over the limit', JSON.stringify({ text: 'x'.repeat(300 * 1024) }), 413, 'BODY_TOO_LARGE', { 'content-type': 'application/json' }],
    ['wrong content type', 'text=ngap', 415, 'MEDIA_TYPE_UNSUPPORTED', { 'content-type': 'application/x-www-form-urlencoded' }],
  ];
  for (const [name, payload, status, code, headers] of badIntakes) {
    test(`bad intake (${name}) → ${status} ${code}, nothing stored`, async () => {
      const before = await counts(t);
      const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload, ...(headers ? { headers } : {}) });
      assert.equal(res.statusCode, status, res.body);
      const err = res.json() as { error: { code: string; message: string } };
      assert.equal(err.error.code, code);
      assert.ok(err.error.message.length > 0);
      assert.deepEqual(await counts(t), before);
    });
  }

  test('a photo upload is re-encoded without metadata and attached to the case once', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Nguyen Van A', Copyright: 'secret' } })
      .toBuffer();
    assert.ok(jpeg.includes(Buffer.from('Nguyen Van A')));
    const up = await t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart('photo.jpg', 'image/jpeg', jpeg) });
    assert.equal(up.statusCode, 201, up.body);
    const { uploadToken, width, height, contentType } = up.json() as { uploadToken: string; width: number; height: number; contentType: string };
    assert.deepEqual({ width, height, contentType }, { width: 64, height: 48, contentType: 'image/jpeg' });
    const [stored] = await t.ctx.db.query<{ data: Uint8Array }>('SELECT data FROM attachments WHERE upload_token = $1', [uploadToken]);
    assert.ok(!Buffer.from(stored!.data).includes(Buffer.from('Nguyen Van A')), 'EXIF must be stripped');

    const first = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Cây đổ chắn đường', attachments: [uploadToken] } });
    assert.equal(first.statusCode, 201);
    const before = await counts(t);
    const again = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: 'Dùng lại ảnh', attachments: [uploadToken] } });
    assert.equal(again.statusCode, 422);
    assert.equal((again.json() as { error: { code: string } }).error.code, 'UPLOAD_NOT_FOUND');
    assert.deepEqual(await counts(t), before);
  });

  const badUploads: [string, () => Promise<Buffer>, string, number, string][] = [
    ['a text file named .png', async () => Buffer.from('hello, not an image'), 'image/png', 422, 'UPLOAD_UNREADABLE'],
    ['a GIF', async () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer(), 'image/gif', 415, 'UPLOAD_TYPE_NOT_ALLOWED'],
    ['a truncated JPEG', async () => (await sharp({ create: { width: 200, height: 200, channels: 3, background: '#0a0' } }).jpeg().toBuffer()).subarray(0, 300), 'image/jpeg', 422, 'UPLOAD_UNREADABLE'],
    ['a file over 5 MB', async () => Buffer.alloc(5 * 1024 * 1024 + 10, 1), 'image/jpeg', 413, 'UPLOAD_TOO_LARGE'],
    ['a 1 KB PNG declaring 30000×30000 pixels (decompression bomb)', async () => pngDeclaring(30_000, 30_000), 'image/png', 413, 'UPLOAD_TOO_LARGE'],
    ['an HTML page named .jpg', async () => Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg', 422, 'UPLOAD_UNREADABLE'],
  ];
  for (const [name, make, type, status, code] of badUploads) {
    test(`upload of ${name} → ${status} ${code}, nothing stored`, async () => {
      const [{ n: before }] = (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')) as [{ n: number }];
      const res = await t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart('f', type, await make()) });
      assert.equal(res.statusCode, status, res.body);
      assert.equal((res.json() as { error: { code: string } }).error.code, code);
      const [{ n: after }] = (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')) as [{ n: number }];
      assert.equal(after, before);
    });
  }
});
