import { findAttachment } from '../db/repositories/attachments.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { getCaseForActor, requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * A photo or file of a case the actor may read (its lead unit, a coordinating unit, a unit asked to take it over).
 * An upload no case claimed, or one of a case the actor may not read, is NOT_FOUND alike. Throws FORBIDDEN too.
 */
export async function getCaseAttachment(
  ctx: Pick<CommandContext, 'db'>,
  actor: StaffRow,
  attachmentId: string,
): Promise<{ contentType: string; data: Buffer }> {
  requireAction(actor, 'case.read');
  const a = await findAttachment(ctx.db, attachmentId);
  if (!a?.caseId) throw new AppError('NOT_FOUND');
  try {
    await getCaseForActor(ctx.db, actor, a.caseId, 'case.read');
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND') throw new AppError('NOT_FOUND');
    throw error;
  }
  return { contentType: a.contentType, data: a.data };
}
