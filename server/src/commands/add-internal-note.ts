import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { findCaseAudiences } from '../db/repositories/case-audience.repo.ts';
import { touchCase } from '../db/repositories/cases.repo.ts';
import { insertMentionNotifications } from '../db/repositories/staff-notifications.repo.ts';
import { listStaffReaching, type StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * Adds a note only staff can see. `mentions` are colleagues the note is addressed to: each must be active staff
 * who may read the case (else MENTION_NOT_ALLOWED, nothing written); each except the author is notified.
 * Throws CASE_NOT_FOUND or FORBIDDEN.
 */
export async function addInternalNote(ctx: CommandContext, actor: StaffRow, caseId: string, body: string, mentions: readonly string[] = []): Promise<{ eventId: number }> {
  const at = ctx.clock.now();
  const wanted = [...new Set(mentions)];
  return ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.note', true);
    const mentioned = wanted.length === 0 ? [] : await listStaffReaching(tx, (await findCaseAudiences(tx, [c.id])).get(c.id) ?? [], { ids: wanted });
    const refused = wanted.filter((id) => !mentioned.some((s) => s.id === id));
    if (refused.length > 0) throw new AppError('MENTION_NOT_ALLOWED', { staffIds: refused });
    const named = mentioned.map((s) => ({ id: s.id, name: s.name }));
    const eventId = await appendCaseEvent(tx, {
      caseId: c.id,
      kind: 'note.added',
      actorType: 'staff',
      actorId: actor.id,
      visibility: 'internal',
      data: named.length > 0 ? { body, mentions: named } : { body },
      at,
    });
    await touchCase(tx, c.id, at);
    await insertMentionNotifications(tx, {
      staffIds: named.filter((s) => s.id !== actor.id).map((s) => s.id),
      caseId: c.id,
      data: { trackingCode: c.trackingCode, unitName: c.unitFullName, byName: actor.name, eventId },
      at,
    });
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'note.added', payload: { eventId, body, mentions: named.map((s) => s.id) } });
    return { eventId };
  });
}
