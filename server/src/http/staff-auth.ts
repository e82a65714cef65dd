import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { CommandContext } from '../commands/context.ts';
import { resolveSession } from '../commands/resolve-session.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';

export const SESSION_COOKIE = 'gd_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffRow | null;
    csrfToken: string | null;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * preHandler for staff routes: resolves the session cookie and, on any state-changing method, requires the
 * session's CSRF token in `x-csrf-token` (the cookie alone is not enough, so a foreign site cannot act).
 */
export function requireStaff(ctx: Pick<CommandContext, 'db' | 'clock'>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(ctx, token) : undefined;
    if (!session) throw new AppError('AUTH_REQUIRED');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID');
    }
    request.staff = session.user;
    request.csrfToken = session.csrfToken;
  };
}

/** The authenticated staff member (only inside routes guarded by requireStaff). */
export function staffOf(request: FastifyRequest): StaffRow {
  if (!request.staff) throw new AppError('AUTH_REQUIRED');
  return request.staff;
}
