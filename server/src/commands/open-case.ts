import type { CaseType, IntakeMethod, Locale } from '../../../contracts/enums.ts';
import type { Queryable } from '../db/client.ts';
import { claimUploads } from '../db/repositories/attachments.repo.ts';
import { findOrCreateIdentity, type CitizenContact } from '../db/repositories/citizens.repo.ts';
import { findIntakeUnit, insertCaseWithAcknowledgement, type NewCaseWithAcknowledgement } from '../db/repositories/intake.repo.ts';
import { listRoutingRules } from '../db/repositories/routing.repo.ts';
import { findDuplicateProposals } from './propose-duplicates.ts';
import { queueOutgoingMessage } from './queue-outgoing-message.ts';
import { findProcedure } from '../db/repositories/procedures.repo.ts';
import { formatProcedureAnswer } from '../domain/procedure/format-answer.ts';
import { procedureCodesForTopic } from '../triage/procedure-topics.ts';
import { newCaseDeadline } from './set-case-deadline.ts';
import { routeCase } from '../domain/routing/route-case.ts';
import { routingInputOf } from '../domain/routing/check-rule.ts';
import type { TriageResult } from '../domain/triage/classify.ts';
import { renderTemplate } from '../domain/case/render-template.ts';
import { formatTrackingCode, TRACKING_ALPHABET } from '../domain/case/tracking-code.ts';
import type { InboundAttachment } from '../domain/message/message.ts';
import { isInsideCityBounds } from '../domain/place/city-bounds.ts';
import { DEFAULT_ACK_TEMPLATES, formatLocalDateTime, unitDisplayName } from '../i18n/messages.ts';
import { AppError } from '../lib/app-error.ts';
import { auditActorName, type AuditActor } from './append-audit.ts';
import type { CommandContext } from './context.ts';

export const CITY_UNIT_CODE = '79';

export type OpenCaseInput = {
  text: string;
  type?: CaseType;
  /** The unit the citizen chose; the city receives the case when absent (triage routes it on). */
  unitCode?: string | undefined;
  channel: string;
  intakeMethod: IntakeMethod;
  /** Who wrote, on channels that know them (Page-scoped id, Zalo user id). */
  identity?: { channelAccount: string; externalId: string; displayName: string | null } | undefined;
  /** The identity's rows when the caller already found or created them in this transaction. */
  resolvedIdentity?: { identityId: string; citizenId: string } | undefined;
  providerMessageId?: string | undefined;
  contact?: CitizenContact | undefined;
  location?: { lat: number; lng: number } | undefined;
  uploadTokens?: readonly string[] | undefined;
  /** Where a channel message was written: privately, or as a public comment (acknowledged under it). */
  surface?: 'direct' | 'comment' | undefined;
  /** The first pass's reading of the text (computed by `openCase` when the context has a classifier). */
  triage?: TriageResult | undefined;
  /** Photos and files a channel message carried (provider URLs). */
  attachments?: readonly InboundAttachment[] | undefined;
  locale: Locale;
  createdByStaffId?: string | null;
};

export type OpenCaseResult = { kind: 'opened'; caseId: string; trackingCode: string; acknowledgementId: string };

/**
 * Opens a case from a citizen's first message and queues its acknowledgement with the tracking code, all in
 * one transaction. Throws AppError UNIT_NOT_FOUND, LOCATION_OUT_OF_RANGE or UPLOAD_NOT_FOUND (nothing stored).
 */
export async function openCase(ctx: CommandContext, input: OpenCaseInput): Promise<OpenCaseResult> {
  if (input.location && !isInsideCityBounds(input.location)) throw new AppError('LOCATION_OUT_OF_RANGE');
  const at = ctx.clock.now();
  // Classification is pure CPU (well under a millisecond): done before the transaction, never inside it.
  input = { ...input, triage: input.triage ?? ctx.triage?.classify(input.text, input.location) };
  const result = await ctx.db.transaction((tx) => openCaseInTransaction(ctx, tx, input, at));
  ctx.notifyOutbox();
  return result;
}

