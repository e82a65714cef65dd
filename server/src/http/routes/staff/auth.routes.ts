import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, LoginSchema, SessionSchema } from '../../../../../contracts/api.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { logIn } from '../../../commands/log-in.ts';
import { logOut } from '../../../commands/log-out.ts';
import { presentStaff } from '../../presenters/staff.presenter.ts';
import { requireStaff, SESSION_COOKIE, staffOf } from '../../staff-auth.ts';

export const authRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext; secureCookies: boolean }> = async (app, { ctx, secureCookies }) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['staff'], summary: 'Log in', body: LoginSchema, response: { 200: SessionSchema, 401: ErrorBodySchema, 429: ErrorBodySchema } },
    },
    async (request, reply) => {
      const s = await logIn(ctx, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, expires: s.expiresAt });
      request.log.info({ staffId: s.user.id }, 'staff logged in');
      return { user: presentStaff(s.user), csrfToken: s.csrfToken };
    },
  );

  app.post('/auth/logout', { preHandler: requireStaff(ctx), schema: { tags: ['staff'], summary: 'Log out' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logOut(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/me', { preHandler: requireStaff(ctx), schema: { tags: ['staff'], summary: 'The logged-in staff member', response: { 200: SessionSchema, 401: ErrorBodySchema } } }, async (request) => ({
    user: presentStaff(staffOf(request)),
    csrfToken: request.csrfToken ?? '',
  }));
};
