import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema,
  PublicCaseCreatedSchema,
  PublicCaseCreateSchema,
  PublicCaseViewSchema,
  UnitListSchema,
  UploadCreatedSchema,
  UPLOAD_MAX_BYTES,
  RatingCreateSchema,
  ReopenSchema,
  VisitConfirmSchema,
  VisitConfirmedSchema,
} from '../../../../../contracts/api.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { findPublicCase } from '../../../commands/find-public-case.ts';
import { confirmVisitSlot } from '../../../commands/confirm-visit-slot.ts';
import { openCase } from '../../../commands/open-case.ts';
import { rateCase, reopenCase } from '../../../commands/rate-or-reopen-case.ts';
import { uploadAttachment } from '../../../commands/upload-attachment.ts';
import { listUnits } from '../../../db/repositories/units.repo.ts';
import { pickLocale } from '../../../i18n/messages.ts';
import { AppError } from '../../../lib/app-error.ts';
import type { Metrics } from '../../../lib/metrics.ts';
import { isInsideCity } from '../../../domain/place/city-bounds.ts';
import { loadWardBoundaries } from '../../../triage/load-boundaries.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema, 422: ErrorBodySchema, 429: ErrorBodySchema };

/** Citizen-facing API: no login; rate-limited per client address. */
export const publicRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext; metrics: Metrics }> = async (app, { ctx, metrics }) => {
  app.get('/units', { schema: { tags: ['public'], summary: 'Units of the city (wards, departments)', response: { 200: UnitListSchema } } }, async () => {
    const units = await listUnits(ctx.db);
    return units.map((u) => ({ code: u.code, name: u.name, fullName: u.fullName, nameEn: u.nameEn, type: u.kind, parentCode: u.parentCode }));
  });

  app.post(
    '/cases',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Submit a request or report from the portal', body: PublicCaseCreateSchema, response: { 201: PublicCaseCreatedSchema, ...errors } },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.location && !isInsideCity(b.location, loadWardBoundaries())) throw new AppError('LOCATION_OUT_OF_RANGE');
      const opened = await openCase(ctx, {
        text: b.text,
        unitCode: b.unitCode,
        channel: 'portal',
        intakeMethod: 'portal',
        contact: b.contact,
        location: b.location,
        uploadTokens: b.attachments,
        locale: b.locale ?? pickLocale(request.headers['accept-language']),
      });
      metrics.casesOpened.inc({ channel: 'portal' });
      request.log.info({ caseId: opened.caseId, channel: 'portal' }, 'case opened');
      return reply.status(201).send({ trackingCode: opened.trackingCode });
    },
  );

  app.post(
    '/uploads',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Upload one photo (multipart field "file"; JPEG, PNG or WebP, 5 MB at most)', consumes: ['multipart/form-data'], response: { 201: UploadCreatedSchema, ...errors } },
    },
    async (request, reply) => {
      const file = await request.file({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } });
      if (!file) throw new AppError('VALIDATION_FAILED', { field: 'file' });
      const buffer = await file.toBuffer();
      return reply.status(201).send(await uploadAttachment(ctx, buffer));
    },
  );

  app.get(
    '/cases/:trackingCode',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Status and public replies of a case, by tracking code', params: z.object({ trackingCode: z.string().max(40) }), response: { 200: PublicCaseViewSchema, ...errors } },
    },
    async (request) => findPublicCase(ctx, request.params.trackingCode),
  );

  const codeParams = z.object({ trackingCode: z.string().max(40) });
  app.post(
    '/cases/:trackingCode/rating',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Rate how a resolved case was handled (once per resolution)', params: codeParams, body: RatingCreateSchema, response: { 204: z.null(), 409: ErrorBodySchema, ...errors } },
    },
    async (request, reply) => {
      await rateCase(ctx, request.params.trackingCode, request.body.score, request.body.comment);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/cases/:trackingCode/reopen',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Say the problem is not solved: reopen within 7 days of the resolution', params: codeParams, body: ReopenSchema, response: { 204: z.null(), 409: ErrorBodySchema, ...errors } },
    },
    async (request, reply) => {
      await reopenCase(ctx, request.params.trackingCode, request.body.reason);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/cases/:trackingCode/visit/confirm',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Choose one of the offered home-visit slots (choosing the confirmed one again changes nothing)', params: codeParams, body: VisitConfirmSchema, response: { 200: VisitConfirmedSchema, 409: ErrorBodySchema, ...errors } },
    },
    async (request) => confirmVisitSlot(ctx, request.params.trackingCode, request.body.slot),
  );
};
