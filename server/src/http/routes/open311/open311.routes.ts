import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../../../contracts/enums.ts';
import { findService, listServices, serviceRules } from '../../../channels/open311/services.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { findOpen311Request, listOpen311Requests } from '../../../commands/list-open311-requests.ts';
import { submitOpen311Request } from '../../../commands/submit-open311-request.ts';
import type { GeoReportError } from '../../../domain/open311/errors.ts';
import { parseRequestListQuery } from '../../../domain/open311/list-query.ts';
import { parseServiceRequest, type FormFields } from '../../../domain/open311/request-input.ts';
import { pickLocale } from '../../../i18n/messages.ts';
import { open311Text, type Open311MessageKey } from '../../../i18n/open311-messages.ts';
import type { Metrics } from '../../../lib/metrics.ts';
import { sendGeo, sendGeoErrors, splitFormat, type GeoFormat } from './open311-format.ts';
import { caseTextOf, presentDiscovery, presentRequest, presentServiceDefinition } from './present.ts';
import { loadWardBoundaries } from '../../../triage/load-boundaries.ts';

type Query = Record<string, string | undefined>;

/**
 * Open311 GeoReport v2 (shared/specs/open311.md): discovery at /open311/discovery.{xml,json}, the API at
 * /open311/v2/<resource>.{xml,json}. Errors use the spec's body and statuses in the requested format.
 */
