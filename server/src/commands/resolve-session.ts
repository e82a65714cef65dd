import { extendSession, findLiveSession } from '../db/repositories/sessions.repo.ts';
import { findStaffById, type StaffRow } from '../db/repositories/staff.repo.ts';
import { hashToken } from '../lib/token-hash.ts';
import type { CommandContext } from './context.ts';
import { SESSION_IDLE_MS } from './log-in.ts';

/** The staff member behind a session token, or undefined. Slides the idle expiry at most once a minute. */
export async function resolveSession(ctx: Pick<CommandContext, 'db' | 'clock'>, token: string): Promise<{ user: StaffRow; csrfToken: string } | undefined> {
  const now = ctx.clock.now();
  const tokenHash = hashToken(token);
  const session = await findLiveSession(ctx.db, tokenHash, now);
  if (!session) return undefined;
  const user = await findStaffById(ctx.db, session.userId);
  if (!user || !user.isActive) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await extendSession(ctx.db, tokenHash, now, new Date(now.getTime() + SESSION_IDLE_MS));
  }
  return { user, csrfToken: session.csrfToken };
}