/**
 * The work of `openCase` inside the caller's transaction (channel messages take a per-sender lock first).
 * The caller wakes the outbox after commit.
 */
export async function openCaseInTransaction(ctx: CommandContext, tx: Queryable, input: OpenCaseInput, at: Date): Promise<OpenCaseResult> {
  const received = await findIntakeUnit(tx, input.unitCode ?? CITY_UNIT_CODE, input.locale);
  if (!received) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
  const { unit, template, classification, routedFrom } = await chooseUnit(tx, received, input);
  const identity =
    input.resolvedIdentity ??
    (input.identity
      ? await findOrCreateIdentity(
        tx,
        { channel: input.channel, channelAccount: input.identity.channelAccount, externalId: input.identity.externalId },
        input.identity.displayName,
        at,
      )
      : undefined);
  const c = input.contact;
  const hasContact = Boolean(c && (c.name || c.phone || c.email));
  const caseType = input.type ?? (input.triage ? (input.triage.legalTrack ?? input.triage.type) : 'phan_anh');
  const tokens = input.uploadTokens ?? [];
  // Everything the insert needs is known before it (the deadline from the unit's cached calendar, the duplicate
  // proposals: the new case is not there yet to be compared with itself), so the case is one statement.
  const deadline = await newCaseDeadline(tx, { unitId: unit.id, type: caseType, category: classification?.category ?? null, procedureCode: classification?.procedureCode ?? null, receivedAt: at });
  const duplicateProposals =
    caseType === 'phan_anh' && !input.createdByStaffId
      ? await findDuplicateProposals(tx, { unitId: unit.id, text: input.text, category: classification?.category ?? null, street: input.triage?.street ?? null, location: input.location ?? null, at })
      : [];
  const actor: AuditActor = input.createdByStaffId ? { type: 'staff', id: input.createdByStaffId } : { type: 'citizen', id: identity?.citizenId ?? null };
  // 2^40 codes: a collision is rare but possible; the statement then writes nothing and a new code is drawn.
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingCode = formatTrackingCode(ctx.random.symbols(8, TRACKING_ALPHABET.length));
    const written = await insertCaseWithAcknowledgement(tx, {
      trackingCode,
      type: caseType,
      unitId: unit.id,
      unitCode: unit.code,
      citizenId: identity?.citizenId ?? null,
      newCitizen: !identity && hasContact ? { name: c?.name ?? null, phone: c?.phone ?? null, email: c?.email ?? null } : null,
      identityId: identity?.identityId ?? null,
      channel: input.channel,
      channelAccount: input.identity?.channelAccount ?? '',
      recipientId: input.identity?.externalId ?? null,
      intakeMethod: input.intakeMethod,
      text: input.text,
      surface: input.surface ?? 'direct',
      attachments: input.attachments ?? [],
      location: input.location ?? null,
      providerMessageId: input.providerMessageId ?? null,
      createdByStaffId: input.createdByStaffId ?? null,
      classification,
      routedFromUnitCode: routedFrom,
      acknowledgement: renderTemplate(template ?? DEFAULT_ACK_TEMPLATES[input.locale], {
        unitName: unitDisplayName(unit, input.locale),
        trackingCode,
        receivedAt: formatLocalDateTime(at, input.locale),
        trackUrl: `${ctx.publicUrl}/track/${trackingCode}`,
      }),
      deadline,
      duplicateProposals,
      audit: {
        actor: auditActorName(actor),
        payload: { trackingCode, unit: unit.code, channel: input.channel, intakeMethod: input.intakeMethod, text: input.text, routedFrom },
      },
      at,
    });
    if (!written) continue;
    if ((await claimUploads(tx, tokens, written.caseId, written.messageId)) !== tokens.length) throw new AppError('UPLOAD_NOT_FOUND');
    await answerKnownProcedure(ctx, tx, input, { caseId: written.caseId, type: caseType, identityId: identity?.identityId ?? null, at });
    return { kind: 'opened', caseId: written.caseId, trackingCode, acknowledgementId: written.acknowledgementId };
  }
  throw new Error('could not draw an unused tracking code in 5 attempts');
}

