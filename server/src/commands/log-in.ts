import { insertSession } from '../db/repositories/sessions.repo.ts';
import { findStaffCredentials, recordStaffLogin, type StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { hashPassword, verifyPassword } from '../lib/password.ts';
import { hashToken } from '../lib/token-hash.ts';
import type { CommandContext } from './context.ts';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

// Verified against when the email is unknown, so both failures take the same time.
const dummyHash = hashPassword('not-a-real-password-gandan');

/**
 * Checks credentials and opens a session. Returns the raw session token (for the cookie) and the CSRF token.
 * Throws AUTH_INVALID_CREDENTIALS for an unknown email, a wrong password or a disabled account.
 */
export async function logIn(
  ctx: CommandContext,
  email: string,
  password: string,
): Promise<{ token: string; csrfToken: string; user: StaffRow; expiresAt: Date }> {
  const found = await findStaffCredentials(ctx.db, email);
  const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash), password);
  if (!found || !ok || !found.isActive) throw new AppError('AUTH_INVALID_CREDENTIALS');
  const { passwordHash: _omit, ...user } = found;
  const at = ctx.clock.now();
  const token = ctx.random.token(32);
  const csrfToken = ctx.random.token(24);
  const expiresAt = new Date(at.getTime() + SESSION_IDLE_MS);
  await ctx.db.transaction(async (tx) => {
    await insertSession(tx, { tokenHash: hashToken(token), userId: user.id, csrfToken, at, expiresAt });
    await recordStaffLogin(tx, user.id, at);
  });
  return { token, csrfToken, user, expiresAt };
}
