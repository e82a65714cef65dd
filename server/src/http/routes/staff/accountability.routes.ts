import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaseTransfersSchema,
  CoordinatingUnitBodySchema,
  CreatedIdSchema,
  MisrouteQuerySchema,
  MisrouteReportSchema,
  OnTimeReportSchema,
  ReportPeriodQuerySchema,
  TransferRequestSchema,
  TransferReturnSchema,
} from '../../../../../contracts/api.ts';
import { acceptTransfer } from '../../../commands/accept-transfer.ts';
import { addCoordinatingUnit } from '../../../commands/add-coordinating-unit.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { exportAudit } from '../../../commands/export-audit.ts';
import { getCaseTransfers } from '../../../commands/get-case-transfers.ts';
import { removeCoordinatingUnit } from '../../../commands/remove-coordinating-unit.ts';
import { reportMisroutes } from '../../../commands/report-misroutes.ts';
import { reportOnTime } from '../../../commands/report-on-time.ts';
import { requestTransfer } from '../../../commands/request-transfer.ts';
import { returnTransfer } from '../../../commands/return-transfer.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';
import { staffErrors as errors } from './error-responses.ts';

const CaseParams = z.object({ id: z.string().uuid() });
const TransferParams = z.object({ id: z.string().uuid(), transferId: z.string().uuid() });
const UnitParams = z.object({ id: z.string().uuid(), unitCode: z.string().min(1).max(20) });
const Changed = z.object({ changed: z.boolean() });

/** Transfers between units (chủ trì / phối hợp), the audit export and the accountability reports. */
export const accountabilityRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get('/cases/:id/transfers', { schema: { tags: ['staff'], summary: 'Transfers and coordinating units of a case', params: CaseParams, response: { 200: CaseTransfersSchema, ...errors } } }, async (request) =>
    getCaseTransfers(ctx, staffOf(request), request.params.id),
  );

  app.post(
    '/cases/:id/transfers',
    { schema: { tags: ['staff'], summary: 'Ask another unit to take the case over', params: CaseParams, body: TransferRequestSchema, response: { 201: CreatedIdSchema, ...errors } } },
    async (request, reply) => {
      const { transferId } = await requestTransfer(ctx, staffOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: transferId });
    },
  );

  app.post(
    '/cases/:id/transfers/:transferId/accept',
    { schema: { tags: ['staff'], summary: 'Accept a transfer to my unit: the case moves here, unassigned and new', params: TransferParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await acceptTransfer(ctx, staffOf(request), request.params.id, request.params.transferId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/cases/:id/transfers/:transferId/return',
    { schema: { tags: ['staff'], summary: 'Return a transfer to the unit that asked, with a reason', params: TransferParams, body: TransferReturnSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await returnTransfer(ctx, staffOf(request), request.params.id, request.params.transferId, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/cases/:id/coordinating-units',
    { schema: { tags: ['staff'], summary: 'Add a coordinating unit (its staff read the case and add notes)', params: CaseParams, body: CoordinatingUnitBodySchema, response: { 200: Changed, ...errors } } },
    async (request) => ({ changed: (await addCoordinatingUnit(ctx, staffOf(request), request.params.id, request.body.unitCode)).added }),
  );

  app.post(
    '/cases/:id/coordinating-units/:unitCode/remove',
    { schema: { tags: ['staff'], summary: 'Remove a coordinating unit', params: UnitParams, response: { 200: Changed, ...errors } } },
    async (request) => ({ changed: (await removeCoordinatingUnit(ctx, staffOf(request), request.params.id, request.params.unitCode)).removed }),
  );

  app.get('/reports/on-time', { schema: { tags: ['staff'], summary: 'On-time rate per unit and category of my subtree', querystring: ReportPeriodQuerySchema, response: { 200: OnTimeReportSchema, ...errors } } }, async (request) =>
    reportOnTime(ctx, staffOf(request), request.query),
  );

  app.get('/reports/misroutes', { schema: { tags: ['staff'], summary: 'Misroutes per unit of my subtree', querystring: MisrouteQuerySchema, response: { 200: MisrouteReportSchema, ...errors } } }, async (request) =>
    reportMisroutes(ctx, staffOf(request), request.query),
  );

  app.get('/audit/export', { schema: { tags: ['staff'], summary: 'Audit log of cases in my scope as JSON Lines (hash chain included)', querystring: ReportPeriodQuerySchema } }, async (request, reply) => {
    const lines = exportAudit(ctx, staffOf(request), request.query);
    return reply.type('application/x-ndjson; charset=utf-8').header('content-disposition', 'attachment; filename="audit.jsonl"').send(Readable.from(lines));
  });
};
