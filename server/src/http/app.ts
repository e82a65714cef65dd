import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CommandContext } from '../commands/context.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../lib/metrics.ts';
import { handleError, sendError } from './errors.ts';
import { open311Routes } from './routes/open311/open311.routes.ts';
import { opsRoutes } from './routes/ops/ops.routes.ts';
import { procedureRoutes } from './routes/procedures/procedures.routes.ts';
import { publicRoutes } from './routes/public/public.routes.ts';
import { transparencyRoutes } from './routes/public/transparency.routes.ts';
import { accountabilityRoutes } from './routes/staff/accountability.routes.ts';
import { authRoutes } from './routes/staff/auth.routes.ts';
import { caseRoutes } from './routes/staff/cases.routes.ts';
import { channelRoutes } from './routes/staff/channels.routes.ts';
import { liveRoutes } from './routes/staff/live.routes.ts';
import { notificationRoutes } from './routes/staff/notifications.routes.ts';
import { replyTemplateRoutes } from './routes/staff/reply-templates.routes.ts';
import { createLiveHub, type LiveHub } from '../live/live-hub.ts';
import { settingsRoutes } from './routes/staff/settings.routes.ts';
import { visitRoutes } from './routes/staff/visits.routes.ts';
import { calendarRoutes } from './routes/staff/calendar.routes.ts';
import { routingRuleRoutes } from './routes/staff/routing-rules.routes.ts';
import { webhookRoutes } from './routes/webhooks/webhooks.routes.ts';
import type { WebhookDeps } from '../commands/accept-webhook.ts';
import type { SecretBox } from '../lib/secret-box.ts';

export type AppDeps = {
  ctx: CommandContext;
  /** Provider webhooks; absent in tests that do not need them. */
  webhooks?: WebhookDeps;
  /** Channel administration in the console; absent in tests that do not need it. */
  channels?: { box: SecretBox; onChannelsChanged?: () => void };
  metrics: Metrics;
  log: Logger;
  /** Optional tile layer under the portal's ward map (GANDAN_MAP_TILE_URL). */
  map?: { tileUrl: string | null; tileAttribution: string | null };
  /** Built web apps (web/dist); when missing, pages answer with a hint to build them. */
  webDist?: string;
  secureCookies?: boolean;
  rateLimits?: boolean;
  isShuttingDown?: () => boolean;
  /** Live updates to open consoles; by default one hub per app over the context's database. */
  live?: LiveHub;
  /** Told of every route as it is registered (the staff access matrix test enumerates the routes with it). */
  onRoute?: (route: { method: string; url: string }) => void;
};

/** Builds the HTTP app without listening, so tests can call `app.inject()` (STYLE §2). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // Request lines are logged by the onResponse hook below (route pattern, never the raw URL).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    trustProxy: true,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('staff', null);
  app.decorateRequest('csrfToken', null);
  const { onRoute } = deps;
  if (onRoute) app.addHook('onRoute', (r) => (Array.isArray(r.method) ? r.method : [r.method]).forEach((method) => onRoute({ method, url: r.url })));

  // Request log and latency by route pattern: never the raw URL (tracking codes) nor bodies.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    deps.metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    request.log.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });
  // Per-route limits (config.rateLimit) protect public and login routes; benchmarks and most tests turn them off.
  if (deps.rateLimits !== false) await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gần Dân API', version: '0.1.0', description: 'Citizen engagement and case management. Staff endpoints need the session cookie and the x-csrf-token header.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const shuttingDown = deps.isShuttingDown ?? (() => false);
  await app.register(opsRoutes, { db: deps.ctx.db, metrics: deps.metrics, isShuttingDown: shuttingDown });
  await app.register(publicRoutes, { prefix: '/api/public', ctx: deps.ctx, metrics: deps.metrics });
  await app.register(procedureRoutes, { prefix: '/api/public', ctx: deps.ctx });
  await app.register(transparencyRoutes, { prefix: '/api/public', ctx: deps.ctx, map: deps.map });
  await app.register(open311Routes, { prefix: '/open311', ctx: deps.ctx, metrics: deps.metrics });
  await app.register(authRoutes, { prefix: '/api/staff', ctx: deps.ctx, secureCookies: deps.secureCookies ?? false });
  await app.register(caseRoutes, { prefix: '/api/staff', ctx: deps.ctx, metrics: deps.metrics });
  await app.register(settingsRoutes, { prefix: '/api/staff', ctx: deps.ctx });
  await app.register(accountabilityRoutes, { prefix: '/api/staff', ctx: deps.ctx });
  await app.register(notificationRoutes, { prefix: '/api/staff', ctx: deps.ctx });
  await app.register(replyTemplateRoutes, { prefix: '/api/staff', ctx: deps.ctx });
  await app.register(liveRoutes, { prefix: '/api/staff', ctx: deps.ctx, hub: deps.live ?? createLiveHub(deps.ctx.db, deps.log) });
  await app.register(visitRoutes, { prefix: '/api/staff', ctx: deps.ctx });
  await app.register(calendarRoutes, { prefix: '/api/staff', ctx: deps.ctx });
  await app.register(routingRuleRoutes, { prefix: '/api/staff', ctx: deps.ctx });
  if (deps.channels) await app.register(channelRoutes, { prefix: '/api/staff', ctx: deps.ctx, ...deps.channels });
  if (deps.webhooks) await app.register(webhookRoutes, { deps: deps.webhooks, metrics: deps.metrics });
  await registerWebApps(app, deps.webDist);

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'NOT_FOUND'));
  return app;
}

/** Serves the portal at / and /track/*, the console at /console/*, and their assets. */
async function registerWebApps(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  if (!webDist || !existsSync(path.join(webDist, 'index.html'))) {
    const hint = 'The web apps are not built: run `npm run build:web` (npm start does it for you).';
    for (const url of ['/', '/track/*', '/thu-tuc', '/thu-tuc/*', '/ban-do', '/ban-do/*', '/phan-anh', '/phan-anh/*', '/so-lieu', '/so-lieu/*', '/console', '/console/*']) app.get(url, { schema: { hide: true } }, (_req, reply) => reply.status(503).type('text/plain').send(hint));
    return;
  }
  // preCompressed: the build writes .br/.gz beside each asset. Hashed asset names never change content, so they
  // are cached for good; the pages are revalidated so that a new build is picked up (send's maxAge would
  // otherwise override a cache-control set before sendFile).
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    index: false,
    wildcard: true,
    preCompressed: true,
    maxAge: '1h',
    setHeaders: (reply, file) => {
      if (file.endsWith('.html')) reply.header('cache-control', 'no-cache');
      else if (file.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const page = (file: string) => (_req: unknown, reply: { sendFile: (f: string) => unknown }) => reply.sendFile(file);
  app.get('/', { schema: { hide: true } }, page('index.html'));
  app.get('/track/*', { schema: { hide: true } }, page('index.html'));
  app.get('/thu-tuc', { schema: { hide: true } }, page('index.html'));
  app.get('/thu-tuc/*', { schema: { hide: true } }, page('index.html'));
  for (const url of ['/ban-do', '/ban-do/*', '/phan-anh', '/phan-anh/*', '/so-lieu', '/so-lieu/*']) app.get(url, { schema: { hide: true } }, page('index.html'));
  app.get('/console', { schema: { hide: true } }, page('console/index.html'));
  app.get('/console/*', { schema: { hide: true } }, page('console/index.html'));
}
