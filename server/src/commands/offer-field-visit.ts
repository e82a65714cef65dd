import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { findActiveVisit, findFirstMessageAt, insertVisit, listHomeServiceProcedures, listOfficerBookings } from '../db/repositories/field-visits.repo.ts';
import { markCaseAnswered } from '../db/repositories/cases.repo.ts';
import { findStaffById, type StaffRow } from '../db/repositories/staff.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { checkSlots, type VisitSlot } from '../domain/visit/visit-slots.ts';
import { renderVisitMessage } from '../i18n/visit-messages.ts';
import { unitDisplayName } from '../i18n/messages.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { loadUnitCalendar } from './load-unit-calendar.ts';
import { queueReplyOnOwnChannel } from './reply-to-citizen.ts';

const OPEN_STATUSES = new Set(['new', 'assigned', 'in_progress', 'waiting_citizen']);

export type VisitOffer = { procedureCode: string; slots: VisitSlot[]; officerId?: string | undefined };

/**
 * Offers a home visit for a procedure the catalogue allows at home: checks the slots against the unit's working
 * calendar (and the named officer's other visits), stores them and sends them to the citizen on their own channel
 * in the same transaction. Throws CASE_NOT_FOUND, FORBIDDEN, STAFF_NOT_FOUND, VISIT_NOT_POSSIBLE (not_home_service,
 * case_final, already_active) or VISIT_SLOT_INVALID.
 */
export async function offerFieldVisit(ctx: CommandContext, actor: StaffRow, caseId: string, offer: VisitOffer): Promise<{ visitId: string; told: boolean }> {
  const at = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'case.visit', true);
    if (!OPEN_STATUSES.has(c.status) || c.mergedIntoId) throw new AppError('VISIT_NOT_POSSIBLE', { reason: 'case_final', status: c.status });
    const procedure = (await listHomeServiceProcedures(tx)).find((p) => p.code === offer.procedureCode);
    if (!procedure) throw new AppError('VISIT_NOT_POSSIBLE', { reason: 'not_home_service', procedureCode: offer.procedureCode });
    if (await findActiveVisit(tx, c.id, true)) throw new AppError('VISIT_NOT_POSSIBLE', { reason: 'already_active' });
    if (offer.officerId) {
      const officer = await findStaffById(tx, offer.officerId);
      if (!officer || !officer.isActive || !isPathInScope(officer.unitPath, c.unitPath)) throw new AppError('STAFF_NOT_FOUND');
    }
    const calendar = await loadUnitCalendar(tx, c.unitId);
    const officerBusy = offer.officerId ? await listOfficerBookings(tx, offer.officerId, null) : [];
    const check = checkSlots(offer.slots, { now: at, workingTimeBetween: calendar.workingTimeBetween, officerBusy });
    if (!check.ok) throw new AppError('VISIT_SLOT_INVALID', 'problems' in check ? { problems: check.problems } : { count: check.count });
    const visitId = await insertVisit(tx, {
      caseId: c.id,
      unitId: c.unitId,
      procedureCode: procedure.code,
      officerId: offer.officerId ?? null,
      offeredBy: actor.id,
      firstMessageAt: await findFirstMessageAt(tx, c.id),
      slots: offer.slots,
      at,
    });
    const slots = offer.slots.map((s, i) => ({ ...s, number: i + 1 }));
    const body = renderVisitMessage(
      {
        kind: 'offered',
        unitName: unitDisplayName({ kind: c.unitKind, fullName: c.unitFullName }, 'vi'),
        procedure: procedure.shortName,
        trackingCode: c.trackingCode,
        slots,
        trackUrl: `${ctx.publicUrl}/track/${c.trackingCode}`,
      },
      'vi',
    );
    const told = (await queueReplyOnOwnChannel(tx, c, { body, authorStaffId: actor.id, kind: 'notification', at })) !== null;
    // The offer answers the citizen (time to first answer) and is activity on the case.
    await markCaseAnswered(tx, c.id, at);
    const data = {
      visitId,
      procedure: procedure.shortName,
      procedureCode: procedure.code,
      slots: slots.map((s) => ({ number: s.number, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
      told,
    };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'visit.offered', actorType: 'staff', actorId: actor.id, visibility: 'internal', data, at });
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: 'visit.offered', payload: { ...data, officerId: offer.officerId ?? null } });
    return { visitId, told };
  });
  ctx.notifyOutbox();
  return result;
}
