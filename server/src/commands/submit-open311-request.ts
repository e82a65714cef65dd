import type { Locale } from '../../../contracts/enums.ts';
import { useApiKey } from '../db/repositories/api-keys.repo.ts';
import { recordOpen311Request } from '../db/repositories/open311.repo.ts';
import type { ServiceRequestInput } from '../domain/open311/request-input.ts';
import { hashToken } from '../lib/token-hash.ts';
import type { CommandContext } from './context.ts';
import { openCaseInTransaction } from './open-case.ts';

export type SubmitOpen311Result =
  | { kind: 'opened'; caseId: string; trackingCode: string }
  /** The API key is missing, unknown or revoked: nothing stored. */
  | { kind: 'forbidden' };

/**
 * Opens a case from a checked GeoReport v2 service request (channel 'open311'): one transaction holds the
 * case, its acknowledgement, the category (= service_code) and what the client sent beyond the case.
 * The case goes to the API key's unit, or the city. `caseText` is the description with attribute answers.
 */
export async function submitOpen311Request(ctx: CommandContext, input: ServiceRequestInput, caseText: string, locale: Locale): Promise<SubmitOpen311Result> {
  const at = ctx.clock.now();
  const key = input.apiKey ? await useApiKey(ctx.db, hashToken(input.apiKey), at) : undefined;
  if (!key) return { kind: 'forbidden' };
  const opened = await ctx.db.transaction(async (tx) => {
    const c = input.contact;
    const result = await openCaseInTransaction(
      ctx,
      tx,
      {
        text: caseText,
        type: 'phan_anh',
        unitCode: key.unitCode ?? undefined,
        channel: 'open311',
        intakeMethod: 'channel',
        contact: c.name || c.phone || c.email ? { name: c.name ?? undefined, phone: c.phone ?? undefined, email: c.email ?? undefined } : undefined,
        location: input.location ?? undefined,
        locale,
      },
      at,
    );
    await recordOpen311Request(tx, {
      caseId: result.caseId,
      apiKeyId: key.id,
      serviceCode: input.serviceCode,
      addressString: input.addressString,
      addressId: input.addressId,
      mediaUrl: input.mediaUrl,
      deviceId: input.deviceId,
      attributes: input.attributes,
      at,
    });
    return result;
  });
  ctx.notifyOutbox();
  return { kind: 'opened', caseId: opened.caseId, trackingCode: opened.trackingCode };
}
