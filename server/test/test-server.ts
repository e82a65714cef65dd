import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startGandan, type StartOptions } from '../src/main.ts';
import { freshDb, type Engine } from './fresh-db.ts';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2026';

export type TestServer = {
  url: string;
  db: Db;
  /** The PostgreSQL database the server uses (undefined on PGlite). */
  databaseUrl: string | undefined;
  close(): Promise<void>;
  staff: { email: string; password: string; unitCode: string; role: string }[];
  admin(op: string, args: unknown): Promise<string[]>;
};

/**
 * The whole product (API, web apps, worker) on a random local port with a fresh, seeded database.
 * Demo staff accounts all get TEST_PASSWORD.
 */
export async function startTestServer(
  opts: { engine?: Engine; workerPollMs?: number; env?: Record<string, string>; start?: Pick<StartOptions, 'clock' | 'providerTimeoutMs'> } = {},
): Promise<TestServer> {
  const fresh = await freshDb(opts.engine ?? 'pglite');
  const port = await freePort();
  const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', GANDAN_PUBLIC_URL: `http://127.0.0.1:${port}`, GANDAN_LOG_LEVEL: 'silent', GANDAN_SECRET_KEY: 'test-secret-key-for-channels', ...opts.env });
  const emails = ['admin@gandan.local', 'truongphong.saigon@gandan.local', 'canbo.saigon@gandan.local', 'canbo.linhxuan@gandan.local', 'canbo.soxaydung@gandan.local'];
  const running = await startGandan(config, {
    db: fresh.db,
    log: createLogger('silent'),
    demoPasswords: Object.fromEntries(emails.map((e) => [e, TEST_PASSWORD])),
    workerPollMs: opts.workerPollMs ?? 100,
    rateLimits: false,
    ...opts.start,
  });
  return {
    url: running.url ?? `http://127.0.0.1:${port}`,
    db: fresh.db,
    databaseUrl: fresh.url,
    admin: running.admin,
    staff: running.demoAccounts.map((a) => ({ email: a.email, password: a.password, unitCode: a.unitCode, role: a.role })),
    close: async () => {
      await running.stop();
      await fresh.drop();
    },
  };
}

/**
 * Another server, in its own OS process (`gandan start`, api role), on the same PostgreSQL database as a test
 * server: for behaviour that must hold across processes. Resolves once it listens.
 */
export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gandan-process-'));
  const child = spawn(process.execPath, ['bin/gandan.js', 'start'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', GANDAN_ROLE: 'api', GANDAN_DATA_DIR: dataDir, GANDAN_LOG_LEVEL: 'silent', GANDAN_SECRET_KEY: 'test-secret-key-for-channels', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    void exited.then(() => reject(new Error(`server process exited before listening: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
