import type { CaseDetail } from '../../../contracts/api.ts';
import { listCaseAttachments } from '../db/repositories/attachments.repo.ts';
import { listTimeline } from '../db/repositories/case-events.repo.ts';
import { findCaseById, findCitizenOfCase } from '../db/repositories/cases.repo.ts';
import { listDuplicateProposals } from '../db/repositories/duplicates.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { allowedTransitions } from '../domain/case/transitions.ts';
import { isAllowed, isPathInScope } from '../domain/access/permissions.ts';
import { getCaseAccess } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { toSummary } from './list-cases.ts';
import { findReplyOptions } from './reply-to-citizen.ts';

/**
 * A case with its whole timeline, as a staff member who may read it sees it, with the actions they may take.
 * Throws CASE_NOT_FOUND or FORBIDDEN.
 */
export async function getCaseDetail(ctx: Pick<CommandContext, 'db' | 'clock'>, actor: StaffRow, caseId: string): Promise<CaseDetail> {
  const { c, relation, actions } = await getCaseAccess(ctx.db, actor, caseId, 'case.read');
  const [timeline, citizen, attachments, reply, duplicates, mergedInto] = await Promise.all([
    listTimeline(ctx.db, c.id),
    findCitizenOfCase(ctx.db, c.id),
    listCaseAttachments(ctx.db, c.id),
    findReplyOptions(ctx.db, c, ctx.clock.now()),
    listDuplicateProposals(ctx.db, c.id),
    c.mergedIntoId ? findCaseById(ctx.db, c.mergedIntoId) : Promise.resolve(undefined),
  ]);
  return {
    case: {
      ...toSummary({ ...c, citizenName: citizen?.name ?? null }),
      description: c.description,
      intakeMethod: c.intakeMethod,
      category: c.category,
      procedureCode: c.procedureCode,
      location: c.location,
      citizen: citizen ?? null,
      attachments: attachments.map((a) => ({ id: a.id, contentType: a.contentType, url: `/api/staff/attachments/${a.id}`, isPublic: a.isPublic })),
    },
    timeline: timeline.map((e) => ({
      id: e.id,
      kind: e.kind,
      actorType: e.actorType,
      actorName: e.actorName,
      visibility: e.visibility,
      createdAt: e.createdAt.toISOString(),
      data: e.data,
      message: e.message
        ? {
            ...e.message,
            delivery: e.message.delivery
              ? {
                  status: e.message.delivery.status as 'queued' | 'sending' | 'sent' | 'held' | 'dead',
                  attempts: e.message.delivery.attempts,
                  lastErrorCode: e.message.delivery.lastErrorCode,
                  sentAt: e.message.delivery.sentAt?.toISOString() ?? null,
                }
              : null,
          }
        : null,
    })),
    allowedTransitions: actions.includes('case.status') ? [...allowedTransitions(c.status)] : [],
    allowedActions: actions,
    relation,
    // Coordinating and incoming units read the case but do not decide what of it is published.
    canPublishPhotos: isAllowed(actor.role, 'photo.publish') && relation === 'lead',
    triage: presentTriage(c.triage, c.routing),
    // A proposed twin that has since moved to a unit outside the actor's scope is not shown (nor its text).
    duplicates: duplicates.filter((d) => isPathInScope(actor.unitPath, d.otherUnitPath)).map((d) => ({ caseId: d.otherCaseId, trackingCode: d.otherTrackingCode, excerpt: d.otherExcerpt, score: d.score, reasons: d.reasons })),
    mergedInto: mergedInto ? { id: mergedInto.id, trackingCode: mergedInto.trackingCode } : null,
    reply: {
      preferred: reply.preferred,
      modes: reply.modes.map((m) => ({ ...m, closesAt: m.closesAt?.toISOString() ?? null })),
    },
  };
}

/** The stored first-pass result and routing decision, as the console shows them (null when not classified). */
function presentTriage(triage: Record<string, unknown> | null, routing: Record<string, unknown> | null): CaseDetail['triage'] {
  if (!triage || !routing) return null;
  const t = triage as { type: string; category: string | null; procedure: string | null; urgent: boolean; legalTrack: string | null; confidence: number; place: NonNullable<CaseDetail['triage']>['place'] };
  const r = routing as { receivedBy: string; decision: 'routed' | 'kept' | 'triage'; explanation: { vi: string; en: string }[] };
  return { type: t.type, category: t.category, procedure: t.procedure, urgent: t.urgent, legalTrack: t.legalTrack, confidence: t.confidence, place: t.place, receivedBy: r.receivedBy, decision: r.decision, explanation: r.explanation };
}
