import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';

export type AdminRequest = { op: string; args: unknown };
export type AdminResponse = { ok: true; output: string[] } | { ok: false; error: string };

/**
 * A local control socket (a Unix socket inside the data directory, owner-only) through which the CLI asks the
 * server that holds the embedded database to run an administrative operation. One JSON line each way.
 */
export function serveAdminSocket(socketPath: string, handle: (req: AdminRequest) => Promise<AdminResponse>): Promise<net.Server> {
  if (existsSync(socketPath)) rmSync(socketPath);
  const server = net.createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > 64 * 1024) conn.destroy();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      let req: AdminRequest;
      try {
        req = JSON.parse(buf.slice(0, nl)) as AdminRequest;
      } catch {
        conn.end(`${JSON.stringify({ ok: false, error: 'bad request' })}\n`);
        return;
      }
      void handle(req).then((res) => conn.end(`${JSON.stringify(res)}\n`));
    });
    conn.on('error', () => undefined);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // umask-independent: the socket file is created owner-only.
    const oldMask = process.umask(0o177);
    server.listen(socketPath, () => {
      process.umask(oldMask);
      resolve(server);
    });
  });
}

export function callAdminSocket(socketPath: string, req: AdminRequest, timeoutMs = 30_000): Promise<AdminResponse> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socketPath);
    let buf = '';
    conn.setEncoding('utf8');
    conn.setTimeout(timeoutMs, () => conn.destroy(new Error('the server did not answer in time')));
    conn.on('connect', () => conn.write(`${JSON.stringify(req)}\n`));
    conn.on('data', (c: string) => (buf += c));
    conn.on('end', () => {
      try {
        resolve(JSON.parse(buf) as AdminResponse);
      } catch {
        reject(new Error('the server sent an unreadable answer'));
      }
    });
    conn.on('error', reject);
  });
}
