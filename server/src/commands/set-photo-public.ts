import { lockCaseAttachment, setAttachmentPublic } from '../db/repositories/attachments.repo.ts';
import { appendCaseEvent } from '../db/repositories/case-events.repo.ts';
import { touchCase } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { appendAudit } from './append-audit.ts';
import { getCaseForActor } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * Approves (or withdraws) one photo of a case for public view — the map and list of reported problems and
 * Open311 `media_url` — after an officer has checked it for faces and number plates. A change is recorded on
 * the timeline (`photo.published` / `photo.unpublished`, internal) and in the audit chain; asking for the state
 * the photo already has changes nothing. Throws CASE_NOT_FOUND, FORBIDDEN or ATTACHMENT_NOT_FOUND.
 */
export async function setPhotoPublic(
  ctx: CommandContext,
  actor: StaffRow,
  caseId: string,
  attachmentId: string,
  isPublic: boolean,
): Promise<{ isPublic: boolean; changed: boolean }> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await getCaseForActor(tx, actor, caseId, 'photo.publish', true);
    const photo = await lockCaseAttachment(tx, c.id, attachmentId);
    if (!photo) throw new AppError('ATTACHMENT_NOT_FOUND');
    if (photo.isPublic === isPublic) return { isPublic, changed: false };
    await setAttachmentPublic(tx, photo.id, isPublic, actor.id, at);
    const kind = isPublic ? 'photo.published' : 'photo.unpublished';
    const data = { attachmentId: photo.id };
    await appendCaseEvent(tx, { caseId: c.id, kind, actorType: 'staff', actorId: actor.id, visibility: 'internal', data, at });
    await touchCase(tx, c.id, at);
    await appendAudit(tx, { caseId: c.id, at, actor: { type: 'staff', id: actor.id }, action: kind, payload: data });
    return { isPublic, changed: true };
  });
}
