import type { StaffRole } from '../../../contracts/enums.ts';
import { insertStaffUser } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { hashPassword } from '../lib/password.ts';
import type { CommandContext } from './context.ts';

export type CreateStaffInput = { email: string; name: string; role: StaffRole; unitCode: string; password?: string | undefined };

/**
 * Creates a staff account in a unit. Without a password, a random one is generated and returned (shown once).
 * Throws UNIT_NOT_FOUND, EMAIL_TAKEN or VALIDATION_FAILED (password shorter than 10 characters).
 */
export async function createStaffUser(ctx: CommandContext, input: CreateStaffInput): Promise<{ id: string; password: string; generated: boolean }> {
  const password = input.password ?? generatePassword(ctx);
  if (password.length < 10) throw new AppError('VALIDATION_FAILED', { field: 'password', min: 10 });
  const passwordHash = await hashPassword(password);
  const id = await ctx.db.transaction(async (tx) => {
    const unit = await findUnitByCode(tx, input.unitCode);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
    const created = await insertStaffUser(tx, { email: input.email.trim(), name: input.name.trim(), role: input.role, unitId: unit.id, passwordHash, at: ctx.clock.now() });
    if (!created) throw new AppError('EMAIL_TAKEN');
    return created;
  });
  return { id, password, generated: input.password === undefined };
}

/** 16 symbols without look-alikes, grouped for reading: e.g. `k7mq-3xpa-9wtr-b2hd`. */
function generatePassword(ctx: CommandContext): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const s = ctx.random.symbols(16, alphabet.length).map((i) => alphabet[i]).join('');
  return s.match(/.{4}/g)!.join('-');
}