type IntakeUnit = NonNullable<Awaited<ReturnType<typeof findIntakeUnit>>>;

/**
 * Which unit handles a new case. A case the city itself received (the portal without a chosen ward, a city-level
 * Page or OA) is routed by the routing rules from what the first pass understood; an unsure first pass leaves it
 * with the city in the human triage queue. A case received by a ward or department, or recorded by staff, stays
 * where it was received (that unit can transfer it).
 */
async function chooseUnit(
  tx: Queryable,
  received: IntakeUnit,
  input: OpenCaseInput,
): Promise<IntakeUnit & { classification: NewCaseWithAcknowledgement['classification']; routedFrom: string | null }> {
  const t = input.triage;
  if (!t) return { ...received, classification: null, routedFrom: null };
  const triage = {
    type: t.type,
    category: t.category,
    procedure: t.procedure,
    urgent: t.urgent,
    legalTrack: t.legalTrack,
    confidence: t.confidence,
    confidences: t.confidences,
    place: { ward: t.ward, district: t.district, street: t.street, unitCode: t.unitCode, candidates: t.unitCandidates },
    hasPii: t.hasPii,
  };
  const why = t.explanation.map((vi, i) => ({ vi, en: t.explanationEn[i] ?? vi }));
  const base = { category: t.category, procedureCode: t.procedure, isUrgent: t.urgent, triage };
  if (received.unit.kind !== 'city' || input.createdByStaffId) {
    return { ...received, routedFrom: null, classification: { ...base, needsTriage: false, routing: { receivedBy: received.unit.code, decision: 'kept', explanation: why } } };
  }
  // Read in the intake transaction: an administrator's edit applies to the next case, in every process.
  const decision = routeCase(await listRoutingRules(tx), routingInputOf(t));
  const target = decision.kind === 'routed' && decision.unitCode !== received.unit.code ? await findIntakeUnit(tx, decision.unitCode, input.locale) : undefined;
  const routing = { receivedBy: received.unit.code, decision: target ? 'routed' : decision.kind === 'routed' ? 'kept' : 'triage', ruleId: decision.kind === 'routed' ? decision.ruleId : null, explanation: [...why, ...decision.explanation] };
  if (target) return { ...target, routedFrom: received.unit.code, classification: { ...base, needsTriage: false, routing } };
  return { ...received, routedFrom: null, classification: { ...base, needsTriage: decision.kind === 'triage', routing } };
}

const PROCEDURE_ANSWER_CONFIDENCE = 0.6;

/**
 * A question about a procedure the catalogue knows gets an automatic answer with the essentials and a link,
 * right after the acknowledgement and on the same channel (publicly under a comment). The case stays open and
 * the timeline shows the answer came from the system, so an officer can follow up.
 */
async function answerKnownProcedure(
  ctx: CommandContext,
  tx: Queryable,
  input: OpenCaseInput,
  c: { caseId: string; type: string; identityId: string | null; at: Date },
): Promise<void> {
  const t = input.triage;
  if (!t || input.createdByStaffId || c.type !== 'hoi_dap' || !t.procedure || t.confidences.procedure < PROCEDURE_ANSWER_CONFIDENCE) return;
  const codes = procedureCodesForTopic(t.procedure).slice(0, 2);
  const found = (await Promise.all(codes.map((code) => findProcedure(tx, code)))).filter((p) => p !== undefined);
  if (found.length === 0) return;
  const isComment = input.surface === 'comment';
  await queueOutgoingMessage(tx, {
    caseId: c.caseId,
    channel: input.channel,
    channelAccount: input.identity?.channelAccount ?? '',
    recipientId: input.identity?.externalId ?? null,
    identityId: c.identityId,
    kind: 'notification',
    body: formatProcedureAnswer(found, ctx.publicUrl),
    authorStaffId: null,
    mode: isComment ? 'public_comment' : 'message',
    replyTo: isComment ? (input.providerMessageId ?? null) : null,
    eventData: { automatic: 'procedure_answer', procedures: found.map((p) => p.code) },
    at: c.at,
  });
}
