import type { CaseType, IntakeMethod, Locale } from '../../../contracts/enums.ts';
import type { Queryable } from '../db/client.ts';
import { claimUploads } from '../db/repositories/attachments.repo.ts';
import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { insertCase } from '../db/repositories/cases.repo.ts';
import { findOrCreateIdentity, insertCitizen, type CitizenContact } from '../db/repositories/citizens.repo.ts';
import { insertMessage } from '../db/repositories/messages.repo.ts';
import { findAckTemplate } from '../db/repositories/templates.repo.ts';
import { findUnitByCode, type UnitRow } from '../db/repositories/units.repo.ts';
import { renderTemplate } from '../domain/case/render-template.ts';
import { formatTrackingCode, TRACKING_ALPHABET } from '../domain/case/tracking-code.ts';
import { isInsideCityBounds } from '../domain/place/city-bounds.ts';
import { DEFAULT_ACK_TEMPLATES, formatLocalDateTime, unitDisplayName } from '../i18n/messages.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';
import { queueOutgoingMessage } from './queue-outgoing-message.ts';

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
  providerMessageId?: string | undefined;
  contact?: CitizenContact | undefined;
  location?: { lat: number; lng: number } | undefined;
  uploadTokens?: readonly string[] | undefined;
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
  const result = await ctx.db.transaction(async (tx) => {
    const unit = await findUnitByCode(tx, input.unitCode ?? CITY_UNIT_CODE);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
    const who = await resolveCitizen(tx, input, at);
    const { caseId, trackingCode } = await insertWithFreshCode(ctx, tx, {
      type: input.type ?? 'phan_anh',
      unitId: unit.id,
      citizenId: who.citizenId,
      identityId: who.identityId,
      channel: input.channel,
      intakeMethod: input.intakeMethod,
      description: input.text,
      location: input.location ?? null,
      createdByStaffId: input.createdByStaffId ?? null,
      at,
    });
    const messageId = await insertMessage(tx, {
      caseId,
      direction: 'in',
      channel: input.channel,
      identityId: who.identityId,
      authorStaffId: null,
      kind: 'citizen',
      body: input.text,
      providerMessageId: input.providerMessageId ?? null,
      at,
    });
    if (!messageId) throw new Error('the first message of a new case was already stored');
    const tokens = input.uploadTokens ?? [];
    if ((await claimUploads(tx, tokens, caseId, messageId)) !== tokens.length) throw new AppError('UPLOAD_NOT_FOUND');
    const actor = input.createdByStaffId
      ? ({ actorType: 'staff', actorId: input.createdByStaffId } as const)
      : ({ actorType: 'citizen', actorId: who.citizenId } as const);
    await appendCaseEvent(tx, { caseId, kind: 'case.opened', ...actor, visibility: 'public', data: { intakeMethod: input.intakeMethod, unitCode: unit.code }, at });
    await appendCaseEvent(tx, { caseId, kind: 'message.received', ...actor, messageId, visibility: 'public', at });
    const acknowledgementId = await queueOutgoingMessage(tx, {
      caseId,
      channel: input.channel,
      channelAccount: input.identity?.channelAccount ?? '',
      recipientId: input.identity?.externalId ?? null,
      identityId: who.identityId,
      kind: 'acknowledgement',
      body: await renderAcknowledgement(ctx, tx, unit, trackingCode, at, input.locale),
      authorStaffId: null,
      at,
    });
    return { kind: 'opened' as const, caseId, trackingCode, acknowledgementId };
  });
  ctx.notifyOutbox();
  return result;
}

async function resolveCitizen(tx: Queryable, input: OpenCaseInput, at: Date): Promise<{ citizenId: string | null; identityId: string | null }> {
  if (input.identity) {
    const found = await findOrCreateIdentity(
      tx,
      { channel: input.channel, channelAccount: input.identity.channelAccount, externalId: input.identity.externalId },
      input.identity.displayName,
      at,
    );
    return { citizenId: found.citizenId, identityId: found.identityId };
  }
  const c = input.contact;
  if (c && (c.name || c.phone || c.email)) return { citizenId: await insertCitizen(tx, c, at), identityId: null };
  return { citizenId: null, identityId: null };
}

async function insertWithFreshCode(
  ctx: CommandContext,
  tx: Queryable,
  c: Omit<Parameters<typeof insertCase>[1], 'trackingCode'>,
): Promise<{ caseId: string; trackingCode: string }> {
  // 2^40 codes: a collision is rare but possible; draw again rather than fail.
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingCode = formatTrackingCode(ctx.random.symbols(8, TRACKING_ALPHABET.length));
    const caseId = await insertCase(tx, { ...c, trackingCode });
    if (caseId) return { caseId, trackingCode };
  }
  throw new Error('could not draw an unused tracking code in 5 attempts');
}

async function renderAcknowledgement(ctx: CommandContext, tx: Queryable, unit: UnitRow, trackingCode: string, at: Date, locale: Locale): Promise<string> {
  const template = (await findAckTemplate(tx, unit.id, locale))?.body ?? DEFAULT_ACK_TEMPLATES[locale];
  return renderTemplate(template, {
    unitName: unitDisplayName(unit, locale),
    trackingCode,
    receivedAt: formatLocalDateTime(at, locale),
    trackUrl: `${ctx.publicUrl}/track/${trackingCode}`,
  });
}
