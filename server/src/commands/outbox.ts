import type { DeliveryStatus } from '../../../contracts/enums.ts';
import { findOutboundScope, listOutbox, requeueOutbound, type OutboxRow } from '../db/repositories/outbound.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitById } from '../db/repositories/units.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';

/** Outgoing messages of the actor's units in the given state (dead-letter and held views). */
export async function listOutboxForStaff(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, status: DeliveryStatus): Promise<OutboxRow[]> {
  requireAction(actor, 'outbox.read');
  return listOutbox(ctx.db, actor.unitPath, [status], 200);
}

/** Sends a dead or held message again with a fresh attempt budget. Throws OUTBOUND_NOT_FOUND / OUTBOUND_NOT_RETRYABLE. */
export async function retryOutbound(ctx: CommandContext, actor: StaffRow, outboundId: string): Promise<void> {
  requireAction(actor, 'outbox.retry');
  const scope = await findOutboundScope(ctx.db, outboundId);
  const unit = scope ? await findUnitById(ctx.db, scope.unitId) : undefined;
  if (!scope || !unit || !isPathInScope(actor.unitPath, unit.path)) throw new AppError('OUTBOUND_NOT_FOUND');
  if (!(await requeueOutbound(ctx.db, outboundId, ctx.clock.now()))) throw new AppError('OUTBOUND_NOT_RETRYABLE', { status: scope.status });
  ctx.notifyOutbox();
}
