import type { Queryable } from '../db/client.ts';
import { findCaseByTrackingCode, lockCaseById, type CaseRow } from '../db/repositories/cases.repo.ts';
import { findActiveVisit, listOfficerBookings } from '../db/repositories/field-visits.repo.ts';
import { parseTrackingCode } from '../domain/case/tracking-code.ts';
import { parseSlotChoice } from '../domain/visit/parse-slot-choice.ts';
import { SLOTS_MAX } from '../domain/visit/visit-slots.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';
import { recordVisitStep } from './field-visit-step.ts';

export type SlotConfirmation = { slot: number; changed: boolean };

/**
 * The citizen chooses one of the offered slots (inside the caller's transaction, the case locked). Idempotent:
 * choosing the confirmed slot again changes nothing. Throws VISIT_NOT_FOUND, VISIT_SLOT_INVALID (not offered, or
 * already begun) or VISIT_NOT_POSSIBLE (another slot is confirmed, or the pre-named officer got booked meanwhile).
 */
export async function confirmVisitSlotInTransaction(tx: Queryable, c: CaseRow, slot: number, via: 'portal' | 'message', at: Date): Promise<SlotConfirmation> {
  const active = await findActiveVisit(tx, c.id, true);
  if (!active) throw new AppError('VISIT_NOT_FOUND');
  if (active.state !== 'offered') {
    if (active.confirmedSlot === slot) return { slot, changed: false };
    throw new AppError('VISIT_NOT_POSSIBLE', { reason: 'already_confirmed', confirmedSlot: active.confirmedSlot });
  }
  const chosen = active.slots.find((s) => s.number === slot);
  if (!chosen) throw new AppError('VISIT_SLOT_INVALID', { problems: [{ slot, problem: 'not_offered' }] });
  if (chosen.startsAt <= at) throw new AppError('VISIT_SLOT_INVALID', { problems: [{ slot, problem: 'in_past' }] });
  if (active.officerId) {
    const busy = await listOfficerBookings(tx, active.officerId, active.id);
    if (busy.some((b) => b.startsAt < chosen.endsAt && chosen.startsAt < b.endsAt)) throw new AppError('VISIT_NOT_POSSIBLE', { reason: 'slot_taken' });
  }
  const citizen = { audit: { type: 'citizen' as const, id: c.citizenId }, event: { actorType: 'citizen' as const, actorId: c.citizenId }, staffId: null };
  await recordVisitStep(tx, c, 'confirm', citizen, at, () => ({
    change: { confirmedSlot: slot },
    message: { kind: 'confirmed', trackingCode: c.trackingCode, slot: chosen },
    data: { slot: { number: slot, startsAt: chosen.startsAt.toISOString(), endsAt: chosen.endsAt.toISOString() }, via },
  }));
  return { slot, changed: true };
}

/** The holder of the tracking code confirms a slot on the tracking page. Also throws TRACKING_CODE_INVALID, CASE_NOT_FOUND. */
export async function confirmVisitSlot(ctx: CommandContext, code: string, slot: number): Promise<SlotConfirmation> {
  const trackingCode = parseTrackingCode(code);
  if (!trackingCode) throw new AppError('TRACKING_CODE_INVALID');
  const at = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const found = await findCaseByTrackingCode(tx, trackingCode);
    const c = found ? await lockCaseById(tx, found.id) : undefined;
    if (!c) throw new AppError('CASE_NOT_FOUND');
    return confirmVisitSlotInTransaction(tx, c, slot, 'portal', at);
  });
  if (result.changed) ctx.notifyOutbox();
  return result;
}

/**
 * A citizen's message on a case with an open offer that is just a slot number ("1", "chọn 2", "slot 2") confirms
 * that slot. Returns true when it did; any other message (or a choice that cannot be taken) stays an ordinary
 * message for staff to read. Runs in the inbound transaction, after the message is stored.
 */
export async function confirmVisitSlotFromMessage(tx: Queryable, caseId: string, text: string, at: Date): Promise<boolean> {
  if (parseSlotChoice(text, SLOTS_MAX) === null) return false;
  const active = await findActiveVisit(tx, caseId);
  if (active?.state !== 'offered') return false;
  const slot = parseSlotChoice(text, active.slots.length);
  const c = slot === null ? undefined : await lockCaseById(tx, caseId);
  if (slot === null || !c) return false;
  try {
    return (await confirmVisitSlotInTransaction(tx, c, slot, 'message', at)).changed;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}
