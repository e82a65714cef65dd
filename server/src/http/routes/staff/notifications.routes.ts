import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, NotificationListSchema, NotificationQuerySchema } from '../../../../../contracts/api.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from '../../../commands/staff-notifications.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

/** The console's bell: my notifications (deadlines, escalations), read one or all. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get(
    '/notifications',
    { schema: { tags: ['staff'], summary: 'My notifications, newest first, with the unread count', querystring: NotificationQuerySchema, response: { 200: NotificationListSchema, ...errors } } },
    async (request) => {
      const { unreadCount, items } = await listMyNotifications(ctx, staffOf(request), request.query);
      return {
        unreadCount,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          level: n.level,
          caseId: n.caseId,
          trackingCode: n.data.trackingCode ?? null,
          unitName: n.data.unitName ?? null,
          byName: n.data.byName ?? null,
          dueAt: n.dueAt?.toISOString() ?? null,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags: ['staff'], summary: 'Mark one of my notifications read', params: z.object({ id: z.coerce.number().int().positive() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await markNotificationRead(ctx, staffOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags: ['staff'], summary: 'Mark all my notifications read', response: { 200: z.object({ marked: z.number().int() }), ...errors } } },
    async (request) => ({ marked: await markAllNotificationsRead(ctx, staffOf(request)) }),
  );
};
