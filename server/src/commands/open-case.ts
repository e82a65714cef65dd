import type { CaseType, IntakeMethod, Locale } from '../../../contracts/enums.ts';
import type { Queryable } from '../db/client.ts';
import { claimUploads } from '../db/repositories/attachments.repo.ts';
import { findOrCreateIdentity, type CitizenContact } from '../db/repositories/citizens.repo.ts';
import { findIntakeUnit, insertCaseWithAcknowledgement } from '../db/repositories/intake.repo.ts';
import { renderTemplate } from '../domain/case/render-template.ts';
import { formatTrackingCode, TRACKING_ALPHABET } from '../domain/case/tracking-code.ts';
import type { InboundAttachment } from '../domain/message/message.ts';
import { isInsideCityBounds } from '../domain/place/city-bounds.ts';
import { DEFAULT_ACK_TEMPLATES, formatLocalDateTime, unitDisplayName } from '../i18n/messages.ts';
import { AppError } from '../lib/app-error.ts';
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
  providerMessageId?: string | undefined;
  contact?: CitizenContact | undefined;
  location?: { lat: number; lng: number } | undefined;
  uploadTokens?: readonly string[] | undefined;
  /** Where a channel message was written: privately, or as a public comment (acknowledged under it). */
  surface?: 'direct' | 'comment' | undefined;
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
  const result = await ctx.db.transaction((tx) => openCaseInTransaction(ctx, tx, input, at));
  ctx.notifyOutbox();
  return result;
}

/**
 * The work of `openCase` inside the caller's transaction (channel messages take a per-sender lock first).
 * The caller wakes the outbox after commit.
 */
export async function openCaseInTransaction(ctx: CommandContext, tx: Queryable, input: OpenCaseInput, at: Date): Promise<OpenCaseResult> {
  const found = await findIntakeUnit(tx, input.unitCode ?? CITY_UNIT_CODE, input.locale);
  if (!found) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
  const { unit, template } = found;
  const identity = input.identity
    ? await findOrCreateIdentity(
        tx,
        { channel: input.channel, channelAccount: input.identity.channelAccount, externalId: input.identity.externalId },
        input.identity.displayName,
        at,
      )
    : undefined;
  const c = input.contact;
  const hasContact = Boolean(c && (c.name || c.phone || c.email));
  // 2^40 codes: a collision is rare but possible; the statement then writes nothing and a new code is drawn.
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingCode = formatTrackingCode(ctx.random.symbols(8, TRACKING_ALPHABET.length));
    const written = await insertCaseWithAcknowledgement(tx, {
      trackingCode,
      type: input.type ?? 'phan_anh',
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
      acknowledgement: renderTemplate(template ?? DEFAULT_ACK_TEMPLATES[input.locale], {
        unitName: unitDisplayName(unit, input.locale),
        trackingCode,
        receivedAt: formatLocalDateTime(at, input.locale),
        trackUrl: `${ctx.publicUrl}/track/${trackingCode}`,
      }),
      at,
    });
    if (!written) continue;
    const tokens = input.uploadTokens ?? [];
    if ((await claimUploads(tx, tokens, written.caseId, written.messageId)) !== tokens.length) throw new AppError('UPLOAD_NOT_FOUND');
    return { kind: 'opened', caseId: written.caseId, trackingCode, acknowledgementId: written.acknowledgementId };
  }
  throw new Error('could not draw an unused tracking code in 5 attempts');
}
