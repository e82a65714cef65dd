import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, ProcedureDetailSchema, ProcedureListSchema, ProcedureSearchQuerySchema } from '../../../../../contracts/api.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { findProcedures } from '../../../commands/find-procedures.ts';
import { getProcedure } from '../../../commands/get-procedure.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 429: ErrorBodySchema };

/** Public procedure look-up (the portal's /thu-tuc page): no login, rate-limited per client. */
export const procedureRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext }> = async (app, { ctx }) => {
  app.get(
    '/procedures',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Search administrative procedures (diacritics and typos tolerated; everyday words understood)',
        querystring: ProcedureSearchQuerySchema,
        response: { 200: ProcedureListSchema, ...errors },
      },
    },
    async (request) => findProcedures(ctx.db, request.query.q),
  );

  app.get(
    '/procedures/:code',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'One procedure: documents, fees, processing time, legal basis, where to go, facts still to check',
        params: z.object({ code: z.string().max(20) }),
        response: { 200: ProcedureDetailSchema, ...errors },
      },
    },
    async (request) => getProcedure(ctx.db, request.params.code),
  );
};
