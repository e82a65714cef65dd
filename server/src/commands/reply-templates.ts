import type { Locale } from '../../../contracts/enums.ts';
import { findCitizenOfCase } from '../db/repositories/cases.repo.ts';
import { findProcedure } from '../db/repositories/procedures.repo.ts';
import {
  deleteReplyTemplate,
  findReplyTemplate,
  insertReplyTemplate,
  listReplyTemplatesForUnitPath,
  updateReplyTemplate,
  type ReplyTemplateRow,
} from '../db/repositories/reply-templates.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { findUnknownReplyVariables, renderReplyTemplate, REPLY_TEMPLATE_VARIABLES, type ReplyTemplateValues } from '../domain/message/reply-template.ts';
import { formatLocalDateTime, unitDisplayName } from '../i18n/messages.ts';
import { formOfAddress, MISSING_VALUE } from '../i18n/reply-template-messages.ts';
import { AppError } from '../lib/app-error.ts';
import { getCaseForActor, requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';

export type ReplyTemplateInput = { locale: Locale; title: string; body: string };
export type ReplyTemplateView = ReplyTemplateRow & { isInherited: boolean };

async function unitInScope(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, unitCode: string) {
  const unit = await findUnitByCode(ctx.db, unitCode);
  if (!unit || !isPathInScope(actor.unitPath, unit.path)) throw new AppError('UNIT_NOT_FOUND');
  return unit;
}

function checkVariables(body: string): void {
  const unknown = findUnknownReplyVariables(body);
  if (unknown.length > 0) throw new AppError('TEMPLATE_VARIABLE_UNKNOWN', { unknown, allowed: [...REPLY_TEMPLATE_VARIABLES] });
}

/** A template the actor may change: one of a unit in their scope (an inherited one belongs to a unit above). */
async function getEditableTemplate(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, id: string): Promise<ReplyTemplateRow> {
  requireAction(actor, 'template.edit');
  const found = await findReplyTemplate(ctx.db, id);
  if (!found || !isPathInScope(actor.unitPath, found.unitPath)) throw new AppError('TEMPLATE_NOT_FOUND');
  return found;
}

/** The templates a unit's staff can use: its own, then those inherited from the units above (city-wide last). */
export async function listReplyTemplates(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, unitCode: string): Promise<ReplyTemplateView[]> {
  requireAction(actor, 'case.read');
  const unit = await unitInScope(ctx, actor, unitCode);
  return (await listReplyTemplatesForUnitPath(ctx.db, unit.path)).map((t) => ({ ...t, isInherited: t.unitId !== unit.id }));
}

/** Adds a template to a unit in scope. Throws FORBIDDEN, UNIT_NOT_FOUND or TEMPLATE_VARIABLE_UNKNOWN. */
export async function createReplyTemplate(ctx: Pick<CommandContext, 'db' | 'clock'>, actor: StaffRow, unitCode: string, input: ReplyTemplateInput): Promise<ReplyTemplateView> {
  requireAction(actor, 'template.edit');
  const unit = await unitInScope(ctx, actor, unitCode);
  checkVariables(input.body);
  const id = await insertReplyTemplate(ctx.db, { unitId: unit.id, ...input, staffId: actor.id, at: ctx.clock.now() });
  return { ...(await findReplyTemplate(ctx.db, id))!, isInherited: false };
}

/** Changes a template of a unit in scope. Throws FORBIDDEN, TEMPLATE_NOT_FOUND or TEMPLATE_VARIABLE_UNKNOWN. */
export async function editReplyTemplate(ctx: Pick<CommandContext, 'db' | 'clock'>, actor: StaffRow, id: string, input: ReplyTemplateInput): Promise<ReplyTemplateView> {
  await getEditableTemplate(ctx, actor, id);
  checkVariables(input.body);
  await updateReplyTemplate(ctx.db, { id, ...input, staffId: actor.id, at: ctx.clock.now() });
  return { ...(await findReplyTemplate(ctx.db, id))!, isInherited: false };
}

/** Deletes a template of a unit in scope. Throws FORBIDDEN or TEMPLATE_NOT_FOUND. */
export async function removeReplyTemplate(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, id: string): Promise<void> {
  await getEditableTemplate(ctx, actor, id);
  await deleteReplyTemplate(ctx.db, id);
}

export type RenderedReplyTemplate = { id: string; title: string; locale: Locale; unitName: string; isInherited: boolean; text: string; missing: string[] };

/**
 * The templates offered on a case's reply box, each filled from the case in its own language (tracking code,
 * unit, due date, procedure and its documents, how to address the citizen, the officer's name). Values the case
 * lacks become visible placeholders listed in `missing`. Throws CASE_NOT_FOUND or FORBIDDEN.
 */
export async function renderReplyTemplatesForCase(ctx: Pick<CommandContext, 'db' | 'publicUrl'>, actor: StaffRow, caseId: string): Promise<RenderedReplyTemplate[]> {
  const c = await getCaseForActor(ctx.db, actor, caseId, 'case.reply');
  const [templates, citizen, procedure] = await Promise.all([
    listReplyTemplatesForUnitPath(ctx.db, c.unitPath),
    findCitizenOfCase(ctx.db, c.id),
    c.procedureCode ? findProcedure(ctx.db, c.procedureCode) : Promise.resolve(undefined),
  ]);
  const name = citizen?.name?.trim() || null;
  const valuesFor = (locale: Locale): ReplyTemplateValues => ({
    citizenName: name,
    formOfAddress: formOfAddress(locale, name),
    trackingCode: c.trackingCode,
    trackUrl: `${ctx.publicUrl}/track/${c.trackingCode}`,
    unitName: unitDisplayName({ kind: c.unitKind, fullName: c.unitFullName }, locale),
    dueDate: c.dueAt ? formatLocalDateTime(c.dueAt, locale) : null,
    procedureName: procedure?.name ?? null,
    procedureDocuments: procedure && procedure.documents.length > 0 ? procedure.documents.map((d) => `- ${d}`).join('\n') : null,
    staffName: actor.name,
  });
  return templates.map((t) => {
    const rendered = renderReplyTemplate(t.body, valuesFor(t.locale), (v) => MISSING_VALUE[t.locale][v]);
    return { id: t.id, title: t.title, locale: t.locale, unitName: t.unitName, isInherited: t.unitId !== c.unitId, text: rendered.text, missing: rendered.missing };
  });
}
