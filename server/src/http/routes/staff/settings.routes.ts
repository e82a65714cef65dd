import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OutboxListSchema, StaffListSchema, TemplateSchema, TemplateUpdateSchema } from '../../../../../contracts/api.ts';
import { DELIVERY_STATUSES, LOCALES } from '../../../../../contracts/enums.ts';
import { getAckTemplate, updateAckTemplate } from '../../../commands/ack-template.ts';
import { requireAction } from '../../../commands/authorize.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { listOutboxForStaff, retryOutbound } from '../../../commands/outbox.ts';
import { listStaffOfUnit } from '../../../db/repositories/staff.repo.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';
import { staffErrors as errors } from './error-responses.ts';

/** Unit settings: staff list, acknowledgement template, outgoing messages that need attention. */
export const settingsRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get('/staff', { schema: { tags: ['staff'], summary: 'Active staff of my unit', response: { 200: StaffListSchema, ...errors } } }, async (request) => {
    const actor = staffOf(request);
    requireAction(actor, 'case.read');
    return (await listStaffOfUnit(ctx.db, actor.unitId)).map((s) => ({ id: s.id, name: s.name, role: s.role }));
  });

  app.get(
    '/templates/acknowledgement',
    { schema: { tags: ['staff'], summary: 'Acknowledgement template of a unit', querystring: z.object({ unitCode: z.string().optional(), locale: z.enum(LOCALES).default('vi') }), response: { 200: TemplateSchema, ...errors } } },
    async (request) => {
      const actor = staffOf(request);
      return getAckTemplate(ctx, actor, request.query.unitCode ?? actor.unitCode, request.query.locale);
    },
  );

  app.put(
    '/templates/acknowledgement',
    { schema: { tags: ['staff'], summary: 'Edit the acknowledgement template of a unit', body: TemplateUpdateSchema, response: { 200: TemplateSchema, ...errors } } },
    async (request) => updateAckTemplate(ctx, staffOf(request), request.body.unitCode, request.body.locale, request.body.body),
  );

  app.get(
    '/outbox',
    { schema: { tags: ['staff'], summary: 'Outgoing messages by delivery state (dead letters, held)', querystring: z.object({ status: z.enum(DELIVERY_STATUSES).default('dead') }), response: { 200: OutboxListSchema, ...errors } } },
    async (request) =>
      (await listOutboxForStaff(ctx, staffOf(request), request.query.status)).map((o) => ({
        id: o.id,
        caseId: o.caseId,
        trackingCode: o.trackingCode,
        channel: o.channel,
        status: o.status,
        attempts: o.attempts,
        lastErrorCode: o.lastErrorCode,
        createdAt: o.createdAt.toISOString(),
        nextAttemptAt: o.nextAttemptAt.toISOString(),
      })),
  );

  app.post(
    '/outbox/:id/retry',
    { schema: { tags: ['staff'], summary: 'Send a dead or held message again', params: z.object({ id: z.string().uuid() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await retryOutbound(ctx, staffOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
