import type { FastifyPluginAsync } from 'fastify';
import { createHash } from 'node:crypto';
import { acceptWebhook, type WebhookDeps } from '../../../commands/accept-webhook.ts';
import { hasVerifyToken } from '../../../db/repositories/channel-accounts.repo.ts';
import { AppError } from '../../../lib/app-error.ts';
import type { Metrics } from '../../../lib/metrics.ts';

const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/**
 * Provider webhooks (CONTRACTS §3). The body is kept as raw bytes: signatures are computed over exactly what
 * the provider sent (Meta signs an escaped-unicode body), so it is never re-serialised before checking.
 * 200 is answered only after the delivery is stored.
 */
export const webhookRoutes: FastifyPluginAsync<{ deps: WebhookDeps; metrics: Metrics }> = async (app, { deps, metrics }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));

  // Meta's subscription handshake: echo hub.challenge when the verify token is one of our Pages'.
  app.get<{ Querystring: Record<string, string | undefined> }>('/webhooks/facebook', { schema: { hide: true } }, async (request, reply) => {
    const q = request.query;
    const token = q['hub.verify_token'];
    if (q['hub.mode'] !== 'subscribe' || !token || !q['hub.challenge']) throw new AppError('CHANNEL_VERIFY_TOKEN_INVALID');
    if (!(await hasVerifyToken(deps.db, createHash('sha256').update(token).digest('hex')))) throw new AppError('CHANNEL_VERIFY_TOKEN_INVALID');
    return reply.type('text/plain').send(q['hub.challenge']);
  });

  for (const channel of ['facebook', 'zalo'] as const) {
    app.post<{ Body: Buffer }>(`/webhooks/${channel}`, { schema: { hide: true } }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('BODY_MALFORMED');
      const outcome = await acceptWebhook(deps, channel, { headers: request.headers, rawBody: request.body, query: request.query as Record<string, string | undefined> });
      metrics.webhooks.inc({ channel, outcome: outcome.kind });
      if (outcome.kind === 'ignored') request.log.info({ channel, reason: outcome.reason }, 'webhook ignored');
      return reply.status(200).send({ status: outcome.kind });
    });
  }
};
