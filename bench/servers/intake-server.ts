/**
 * A server process for the intake benchmark. Usage:
 *   node --import tsx bench/servers/intake-server.ts <product|baseline> <pglite DIR | postgres URL>
 * Prints one JSON line {"port": N} when listening, then serves until SIGTERM.
 *  - product: the whole Gần Dân process (api + worker, or BENCH_ROLE), portal intake at POST /api/public/cases,
 *    webhooks at POST /webhooks/zalo once BENCH_CHANNEL connected an OA.
 *  - baseline: a bare Fastify route doing one INSERT of the request body into the same kind of database.
 */
import Fastify from 'fastify';
import { loadConfig } from '../../server/src/config.ts';
import { openDb } from '../../server/src/db/client.ts';
import { createLogger } from '../../server/src/lib/logger.ts';
import { startGandan } from '../../server/src/main.ts';

const [mode, engine, target] = process.argv.slice(2);
if (!mode || !engine || !target) throw new Error('usage: intake-server.ts <product|baseline> <pglite|postgres> <dir|url>');
const dbOptions = engine === 'postgres' ? { databaseUrl: target } : { dataDir: target };

if (mode === 'product') {
  // BENCH_ZALO_URL points the provider URLs at an emulator; BENCH_CHANNEL (JSON, as for `channel.add`) connects an account.
  const zaloUrl = process.env.BENCH_ZALO_URL;
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', GANDAN_LOG_LEVEL: 'silent', GANDAN_ROLE: process.env.BENCH_ROLE ?? 'all', GANDAN_SECRET_KEY: 'bench-secret-key-0123456789',
    ...(engine === 'postgres' ? { DATABASE_URL: target } : { GANDAN_DATA_DIR: target }),
    ...(zaloUrl ? { ZALO_OPENAPI_URL: zaloUrl, ZALO_OAUTH_URL: zaloUrl } : {}),
  });
  const db = await openDb(dbOptions);
  const running = await startGandan(config, { db, log: createLogger('silent'), rateLimits: false });
  if (process.env.BENCH_CHANNEL) await running.admin('channel.add', JSON.parse(process.env.BENCH_CHANNEL));
  // A worker-only process serves no HTTP: it reports port 0 once its worker runs.
  process.stdout.write(`${JSON.stringify({ port: running.url ? Number(new URL(running.url).port) : 0 })}\n`);
  process.once('SIGTERM', () => void running.stop().then(() => db.close()).then(() => process.exit(0)));
} else {
  const db = await openDb(dbOptions);
  await db.exec('CREATE TABLE IF NOT EXISTS bench_rows (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL)');
  const app = Fastify({ logger: false });
  app.post('/rows', async (request, reply) => {
    await db.query('INSERT INTO bench_rows (body, created_at) VALUES ($1::jsonb, $2)', [JSON.stringify(request.body), new Date()]);
    return reply.status(201).send({ ok: true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
  process.once('SIGTERM', () => void app.close().then(() => db.close()).then(() => process.exit(0)));
}
