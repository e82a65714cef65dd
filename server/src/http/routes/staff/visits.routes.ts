import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaseVisitsSchema,
  CreatedIdSchema,
  ReportPeriodQuerySchema,
  VisitCancelSchema,
  VisitCompleteSchema,
  VisitDispatchSchema,
  VisitOfferSchema,
  VisitReportSchema,
} from '../../../../../contracts/api.ts';
import { VISIT_STATES } from '../../../../../contracts/enums.ts';
import { cancelFieldVisit } from '../../../commands/cancel-field-visit.ts';
import { completeFieldVisit } from '../../../commands/complete-field-visit.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { dispatchFieldVisit } from '../../../commands/dispatch-field-visit.ts';
import { getCaseVisits } from '../../../commands/get-case-visits.ts';
import { markVisitCollected } from '../../../commands/mark-visit-collected.ts';
import { markVisitDeparted } from '../../../commands/mark-visit-departed.ts';
import { offerFieldVisit } from '../../../commands/offer-field-visit.ts';
import { reportFieldVisits } from '../../../commands/report-field-visits.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';
import { staffErrors as errors } from './error-responses.ts';

const CaseParams = z.object({ id: z.string().uuid() });
const StepResult = z.object({ state: z.enum(VISIT_STATES) });
const step = (summary: string) => ({ schema: { tags: ['staff'], summary, params: CaseParams, response: { 200: StepResult, ...errors } } });

/** Field visits (the ward comes to the citizen's home): offer, dispatch, the steps of the visit, the report. */
export const visitRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get('/cases/:id/visits', { schema: { tags: ['staff'], summary: 'Field visits of a case, home-service procedures and officers', params: CaseParams, response: { 200: CaseVisitsSchema, ...errors } } }, async (request) =>
    getCaseVisits(ctx, staffOf(request), request.params.id),
  );

  app.post(
    '/cases/:id/visits',
    { schema: { tags: ['staff'], summary: 'Offer a home visit with time slots (sent to the citizen on their channel)', params: CaseParams, body: VisitOfferSchema, response: { 201: CreatedIdSchema, ...errors } } },
    async (request, reply) => {
      const { slots, ...rest } = request.body;
      const { visitId } = await offerFieldVisit(ctx, staffOf(request), request.params.id, { ...rest, slots: slots.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })) });
      return reply.status(201).send({ id: visitId });
    },
  );

  app.post(
    '/cases/:id/visits/dispatch',
    { schema: { tags: ['staff'], summary: 'Dispatch an officer to the confirmed visit', params: CaseParams, body: VisitDispatchSchema, response: { 200: StepResult, ...errors } } },
    async (request) => dispatchFieldVisit(ctx, staffOf(request), request.params.id, request.body.officerId),
  );
  app.post('/cases/:id/visits/depart', step('The officer is on the way (the citizen is told)'), async (request) => markVisitDeparted(ctx, staffOf(request), request.params.id));
  app.post('/cases/:id/visits/collect', step('The documents were collected at the home'), async (request) => markVisitCollected(ctx, staffOf(request), request.params.id));
  app.post(
    '/cases/:id/visits/complete',
    { schema: { tags: ['staff'], summary: 'Complete the visit: fee, receipt and how the result was returned', params: CaseParams, body: VisitCompleteSchema, response: { 200: StepResult, ...errors } } },
    async (request) => completeFieldVisit(ctx, staffOf(request), request.params.id, request.body),
  );
  app.post(
    '/cases/:id/visits/cancel',
    { schema: { tags: ['staff'], summary: 'Cancel the visit or record a no-show, with the reason', params: CaseParams, body: VisitCancelSchema, response: { 200: StepResult, ...errors } } },
    async (request) => cancelFieldVisit(ctx, staffOf(request), request.params.id, request.body.reason, request.body.outcome),
  );

  app.get('/reports/field-visits', { schema: { tags: ['staff'], summary: 'Field visits per unit of my subtree: count, median and p90 time from first message to completion', querystring: ReportPeriodQuerySchema, response: { 200: VisitReportSchema, ...errors } } }, async (request) =>
    reportFieldVisits(ctx, staffOf(request), request.query),
  );
};
