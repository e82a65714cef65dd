import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RoutingOrderSchema,
  RoutingRuleInputSchema,
  RoutingRuleListSchema,
  RoutingRuleSavedSchema,
  RoutingTestResultSchema,
  RoutingTestSchema,
  RoutingVersionSchema,
} from '../../../../../contracts/api.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { listRoutingRulesForStaff } from '../../../commands/list-routing-rules.ts';
import { reorderRoutingRules } from '../../../commands/reorder-routing-rules.ts';
import { saveRoutingRule } from '../../../commands/save-routing-rule.ts';
import { testRouting } from '../../../commands/test-routing.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';
import { staffErrors as errors } from './error-responses.ts';

/** Routing rules as data: read (all staff), edit and reorder (city administrators), and try a message against them. */
export const routingRuleRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get(
    '/routing-rules',
    {
      schema: {
        tags: ['staff'],
        summary: 'Routing rules in priority order, with their version',
        response: { 200: RoutingRuleListSchema, ...errors },
      },
    },
    async (request) => listRoutingRulesForStaff(ctx, staffOf(request)),
  );

  app.post(
    '/routing-rules',
    {
      schema: {
        tags: ['staff'],
        summary: 'Add a routing rule (city administrators)',
        body: RoutingRuleInputSchema,
        response: { 201: RoutingRuleSavedSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await saveRoutingRule(ctx, staffOf(request), undefined, request.body)),
  );

  app.put(
    '/routing-rules/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Change, enable or disable a routing rule (city administrators)',
        params: z.object({ id: z.string().uuid() }),
        body: RoutingRuleInputSchema,
        response: { 200: RoutingRuleSavedSchema, ...errors },
      },
    },
    async (request) => saveRoutingRule(ctx, staffOf(request), request.params.id, request.body),
  );

  app.put(
    '/routing-rules/order',
    {
      schema: {
        tags: ['staff'],
        summary: 'Put every routing rule in a new order (city administrators)',
        body: RoutingOrderSchema,
        response: { 200: RoutingVersionSchema, ...errors },
      },
    },
    async (request) => reorderRoutingRules(ctx, staffOf(request), request.body),
  );

  app.post(
    '/routing-rules/test',
    {
      schema: {
        tags: ['staff'],
        summary: 'Where a message arriving at the city would go, and why (nothing is stored)',
        body: RoutingTestSchema,
        response: { 200: RoutingTestResultSchema, ...errors },
      },
    },
    async (request) => testRouting(ctx, staffOf(request), request.body),
  );
};
