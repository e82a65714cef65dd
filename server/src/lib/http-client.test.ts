import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createHttpClient } from './http-client.ts';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

describe('createHttpClient', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/hang') return; // never answers
        if (req.url === '/empty') return void res.writeHead(204).end();
        res.writeHead(req.url === '/limited' ? 429 : 200, { 'content-type': 'application/json', 'x-business-use-case-usage': '{"1":[{"estimated_time_to_regain_access":3}]}', 'set-cookie': ['a=1', 'b=2'] });
        res.end(JSON.stringify({ echoed: Buffer.concat(chunks).toString('utf8') }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('sends the method, headers and body as given and answers as a Response', async () => {
    const http = createHttpClient({ timeoutMs: 2_000 });
    try {
      const body = JSON.stringify({ text: 'Đèn đường hỏng \u{1F4A1}' });
      const res = await http(`${base}/v3.0/oa/message/cs?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', access_token: 'tok' }, body });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { echoed: body });
      assert.equal(res.headers.get('x-business-use-case-usage'), '{"1":[{"estimated_time_to_regain_access":3}]}');
      assert.equal(res.headers.get('set-cookie'), 'a=1, b=2');
      const s = seen.at(-1)!;
      assert.deepEqual([s.method, s.url, s.headers.access_token, s.body], ['POST', '/v3.0/oa/message/cs?x=1', 'tok', body]);
      const limited = await http(`${base}/limited`, { method: 'POST', headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }), body: 'a=1&b=2' });
      assert.equal(limited.status, 429);
      assert.equal(seen.at(-1)!.headers['content-type'], 'application/x-www-form-urlencoded');
      const empty = await http(`${base}/empty`, { method: 'GET' });
      assert.equal(empty.status, 204);
      assert.equal(await empty.text(), '');
    } finally {
      await http.close();
    }
  });

  it('rejects with a TimeoutError when the provider accepts the connection and never answers', async () => {
    const http = createHttpClient({ timeoutMs: 200 });
    try {
      const started = Date.now();
      await assert.rejects(http(`${base}/hang`, { method: 'POST', body: '{}' }), (err: Error) => err.name === 'TimeoutError');
      assert.ok(Date.now() - started < 2_000);
    } finally {
      await http.close();
    }
  });

  it('refuses a body it would not send faithfully, and a caller may abort', async () => {
    const http = createHttpClient({ timeoutMs: 2_000 });
    try {
      await assert.rejects(http(`${base}/x`, { method: 'POST', body: new URLSearchParams({ a: '1' }) }), TypeError);
      const abort = new AbortController();
      const call = http(`${base}/hang`, { method: 'POST', body: '{}', signal: abort.signal });
      abort.abort();
      await assert.rejects(call, (err: Error) => err.name === 'AbortError' || /abort/i.test(err.message));
    } finally {
      await http.close();
    }
  });
});
