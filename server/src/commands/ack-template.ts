import type { Locale } from '../../../contracts/enums.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findAckTemplate, upsertAckTemplate } from '../db/repositories/templates.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { ACK_TEMPLATE_VARIABLES, findUnknownVariables } from '../domain/case/render-template.ts';
import { DEFAULT_ACK_TEMPLATES } from '../i18n/messages.ts';
import { AppError } from '../lib/app-error.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';

export type AckTemplateView = { unitCode: string | null; locale: Locale; body: string; isDefault: boolean; variables: string[] };

async function unitInScope(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, unitCode: string) {
  const unit = await findUnitByCode(ctx.db, unitCode);
  if (!unit || !isPathInScope(actor.unitPath, unit.path)) throw new AppError('UNIT_NOT_FOUND');
  return unit;
}

/** The acknowledgement template a unit uses now (its own, or the city default). */
export async function getAckTemplate(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, unitCode: string, locale: Locale): Promise<AckTemplateView> {
  requireAction(actor, 'case.read');
  const unit = await unitInScope(ctx, actor, unitCode);
  const found = await findAckTemplate(ctx.db, unit.id, locale);
  return { unitCode, locale, body: found?.body ?? DEFAULT_ACK_TEMPLATES[locale], isDefault: found?.isDefault ?? true, variables: [...ACK_TEMPLATE_VARIABLES] };
}

/**
 * Saves a unit's own acknowledgement template. It must contain {trackingCode} (CONTRACTS §4) and only known
 * variables. Throws FORBIDDEN, UNIT_NOT_FOUND or TEMPLATE_INVALID.
 */
export async function updateAckTemplate(ctx: CommandContext, actor: StaffRow, unitCode: string, locale: Locale, body: string): Promise<AckTemplateView> {
  requireAction(actor, 'template.edit');
  const unit = await unitInScope(ctx, actor, unitCode);
  const unknown = findUnknownVariables(body, ACK_TEMPLATE_VARIABLES);
  if (unknown.length > 0 || !body.includes('{trackingCode}')) throw new AppError('TEMPLATE_INVALID', { unknown });
  await upsertAckTemplate(ctx.db, { unitId: unit.id, locale, body, at: ctx.clock.now(), staffId: actor.id });
  return { unitCode, locale, body, isDefault: false, variables: [...ACK_TEMPLATE_VARIABLES] };
}
