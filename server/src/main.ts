import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:net';
import { runAdminOperation } from './cli/admin-operations.ts';
import { cryptoRandom, type CommandContext } from './commands/context.ts';
import { createDemoAccounts, prepareDatabase, type DemoAccount } from './commands/prepare-database.ts';
import type { Config } from './config.ts';
import { openDb, type Db } from './db/client.ts';
import { adminSocketPath, lockDataDir, pgliteDir } from './db/data-dir-lock.ts';
import { buildApp } from './http/app.ts';
import { startWorker, type Worker } from './jobs/worker.ts';
import { serveAdminSocket } from './lib/admin-socket.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { createMetrics } from './lib/metrics.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type Running = {
  url: string | null;
  db: Db;
  ctx: CommandContext;
  demoAccounts: DemoAccount[];
  stop(): Promise<void>;
};

export type StartOptions = {
  clock?: Clock;
  log?: Logger;
  /** Passwords for the demo accounts instead of random ones (tests). */
  demoPasswords?: Record<string, string>;
  /** Run against an already-open database (tests); the caller closes it. */
  db?: Db;
  workerPollMs?: number;
  rateLimits?: boolean;
};

/**
 * Starts the roles asked for (`GANDAN_ROLE`): the HTTP API and web apps, the background worker, or both.
 * Holds the embedded data directory's lock for the whole run. `stop()` shuts down gracefully: stop accepting,
 * finish in-flight requests and the delivery batch in hand, then close the database.
 */
export async function startGandan(config: Config, options: StartOptions = {}): Promise<Running> {
  const log = options.log ?? createLogger(config.logLevel);
  let unlock: (() => Promise<void>) | undefined;
  let db = options.db;
  if (!db) {
    if (!config.databaseUrl) {
      unlock = await lockDataDir(config.dataDir).catch((err: unknown) => {
        throw new Error(
          `The embedded database in ${config.dataDir} is in use by another Gần Dân process. Stop it first, or set DATABASE_URL. (${err instanceof Error ? err.message : String(err)})`,
        );
      });
    }
    db = await openDb({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config.dataDir) });
  }
  const { migrations } = await prepareDatabase(db);
  if (migrations.length > 0) log.info({ migrations }, 'database migrated');

  let worker: Worker | undefined;
  const ctx: CommandContext = {
    db,
    clock: options.clock ?? systemClock,
    random: cryptoRandom,
    publicUrl: config.publicUrl,
    notifyOutbox: () => worker?.wake(),
  };
  const demoAccounts = await createDemoAccounts(ctx, options.demoPasswords);
  const metrics = createMetrics();
  let shuttingDown = false;
  let app: FastifyInstance | undefined;
  let url: string | null = null;

  if (config.role !== 'api') {
    const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    worker = startWorker(
      {
        ...ctx,
        workerId,
        // Channels with credentials (Facebook, Zalo) add their configuration here; the portal needs none.
        sendContext: async () => ({ config: {} as never, http: fetch, baseUrls: config.providers }),
        onOutcome: (m, r) => {
          metrics.deliveries.inc({ channel: m.channel, result: r.kind });
          log.info({ outboundId: m.id, caseId: m.caseId, channel: m.channel, result: r.kind, code: 'code' in r ? r.code : undefined, attempt: m.attempts }, 'delivery attempt');
        },
      },
      { log, pollMs: options.workerPollMs },
    );
  }

  if (config.role !== 'worker') {
    app = await buildApp({ ctx, metrics, log, webDist: WEB_DIST, secureCookies: config.publicUrl.startsWith('https://'), rateLimits: options.rateLimits, isShuttingDown: () => shuttingDown });
    url = await app.listen({ port: config.port, host: config.host });
  }

  let socket: Server | undefined;
  if (unlock) {
    socket = await serveAdminSocket(adminSocketPath(config.dataDir), async (req) => {
      try {
        return { ok: true, output: await runAdminOperation(ctx, req.op, req.args) };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    });
  }

  const openedDb = db;
  return {
    url,
    db,
    ctx,
    demoAccounts,
    stop: async () => {
      if (shuttingDown) return;
      shuttingDown = true;
      socket?.close();
      await app?.close();
      await worker?.stop();
      if (!options.db) await openedDb.close();
      await unlock?.();
    },
  };
}
