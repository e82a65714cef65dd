/**
 * The portal's first visit on a phone: its initial JavaScript (entry + static imports, lazy chunks excluded) is
 * within 150 KB gzip, and the server really sends the compressed files with a long cache for hashed assets.
 * Needs `npm run build:web` first (which itself fails above the budget).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { after, before, test } from 'node:test';
// eslint-disable-next-line no-restricted-imports -- the e2e test starts the real server
import { startTestServer, type TestServer } from '../../server/test/test-server.ts';
import { measureInitialJs, PORTAL_INITIAL_JS_BUDGET_BYTES } from '../build-checks/portal-budget.ts';

const DIST = 'web/dist';
let server: TestServer;

before(async () => {
  assert.ok(existsSync(`${DIST}/index.html`), 'run `npm run build:web` before the e2e tests');
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

/** Raw GET (no automatic decompression), so the bytes counted are the bytes sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

void test('the portal’s initial JavaScript is within 150 KB gzip and is served compressed', async () => {
  const initial = measureInitialJs(DIST);
  const kb = (initial.gzipBytes / 1024).toFixed(1);
  console.log(`portal initial JavaScript: ${kb} KB gzip (${initial.files.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join(', ')})`);
  assert.ok(initial.gzipBytes <= PORTAL_INITIAL_JS_BUDGET_BYTES, `${kb} KB gzip is over the budget`);
  assert.ok(initial.files.length >= 2, 'the entry and the shared chunk are counted');

  let sent = 0;
  for (const { file } of initial.files) {
    const gz = await rawGet(`${server.url}${file}`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.status, 200, file);
    assert.equal(gz.headers['content-encoding'], 'gzip', file);
    assert.deepEqual(gz.body, readFileSync(`${DIST}${file}.gz`), file);
    assert.match(String(gz.headers['cache-control']), /immutable/u, file);
    sent += gz.body.length;
    const br = await rawGet(`${server.url}${file}`, { 'accept-encoding': 'br, gzip' });
    assert.equal(br.headers['content-encoding'], 'br', file);
    assert.ok(br.body.length <= gz.body.length, `${file}: brotli is not larger`);
    const plain = await rawGet(`${server.url}${file}`, {});
    assert.equal(plain.headers['content-encoding'], undefined, file);
    assert.deepEqual(plain.body, readFileSync(`${DIST}${file}`), file);
  }
  assert.equal(sent, initial.gzipBytes, 'what is measured is what is sent');
  const page = await rawGet(`${server.url}/`, { 'accept-encoding': 'gzip' });
  assert.equal(page.headers['cache-control'], 'no-cache', 'the page itself is revalidated, so a new build is picked up');
});
