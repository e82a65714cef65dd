import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { touchCase } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/** Adds a note only staff can see. Throws CASE_NOT_FOUND or FORBIDDEN. */
export async function addInternalNote(ctx: CommandContext, actor: StaffRow, caseId: string, body: string): Promise<{ eventId: number }> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.note', true);
    const eventId = await appendCaseEvent(tx, { caseId: c.id, kind: 'note.added', actorType: 'staff', actorId: actor.id, visibility: 'internal', data: { body }, at });
    await touchCase(tx, c.id, at);
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'note.added', payload: { eventId, body } });
    return { eventId };
  });
}
