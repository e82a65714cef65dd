import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignSchema,
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CreatedIdSchema,
  NoteCreateSchema,
  ReplyCreateSchema,
  StaffCaseCreatedSchema,
  StaffCaseCreateSchema,
  StatusChangeSchema,
  TriageCorrectionSchema,
  MergeSchema,
  BulkCaseRequestSchema,
  BulkCaseResultSchema,
  MentionableStaffSchema,
  PhotoVisibilityResultSchema,
  PhotoVisibilitySchema,
} from '../../../../../contracts/api.ts';
import { addInternalNote } from '../../../commands/add-internal-note.ts';
import { assignCase } from '../../../commands/assign-case.ts';
import { bulkCaseAction } from '../../../commands/bulk-case-action.ts';
import { changeCaseStatus } from '../../../commands/change-case-status.ts';
import { correctTriage } from '../../../commands/correct-triage.ts';
import { dismissDuplicate, mergeCases } from '../../../commands/merge-cases.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { getCaseDetail } from '../../../commands/get-case-detail.ts';
import { listCasesForStaff } from '../../../commands/list-cases.ts';
import { listMentionableStaff } from '../../../commands/list-mentionable-staff.ts';
import { openCaseForStaff } from '../../../commands/open-case-for-staff.ts';
import { getCaseAttachment } from '../../../commands/get-case-attachment.ts';
import { replyToCitizen } from '../../../commands/reply-to-citizen.ts';
import { setPhotoPublic } from '../../../commands/set-photo-public.ts';
import type { Metrics } from '../../../lib/metrics.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';
import { staffErrors as errors } from './error-responses.ts';

const CaseParams = z.object({ id: z.string().uuid() });

/** The officer's case work: inbox, case page, replies, notes, status, assignment, counter/phone intake. */
export const caseRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext; metrics: Metrics }> = async (app, { ctx, metrics }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get('/cases', { schema: { tags: ['staff'], summary: 'Inbox: cases of my unit subtree', querystring: CaseListQuerySchema, response: { 200: CaseListSchema, ...errors } } }, async (request) =>
    listCasesForStaff(ctx, staffOf(request), request.query),
  );

  app.post(
    '/cases',
    { schema: { tags: ['staff'], summary: 'Record a request received by phone, at the counter, by letter or e-mail', body: StaffCaseCreateSchema, response: { 201: StaffCaseCreatedSchema, ...errors } } },
    async (request, reply) => {
      const opened = await openCaseForStaff(ctx, staffOf(request), request.body);
      metrics.casesOpened.inc({ channel: 'staff' });
      return reply.status(201).send({ id: opened.caseId, trackingCode: opened.trackingCode });
    },
  );

  app.post(
    '/cases/bulk',
    { schema: { tags: ['staff'], summary: 'Assign several cases or move them to a status, all or nothing', body: BulkCaseRequestSchema, response: { 200: BulkCaseResultSchema, ...errors } } },
    async (request) => bulkCaseAction(ctx, staffOf(request), request.body.caseIds, request.body.action),
  );

  app.get('/cases/:id', { schema: { tags: ['staff'], summary: 'A case with its timeline', params: CaseParams, response: { 200: CaseDetailSchema, ...errors } } }, async (request) =>
    getCaseDetail(ctx, staffOf(request), request.params.id),
  );

  app.post(
    '/cases/:id/replies',
    { schema: { tags: ['staff'], summary: 'Reply to the citizen on the case channel', params: CaseParams, body: ReplyCreateSchema, response: { 201: CreatedIdSchema, ...errors } } },
    async (request, reply) => {
      const { messageId } = await replyToCitizen(ctx, staffOf(request), request.params.id, request.body.body, request.body.mode);
      return reply.status(201).send({ id: messageId });
    },
  );

  app.post(
    '/cases/:id/notes',
    { schema: { tags: ['staff'], summary: 'Add an internal note', params: CaseParams, body: NoteCreateSchema, response: { 201: CreatedIdSchema, ...errors } } },
    async (request, reply) => {
      const { eventId } = await addInternalNote(ctx, staffOf(request), request.params.id, request.body.body, request.body.mentions);
      return reply.status(201).send({ id: String(eventId) });
    },
  );

  app.get(
    '/cases/:id/mentionable',
    { schema: { tags: ['staff'], summary: 'Colleagues who may be mentioned in a note (they may read the case)', params: CaseParams, response: { 200: MentionableStaffSchema, ...errors } } },
    async (request) => (await listMentionableStaff(ctx, staffOf(request), request.params.id)).map((s) => ({ id: s.id, name: s.name, role: s.role, unitName: s.unitName })),
  );

  app.post(
    '/cases/:id/status',
    { schema: { tags: ['staff'], summary: 'Change the status', params: CaseParams, body: StatusChangeSchema, response: { 200: z.object({ from: z.string(), to: z.string() }), ...errors } } },
    async (request) => changeCaseStatus(ctx, staffOf(request), request.params.id, request.body.status, request.body.reason),
  );

  app.post(
    '/cases/:id/triage',
    { schema: { tags: ['staff'], summary: 'Confirm or correct the first pass (kept as a training label), optionally moving the case', params: CaseParams, body: TriageCorrectionSchema, response: { 200: z.object({ moved: z.boolean() }), ...errors } } },
    async (request) => correctTriage(ctx, staffOf(request), request.params.id, request.body),
  );

  app.post(
    '/cases/:id/merge',
    { schema: { tags: ['staff'], summary: 'Merge this duplicate report into another case about the same matter', params: CaseParams, body: MergeSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await mergeCases(ctx, staffOf(request), request.params.id, request.body.intoCaseId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/cases/:id/duplicates/:otherId/dismiss',
    { schema: { tags: ['staff'], summary: 'Not a duplicate: dismiss the proposal', params: z.object({ id: z.string().uuid(), otherId: z.string().uuid() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await dismissDuplicate(ctx, staffOf(request), request.params.id, request.params.otherId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/cases/:id/assign',
    { schema: { tags: ['staff'], summary: 'Assign or unassign', params: CaseParams, body: AssignSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await assignCase(ctx, staffOf(request), request.params.id, request.body.assigneeId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/cases/:id/attachments/:attachmentId/public',
    {
      schema: {
        tags: ['staff'],
        summary: 'Approve (or withdraw) a photo for the public map, list and Open311 after checking it for faces and plates',
        params: z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }),
        body: PhotoVisibilitySchema,
        response: { 200: PhotoVisibilityResultSchema, ...errors },
      },
    },
    async (request) => setPhotoPublic(ctx, staffOf(request), request.params.id, request.params.attachmentId, request.body.isPublic),
  );

  app.get('/attachments/:id', { schema: { tags: ['staff'], summary: 'A photo attached to a case', params: CaseParams } }, async (request, reply) => {
    const a = await getCaseAttachment(ctx, staffOf(request), request.params.id);
    return reply.header('content-type', a.contentType).header('cache-control', 'private, max-age=3600').send(a.data);
  });
};