export const open311Routes: FastifyPluginAsync<{ ctx: CommandContext; metrics: Metrics }> = async (app, { ctx, metrics }) => {
  const jurisdiction = new URL(ctx.publicUrl).hostname.replace(/^www\./u, '');
  const localeOf = (request: FastifyRequest): Locale => {
    const q = (request.query as Query).locale;
    return q === 'en' || q === 'vi' ? q : pickLocale(request.headers['accept-language']);
  };
  const formatOf = (request: FastifyRequest): GeoFormat => splitFormat(new URL(request.url, 'http://x').pathname.split('/').pop() ?? '').format ?? 'xml';
  const fail = (request: FastifyRequest, reply: FastifyReply, errors: readonly GeoReportError[]) => {
    const locale = localeOf(request);
    const status = errors.some((e) => e.status === 403) ? 403 : errors.some((e) => e.status === 404) ? 404 : 400;
    return sendGeoErrors(reply, formatOf(request), status, errors.map((e) => ({ code: e.status, description: open311Text(locale, e.key as Open311MessageKey, { field: e.field ?? '' }) })));
  };
  const failWith = (request: FastifyRequest, reply: FastifyReply, status: GeoReportError['status'], key: Open311MessageKey) => fail(request, reply, [{ status, key }]);

  /** The format suffix and the jurisdiction; answers the error itself and returns null when they are wrong. */
  const preflight = (request: FastifyRequest, reply: FastifyReply, segment: string): { name: string; format: GeoFormat } | null => {
    const { name, format } = splitFormat(segment);
    if (!format) {
      void failWith(request, reply, 400, 'error.formatUnknown');
      return null;
    }
    const j = (request.query as Query).jurisdiction_id?.trim();
    if (j && j !== jurisdiction) {
      void failWith(request, reply, 404, 'error.jurisdictionUnknown');
      return null;
    }
    return { name, format };
  };

  // Form bodies (the spec's POST encoding), read as text and parsed with URLSearchParams (repeated keys kept).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    if (err.statusCode === 429) return failWith(request, reply, 400, 'error.rateLimited').status(429);
    if (err.statusCode && err.statusCode < 500) return failWith(request, reply, 400, 'error.bodyInvalid');
    request.log.error({ err: { message: err.message, stack: err.stack } }, 'open311 error');
    return failWith(request, reply, 400, 'error.internal');
  });
  app.setNotFoundHandler((request, reply) => failWith(request, reply, 404, 'error.notFound'));

  app.get<{ Params: { doc: string } }>('/:doc', { schema: { hide: true } }, async (request, reply) => {
    const p = preflight(request, reply, request.params.doc);
    if (!p) return reply;
    if (p.name !== 'discovery') return failWith(request, reply, 404, 'error.notFound');
    return sendGeo(reply, p.format, 'discovery', presentDiscovery(ctx.publicUrl, localeOf(request)));
  });

  app.get<{ Params: { resource: string } }>('/v2/:resource', { schema: { hide: true } }, async (request, reply) => {
    const p = preflight(request, reply, request.params.resource);
    if (!p) return reply;
    const locale = localeOf(request);
    if (p.name === 'services') return sendGeo(reply, p.format, 'services', listServices(locale));
    if (p.name !== 'requests') return failWith(request, reply, 404, 'error.notFound');
    const parsed = parseRequestListQuery(request.query as Query, ctx.clock.now());
    if (!parsed.ok) return fail(request, reply, parsed.errors);
    const rows = await listOpen311Requests(ctx.db, parsed.query);
    return sendGeo(reply, p.format, 'service_requests', rows.map((r) => presentRequest(r, locale, findService(r.serviceCode, locale), ctx.publicUrl)));
  });

  app.get<{ Params: { resource: string; id: string } }>('/v2/:resource/:id', { schema: { hide: true } }, async (request, reply) => {
    const p = preflight(request, reply, request.params.id);
    if (!p) return reply;
    const locale = localeOf(request);
    const id = decodeURIComponent(p.name);
    switch (request.params.resource) {
      case 'services':
        if (!findService(id, locale)) return failWith(request, reply, 404, 'error.serviceCodeUnknown');
        return sendGeo(reply, p.format, 'service_definition', presentServiceDefinition(id, locale));
      case 'requests': {
        const found = await findOpen311Request(ctx.db, id);
        if (!found) return failWith(request, reply, 404, 'error.notFound');
        return sendGeo(reply, p.format, 'service_requests', [presentRequest(found, locale, findService(found.serviceCode, locale), ctx.publicUrl)]);
      }
      default:
        // tokens/<token>: every service is realtime, so no token is ever issued and none can be found.
        return failWith(request, reply, 404, 'error.notFound');
    }
  });

  app.post<{ Params: { resource: string } }>(
    '/v2/:resource',
    { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const p = preflight(request, reply, request.params.resource);
      if (!p) return reply;
      if (p.name !== 'requests') return failWith(request, reply, 404, 'error.notFound');
      const fields = formFieldsOf(request.body);
      const j = fields.get('jurisdiction_id')?.trim();
      if (j && j !== jurisdiction) return failWith(request, reply, 404, 'error.jurisdictionUnknown');
      const locale = localeOf(request);
      const parsed = parseServiceRequest(fields, serviceRules(fields.get('service_code')?.trim() ?? ''), loadWardBoundaries());
      // A bad key is reported first (403), before anything about the request is revealed.
      if (!fields.get('api_key')?.trim()) return failWith(request, reply, 403, 'error.apiKey');
      if (!parsed.ok) return fail(request, reply, parsed.errors);
      const result = await submitOpen311Request(ctx, parsed.input, caseTextOf(parsed.input.description, parsed.input.attributes, locale), locale);
      if (result.kind === 'forbidden') return failWith(request, reply, 403, 'error.apiKey');
      metrics.casesOpened.inc({ channel: 'open311' });
      request.log.info({ caseId: result.caseId, channel: 'open311' }, 'case opened');
      const trackUrl = `${ctx.publicUrl.replace(/\/$/u, '')}/track/${result.trackingCode}`;
      return sendGeo(reply, p.format, 'service_requests', [
        { service_request_id: result.caseId, service_notice: open311Text(locale, 'notice.received', { trackingCode: result.trackingCode, trackUrl }), account_id: null },
      ]);
    },
  );
};

/** Form text, a JSON object, or nothing → the fields of the request. */
function formFieldsOf(body: unknown): FormFields {
  if (typeof body === 'string') return new URLSearchParams(body);
  const params = new URLSearchParams();
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      for (const item of Array.isArray(v) ? v : [v]) if (typeof item === 'string' || typeof item === 'number') params.append(k, String(item));
    }
  }
  return params;
}
