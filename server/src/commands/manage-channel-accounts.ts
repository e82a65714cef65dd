import { configFormOf, type ConfigFormField } from '../channels/config-form.ts';
import { allChannels, findChannel } from '../channels/registry.ts';
import { findChannelAccount } from '../db/repositories/channel-accounts.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import { addChannelAccount, type AddChannelInput } from './add-channel-account.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { listChannelAccountViews, type ChannelAccountView } from './list-channel-accounts.ts';

/** Health of the accounts connected to the actor's unit and the units below it (anyone who reads cases). */
export async function listChannelsForStaff(
  ctx: Pick<CommandContext, 'db' | 'clock'>,
  actor: StaffRow,
): Promise<ChannelAccountView[]> {
  requireAction(actor, 'case.read');
  return (await listChannelAccountViews(ctx)).filter((v) => isPathInScope(actor.unitPath, v.unitPath));
}

/** The settings form of every channel that connects provider accounts. */
export function channelForms(actor: StaffRow): { channel: string; fields: ConfigFormField[] }[] {
  requireAction(actor, 'case.read');
  return allChannels()
    .filter((a) => a.capabilities.usesAccounts)
    .map((a) => ({ channel: a.id, fields: configFormOf(a) }));
}

/**
 * Connects or reconnects an account for a unit in the actor's scope. A unit outside the scope is "not found";
 * an account already connected to a unit outside the scope cannot be taken over (FORBIDDEN). Empty values count
 * as absent (defaults apply) and values are trimmed, since credentials are usually pasted.
 */
export async function connectChannelForStaff(
  ctx: CommandContext & { box: SecretBox },
  actor: StaffRow,
  input: AddChannelInput,
): Promise<{ accountId: string; created: boolean }> {
  requireAction(actor, 'channel.manage');
  const unit = await findUnitByCode(ctx.db, input.unitCode);
  if (!unit || !isPathInScope(actor.unitPath, unit.path)) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
  const config = Object.fromEntries(
    Object.entries(input.config)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
      .filter(([, v]) => v !== ''),
  );
  const adapter = findChannel(input.channel);
  const parsed = adapter?.configSchema.safeParse(config);
  if (adapter?.accountOf && parsed?.success) {
    const existing = await findChannelAccount(ctx.db, input.channel, adapter.accountOf(parsed.data).accountId);
    if (existing && !isPathInScope(actor.unitPath, existing.unitPath)) throw new AppError('FORBIDDEN');
  }
  const result = await addChannelAccount(ctx, { ...input, name: input.name || undefined, config });
  return { accountId: result.accountId, created: result.created };
}
