import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema,
  MapConfigSchema,
  PublicProblemListSchema,
  PublicProblemQuerySchema,
  UnitStatsQuerySchema,
  UnitStatsSchema,
  WardLocatedSchema,
  WardLocateQuerySchema,
  type MapConfig,
} from '../../../../../contracts/api.ts';
import { CASE_STATUSES } from '../../../../../contracts/enums.ts';
import { listServices } from '../../../channels/open311/services.ts';
import { computeUnitStats } from '../../../commands/compute-unit-stats.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { listPublicProblems } from '../../../commands/list-public-problems.ts';
import { findPublicPhoto } from '../../../db/repositories/public-problems.repo.ts';
import { parseBbox } from '../../../domain/public/map-geometry.ts';
import { MIN_CASES_TO_RANK, unitStatsCsv } from '../../../domain/public/unit-stats.ts';
import { findUnitAtPoint } from '../../../domain/triage/resolve-place.ts';
import { AppError } from '../../../lib/app-error.ts';
import { loadWardBoundaries } from '../../../triage/load-boundaries.ts';
import { loadWardMap } from '../../../triage/load-ward-map.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 429: ErrorBodySchema };
const PUBLIC_STATUSES = CASE_STATUSES.filter((s) => s !== 'rejected') as string[];

/** A calendar date means that whole day in city time (UTC+7): `from` its start, `to` the start of the next day. */
function parseInstant(text: string | undefined, field: string, isEnd: boolean): Date | undefined {
  if (!text) return undefined;
  const isDate = /^\d{4}-\d{2}-\d{2}$/u.test(text);
  const at = new Date(isDate ? `${text}T00:00:00+07:00` : text);
  if (Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', { field });
  return isDate && isEnd ? new Date(at.getTime() + 86_400_000) : at;
}

function categoryNames(): Map<string, { vi: string; en: string }> {
  const en = new Map(listServices('en').map((s) => [s.service_code, s.service_name]));
  return new Map(listServices('vi').map((s) => [s.service_code, { vi: s.service_name, en: en.get(s.service_code) ?? s.service_name }]));
}

/**
 * Public transparency: the ward map (polygons, point → ward, tile settings), reported problems without
 * personal data, and figures per unit as JSON and CSV. No login; rate-limited per client.
 */
export const transparencyRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext; map?: MapConfig }> = async (app, { ctx, map }) => {
  const categories = categoryNames();

  app.get('/wards.geojson', { schema: { tags: ['public'], summary: 'The 2025 ward polygons, simplified for the map (GeoJSON, ~11 m precision)' } }, async (request, reply) => {
    const file = loadWardMap();
    reply.header('cache-control', 'public, max-age=86400, stale-while-revalidate=604800').header('etag', file.etag).header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === file.etag) return reply.status(304).send();
    reply.type('application/geo+json; charset=utf-8');
    if (/\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(file.gzip);
    return reply.send(file.json);
  });

  app.get(
    '/locate',
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags: ['public'], summary: 'The 2025 ward containing a point', querystring: WardLocateQuerySchema, response: { 200: WardLocatedSchema, ...errors } } },
    async (request) => {
      const ward = findUnitAtPoint(request.query.lat, request.query.lng, loadWardBoundaries());
      const unit = ward ? (await ctx.db.query<{ name_en: string | null }>('SELECT name_en FROM units WHERE code = $1', [ward.code]))[0] : undefined;
      return { unitCode: ward?.code ?? null, name: ward?.name ?? null, nameEn: unit?.name_en ?? null };
    },
  );

  app.get('/map-config', { schema: { tags: ['public'], summary: 'Optional tile layer for the portal map', response: { 200: MapConfigSchema } } }, async () => map ?? { tileUrl: null, tileAttribution: null });

  app.get(
    '/problems',
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags: ['public'], summary: 'Reported problems (phản ánh): status, ward, redacted text, location rounded to ~50 m', querystring: PublicProblemQuerySchema, response: { 200: PublicProblemListSchema, ...errors } } },
    async (request) => {
      const q = request.query;
      const bbox = q.bbox === undefined ? undefined : parseBbox(q.bbox);
      if (q.bbox !== undefined && !bbox) throw new AppError('VALIDATION_FAILED', { field: 'bbox' });
      const statuses = q.status?.split(',').map((s) => s.trim()).filter(Boolean);
      if (statuses?.some((s) => !PUBLIC_STATUSES.includes(s))) throw new AppError('VALIDATION_FAILED', { field: 'status' });
      const page = await listPublicProblems(ctx, {
        bbox, unitCode: q.unitCode, statuses, from: parseInstant(q.from, 'from', false), to: parseInstant(q.to, 'to', true), cursor: q.cursor, limit: q.limit,
      });
      return { ...page, items: page.items.map((p) => ({ ...p, status: p.status as (typeof CASE_STATUSES)[number], categoryName: (p.category && categories.get(p.category)) || null })) };
    },
  );

  app.get(
    '/photos/:id',
    { schema: { tags: ['public'], summary: 'A photo an officer marked public', params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const photo = await findPublicPhoto(ctx.db, request.params.id);
      if (!photo) throw new AppError('NOT_FOUND');
      return reply.header('content-type', photo.contentType).header('cache-control', 'public, max-age=3600').send(photo.data);
    },
  );

  const stats = (query: z.infer<typeof UnitStatsQuerySchema>) => computeUnitStats(ctx, { from: parseInstant(query.from, 'from', false), to: parseInstant(query.to, 'to', true) });

  app.get(
    '/stats/units',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: ['public'], summary: 'Figures per unit and their ranking (JSON)', querystring: UnitStatsQuerySchema, response: { 200: UnitStatsSchema, ...errors } } },
    async (request) => ({ ...(await stats(request.query)), minCasesToRank: MIN_CASES_TO_RANK }),
  );

  app.get(
    '/stats/units.csv',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: ['public'], summary: 'Figures per unit and their ranking (CSV, UTF-8)', querystring: UnitStatsQuerySchema } },
    async (request, reply) => {
      const result = await stats(request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="gandan-so-lieu-${result.from.slice(0, 10)}-${result.to.slice(0, 10)}.csv"`)
        .send(unitStatsCsv(result.units));
    },
  );
};
