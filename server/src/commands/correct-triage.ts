import type { CaseStatus, CaseType } from '../../../contracts/enums.ts';
import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { updateCaseClassification } from '../db/repositories/cases.repo.ts';
import { insertTriageLabel } from '../db/repositories/routing.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { setCaseDeadline } from './set-case-deadline.ts';

export type TriageCorrection = { type: CaseType; category: string | null; procedure: string | null; urgent: boolean; unitCode?: string | undefined };

/**
 * An officer confirms or corrects what the first pass understood. The correction is kept as a training label
 * (`gandan triage train` learns from it), the case leaves the triage queue, and with `unitCode` it moves to that
 * unit (which must be in the officer's scope; moving between units otherwise is a transfer).
 * Throws CASE_NOT_FOUND, FORBIDDEN or UNIT_NOT_FOUND.
 */
export async function correctTriage(ctx: CommandContext, actor: StaffRow, caseId: string, fix: TriageCorrection): Promise<{ moved: boolean }> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.triage', true);
    let unitId = c.unitId;
    if (fix.unitCode && fix.unitCode !== c.unitCode) {
      const unit = await findUnitByCode(tx, fix.unitCode);
      if (!unit || !isPathInScope(actor.unitPath, unit.path)) throw new AppError('UNIT_NOT_FOUND', { unitCode: fix.unitCode });
      unitId = unit.id;
    }
    const moved = unitId !== c.unitId;
    // A case moved to another unit starts there unassigned.
    const status: CaseStatus = moved && c.status === 'assigned' ? 'new' : c.status;
    await insertTriageLabel(tx, { caseId: c.id, text: c.description, type: fix.type, category: fix.category, procedure: fix.procedure, urgent: fix.urgent, predicted: c.triage ?? {}, staffId: actor.id, at });
    await updateCaseClassification(tx, c.id, { type: fix.type, category: fix.category, procedureCode: fix.procedure, isUrgent: fix.urgent, unitId, clearAssignee: moved, status, at });
    // Another type, category or procedure (or unit calendar) can mean another legal deadline.
    await setCaseDeadline(tx, c.id, { now: at });
    await appendCaseEvent(tx, {
      caseId: c.id,
      kind: 'case.triaged',
      actorType: 'staff',
      actorId: actor.id,
      visibility: 'internal',
      data: { type: fix.type, category: fix.category, procedure: fix.procedure, urgent: fix.urgent, previous: { type: c.type, category: c.category, procedure: c.procedureCode, urgent: c.isUrgent } },
      at,
    });
    if (moved) {
      await appendCaseEvent(tx, { caseId: c.id, kind: 'case.routed', actorType: 'staff', actorId: actor.id, visibility: 'public', data: { from: c.unitCode, to: fix.unitCode }, at, alsoNotifyUnitId: c.unitId });
    }
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'case.triaged', payload: { type: fix.type, category: fix.category, procedure: fix.procedure, urgent: fix.urgent, from: c.unitCode, to: moved ? fix.unitCode : c.unitCode } });
    return { moved };
  });
}
