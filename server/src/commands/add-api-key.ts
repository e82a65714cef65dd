import { insertApiKey } from '../db/repositories/api-keys.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { hashToken } from '../lib/token-hash.ts';
import type { CommandContext } from './context.ts';

export type AddApiKeyInput = { name: string; unitCode?: string | undefined };

/**
 * Creates an integration API key (Open311 clients) and returns it; only its SHA-256 is stored, so this is the
 * one time it can be shown. Cases opened with the key go to `unitCode` (the city when absent).
 * Throws UNIT_NOT_FOUND.
 */
export async function addApiKey(ctx: CommandContext, input: AddApiKeyInput): Promise<{ id: string; key: string }> {
  // 32 random bytes: unguessable; the prefix only helps people tell their keys apart.
  const key = `gd_${ctx.random.token(32)}`;
  const id = await ctx.db.transaction(async (tx) => {
    const unit = input.unitCode ? await findUnitByCode(tx, input.unitCode) : undefined;
    if (input.unitCode && !unit) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
    return insertApiKey(tx, { name: input.name.trim(), unitId: unit?.id ?? null, keyHash: hashToken(key), keyPrefix: key.slice(0, 7), at: ctx.clock.now() });
  });
  return { id, key };
}
