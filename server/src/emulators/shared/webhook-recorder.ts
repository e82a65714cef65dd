import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; rawBody: Buffer };

/**
 * A tiny HTTP server that records every request byte-for-byte and answers with `respond` (default 200).
 * Tests point an emulator's webhook URL at it; bound to 127.0.0.1 on a random port.
 */
export async function startWebhookRecorder(respond: (req: RecordedRequest, index: number) => { status: number; body?: string } = () => ({ status: 200 })) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawBody: Buffer.concat(chunks) };
      requests.push(recorded);
      const { status, body } = respond(recorded, requests.length - 1);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Bodies of the POSTs, parsed. */
    posts: () => requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.rawBody.toString('utf8')) as Record<string, unknown>),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
