import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema,
  RenderedReplyTemplateListSchema,
  ReplyTemplateCreateSchema,
  ReplyTemplateInputSchema,
  ReplyTemplateListSchema,
  ReplyTemplateSchema,
} from '../../../../../contracts/api.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { createReplyTemplate, editReplyTemplate, listReplyTemplates, removeReplyTemplate, renderReplyTemplatesForCase, type ReplyTemplateView } from '../../../commands/reply-templates.ts';
import { REPLY_TEMPLATE_VARIABLES } from '../../../domain/message/reply-template.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 422: ErrorBodySchema };
const IdParams = z.object({ id: z.string().uuid() });

const present = (t: ReplyTemplateView) => ({ id: t.id, unitCode: t.unitCode, unitName: t.unitName, locale: t.locale, title: t.title, body: t.body, isInherited: t.isInherited, updatedAt: t.updatedAt.toISOString() });

/** Reply templates: unit administrators manage their units' own; officers insert them filled from a case. */
export const replyTemplateRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get(
    '/reply-templates',
    { schema: { tags: ['staff'], summary: 'Reply templates of a unit, with those inherited from the units above', querystring: z.object({ unitCode: z.string().optional() }), response: { 200: ReplyTemplateListSchema, ...errors } } },
    async (request) => {
      const actor = staffOf(request);
      const items = await listReplyTemplates(ctx, actor, request.query.unitCode ?? actor.unitCode);
      return { variables: [...REPLY_TEMPLATE_VARIABLES], items: items.map(present) };
    },
  );

  app.post(
    '/reply-templates',
    { schema: { tags: ['staff'], summary: 'Add a reply template to a unit (the city’s are city-wide)', body: ReplyTemplateCreateSchema, response: { 201: ReplyTemplateSchema, ...errors } } },
    async (request, reply) => {
      const { unitCode, ...input } = request.body;
      return reply.status(201).send(present(await createReplyTemplate(ctx, staffOf(request), unitCode, input)));
    },
  );

  app.put(
    '/reply-templates/:id',
    { schema: { tags: ['staff'], summary: 'Edit a reply template', params: IdParams, body: ReplyTemplateInputSchema, response: { 200: ReplyTemplateSchema, ...errors } } },
    async (request) => present(await editReplyTemplate(ctx, staffOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/reply-templates/:id',
    { schema: { tags: ['staff'], summary: 'Delete a reply template', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeReplyTemplate(ctx, staffOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/cases/:id/reply-templates',
    { schema: { tags: ['staff'], summary: 'Reply templates for a case, filled from it (placeholders where it lacks a value)', params: IdParams, response: { 200: RenderedReplyTemplateListSchema, ...errors } } },
    async (request) => renderReplyTemplatesForCase(ctx, staffOf(request), request.params.id),
  );
};
