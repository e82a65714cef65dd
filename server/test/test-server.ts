import net from 'node:net';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startGandan, type StartOptions } from '../src/main.ts';
import { freshDb, type Engine } from './fresh-db.ts';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2026';

export type TestServer = {
  url: string;
  db: Db;
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
    admin: running.admin,
    staff: running.demoAccounts.map((a) => ({ email: a.email, password: a.password, unitCode: a.unitCode, role: a.role })),
    close: async () => {
      await running.stop();
      await fresh.drop();
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
