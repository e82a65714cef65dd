import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { isMigrated } from '../../../db/migrate.ts';
import { countOutboundByStatus } from '../../../db/repositories/outbound.repo.ts';
import type { Metrics } from '../../../lib/metrics.ts';

/** Liveness, readiness and Prometheus metrics (CONTRACTS §3). */
export const opsRoutes: FastifyPluginAsync<{ db: Db; metrics: Metrics; isShuttingDown: () => boolean }> = async (app, { db, metrics, isShuttingDown }) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (isShuttingDown()) return reply.status(503).send({ status: 'shutting-down' });
    try {
      if (!(await isMigrated(db))) return reply.status(503).send({ status: 'migrations-pending' });
      return { status: 'ready', database: db.engine };
    } catch {
      return reply.status(503).send({ status: 'database-unavailable' });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    try {
      const counts = await countOutboundByStatus(db);
      for (const status of ['queued', 'sending', 'sent', 'held', 'dead']) metrics.outboundByStatus.set({ status }, counts[status] ?? 0);
    } catch {
      // Serve process metrics even when the database is down.
    }
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
};
