import { createHash } from 'node:crypto';
import { findChannel } from '../channels/registry.ts';
import { upsertChannelAccount } from '../db/repositories/channel-accounts.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { AppError } from '../lib/app-error.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import type { CommandContext } from './context.ts';

export type AddChannelInput = { channel: string; unitCode: string; name?: string | undefined; config: Record<string, unknown> };

/**
 * Connects (or reconnects) a provider account to a unit. The configuration is validated by the channel's own
 * schema and stored encrypted. Throws CHANNEL_CONFIG_INVALID or UNIT_NOT_FOUND.
 */
export async function addChannelAccount(ctx: CommandContext & { box: SecretBox }, input: AddChannelInput): Promise<{ id: string; accountId: string; created: boolean }> {
  const adapter = findChannel(input.channel);
  if (!adapter || !adapter.capabilities.usesAccounts || !adapter.accountOf) throw new AppError('CHANNEL_CONFIG_INVALID', { channel: input.channel });
  const parsed = adapter.configSchema.safeParse(input.config);
  if (!parsed.success) {
    throw new AppError('CHANNEL_CONFIG_INVALID', parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })));
  }
  const { accountId, webhookVerifyToken } = adapter.accountOf(parsed.data);
  const unit = await findUnitByCode(ctx.db, input.unitCode);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
  const result = await upsertChannelAccount(ctx.db, {
    channel: input.channel as 'facebook' | 'zalo',
    accountId,
    name: input.name ?? null,
    unitId: unit.id,
    secrets: ctx.box.seal(JSON.stringify(parsed.data)),
    verifyTokenHash: webhookVerifyToken ? createHash('sha256').update(webhookVerifyToken).digest('hex') : null,
    // Unknown for tokens pasted by hand: the first refusal triggers a refresh, which then records the expiry.
    accessTokenExpiresAt: null,
    refreshTokenExpiresAt: null,
    at: ctx.clock.now(),
  });
  return { id: result.id, accountId, created: result.created };
}
