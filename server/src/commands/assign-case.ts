import type { Queryable } from '../db/client.ts';
import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { updateCaseAssignee } from '../db/repositories/cases.repo.ts';
import { findStaffById, type StaffRow } from '../db/repositories/staff.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { statusAfterAssignment } from '../domain/case/transitions.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * Sets or clears the officer in charge. The assignee must be active staff whose scope covers the case's unit.
 * Throws CASE_NOT_FOUND, FORBIDDEN or STAFF_NOT_FOUND.
 */
export async function assignCase(ctx: CommandContext, actor: StaffRow, caseId: string, assigneeId: string | null): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction((tx) => assignCaseInTransaction(tx, actor, caseId, assigneeId, at));
}

/** The work of `assignCase` inside the caller's transaction (bulk actions). Returns whether anything changed. */
export async function assignCaseInTransaction(
  tx: Queryable,
  actor: StaffRow,
  caseId: string,
  assigneeId: string | null,
  at: Date,
): Promise<boolean> {
  const c = await getCaseForActor(tx, actor, caseId, 'case.assign', true);
  if (assigneeId) {
    const assignee = await findStaffById(tx, assigneeId);
    if (!assignee || !assignee.isActive || !isPathInScope(assignee.unitPath, c.unitPath)) throw new AppError('STAFF_NOT_FOUND');
  }
  if (c.assigneeId === assigneeId) return false;
  const status = statusAfterAssignment(c.status, assigneeId !== null);
  await updateCaseAssignee(tx, c.id, assigneeId, status, at);
  await appendCaseEvent(tx, {
    caseId: c.id,
    kind: 'case.assigned',
    actorType: 'staff',
    actorId: actor.id,
    visibility: 'internal',
    data: { from: c.assigneeId, to: assigneeId },
    at,
  });
  if (status !== c.status) {
    await appendCaseEvent(tx, {
      caseId: c.id,
      kind: 'status.changed',
      actorType: 'staff',
      actorId: actor.id,
      visibility: 'public',
      data: { from: c.status, to: status },
      at,
    });
  }
  await appendAudit(tx, {
    caseId: c.id,
    at,
    actor: { type: 'staff', id: actor.id },
    action: 'case.assigned',
    payload: { from: c.assigneeId, to: assigneeId, status: { from: c.status, to: status } },
  });
  return true;
}
