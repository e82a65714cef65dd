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
import { dataDirModelPath, getTriageEngine } from './triage/triage-engine.ts';
import type { HttpClient } from './channels/channel.ts';
import { createChannelDirectory, type ChannelDirectory } from './commands/channel-directory.ts';
import { deliveryPump, type DeliveryDeps } from './commands/deliver-due-messages.ts';
import { processInboundEvents } from './commands/process-inbound-events.ts';
import { insertInboundEvents, type NewInboundEvent } from './db/repositories/inbound-events.repo.ts';
import { sealAuditLog } from './commands/seal-audit-log.ts';
import { notifyWorkers, WORKER_WAKE_CHANNEL } from './db/worker-wake.ts';
import { coalesced } from './lib/coalesce.ts';
import { groupCommit } from './lib/group-commit.ts';
import { sweepDeadlines } from './commands/sweep-deadlines.ts';
import { deleteStaleUploads } from './db/repositories/attachments.repo.ts';
import { createSecretBox, loadSecretKey } from './lib/secret-box.ts';
import { serveAdminSocket } from './lib/admin-socket.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createHttpClient } from './lib/http-client.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { createMetrics } from './lib/metrics.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type Running = {
  url: string | null;
  db: Db;
  ctx: CommandContext;
  directory: ChannelDirectory;
  demoAccounts: DemoAccount[];
  /** Runs an administrative operation (what `gandan user add`, `channel add` … do) in this process. */
  admin(op: string, args: unknown): Promise<string[]>;
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
  /** HTTP for provider calls (tests point it at emulators through the base URLs, not through this). */
  http?: HttpClient;
  /** How long one provider call may take (default 10 s; well inside the 60 s delivery lease). */
  providerTimeoutMs?: number;
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

  const database: Db = db;
  let worker: Worker | undefined;
  let stopWakeListener: (() => Promise<void>) | undefined;
  // New work (a stored webhook, a queued message) wakes this process's worker at once; an api-only process on
  // PostgreSQL tells the worker processes through the database instead of leaving it to their next poll (pollMs),
  // at most every 2 ms under a burst (each wake-up drains everything stored by then). The embedded database has
  // no other processes to wake.
  const wakeOtherProcesses =
    config.role === 'api' && config.databaseUrl
      ? coalesced(
        () => notifyWorkers(database),
        (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not wake the workers'),
        2,
      )
      : undefined;
  const wake = () => {
    worker?.wake();
    wakeOtherProcesses?.();
  };
  const ctx: CommandContext = {
    db,
    clock: options.clock ?? systemClock,
    random: cryptoRandom,
    publicUrl: config.publicUrl,
    notifyOutbox: wake,
    triage: getTriageEngine({ retrainedModel: dataDirModelPath(config.dataDir) }),
  };
  const demoAccounts = await createDemoAccounts(ctx, options.demoPasswords);
  const metrics = createMetrics();
  let shuttingDown = false;
  let app: FastifyInstance | undefined;
  let url: string | null = null;

  const box = createSecretBox(loadSecretKey(config.secretKey, config.dataDir));
  const ownHttp = options.http ? undefined : createHttpClient({ timeoutMs: options.providerTimeoutMs ?? 10_000 });
  const directory = createChannelDirectory({
    db,
    clock: ctx.clock,
    box,
    http: options.http ?? ownHttp!,
    baseUrls: config.providers,
    log,
  });
  if (config.role !== 'api') {
    const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    const delivery: DeliveryDeps = {
      ...ctx,
      workerId,
      sendContext: (m) => directory.sendContext(m.channel, m.channelAccount),
      onOutcome: (m, r) => {
        metrics.deliveries.inc({ channel: m.channel, result: r.kind });
        log.info({ outboundId: m.id, caseId: m.caseId, channel: m.channel, result: r.kind, code: 'code' in r ? r.code : undefined, attempt: m.attempts }, 'delivery attempt');
        if (r.kind !== 'retry') void directory.reportOutcome(m.channel, m.channelAccount, r).catch(() => undefined);
      },
    };
    const outbox = deliveryPump({ ...delivery, onError: (err) => log.error({ task: 'deliver-messages', err: err instanceof Error ? err.message : String(err) }, 'worker task failed') });
    const inbound = { ...ctx, workerId, directory, log };
    worker = startWorker({
      drains: [
        { name: 'inbound-events', batchSize: 50, run: (n) => processInboundEvents(inbound, n) },
        // Up to 50 sends in flight; each one's room is taken again as soon as it settles.
        { name: 'deliver-messages', batchSize: 50, ...outbox },
        { name: 'seal-audit', batchSize: 500, run: (n) => sealAuditLog(db, n) },
      ],
      periodic: [
        // Zalo access tokens live 25 h: renew them an hour before they expire, one process at a time.
        { name: 'refresh-tokens', everyMs: 60_000, run: () => directory.refreshExpiring(60 * 60_000) },
        { name: 'sweep-deadlines', everyMs: 60_000, run: async () => void (await sweepDeadlines(ctx, ctx.clock.now())) },
        { name: 'remove-abandoned-uploads', everyMs: 10 * 60_000, run: async () => void (await deleteStaleUploads(db, new Date(ctx.clock.now().getTime() - 24 * 3_600_000))) },
      ],
      now: () => ctx.clock.now().getTime(),
      pollMs: options.workerPollMs,
      log,
    });
    // Work added by api-only processes (and the gap after a lost listening connection: look at once).
    stopWakeListener = await db.listen(WORKER_WAKE_CHANNEL, { onPayload: () => worker?.wake(), onGap: () => worker?.wake() }).catch((err: unknown) => {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'not listening for work from other processes; polling only');
      return undefined;
    });
  }

  if (config.role !== 'worker') {
    // Deliveries arriving together are stored in one statement and one commit, each answered after it.
    const storeInbound = groupCommit({
      write: (events: readonly NewInboundEvent[]) => insertInboundEvents(db, events),
      maxBatch: 64,
      maxInFlight: db.engine === 'postgres' ? 2 : 1,
    });
    const webhooks = { db, clock: ctx.clock, directory, storeInbound, notifyInbound: wake };
    app = await buildApp({ ctx, metrics, log, webhooks, channels: { box, onChannelsChanged: () => directory.invalidate() }, map: config.map, webDist: WEB_DIST, secureCookies: config.publicUrl.startsWith('https://'), rateLimits: options.rateLimits, isShuttingDown: () => shuttingDown });
    url = await app.listen({ port: config.port, host: config.host });
  }

  const admin = (op: string, args: unknown) => runAdminOperation({ ...ctx, box, onChannelsChanged: () => directory.invalidate() }, op, args);
  let socket: Server | undefined;
  if (unlock) {
    socket = await serveAdminSocket(adminSocketPath(config.dataDir), async (req) => {
      try {
        return { ok: true, output: await admin(req.op, req.args) };
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
    directory,
    demoAccounts,
    admin,
    stop: async () => {
      if (shuttingDown) return;
      shuttingDown = true;
      socket?.close();
      await app?.close();
      await stopWakeListener?.();
      await worker?.stop();
      await ownHttp?.close();
      if (!options.db) await openedDb.close();
      await unlock?.();
    },
  };
}
