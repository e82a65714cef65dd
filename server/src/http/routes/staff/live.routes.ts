import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerResponse } from 'node:http';
import { ErrorBodySchema } from '../../../../../contracts/api.ts';
import { requireAction } from '../../../commands/authorize.ts';
import type { CommandContext } from '../../../commands/context.ts';
import type { LiveHub, LiveMessage } from '../../../live/live-hub.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';

/** A comment line keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** Streams end after this long; the browser reconnects at once, so the session and scope are checked again. */
const MAX_STREAM_MS = 10 * 60_000;

/**
 * Live updates for the console as server-sent events: `case` (caseId, kind) for cases in the staff member's
 * scope, `notification` when their notifications change, `resync` when events may have been missed. Ids and
 * kinds only; the console refetches.
 */
export const liveRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext; hub: LiveHub; heartbeatMs?: number }> = async (app, { ctx, hub, heartbeatMs }) => {
  const open = new Set<ServerResponse>();
  app.addHook('preHandler', requireStaff(ctx));
  // A stream never finishes on its own: end them all so that closing the server does not wait for them.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.addHook('onClose', async () => hub.stop());

  app.get(
    '/events',
    { schema: { tags: ['staff'], summary: 'Live updates (text/event-stream): case and notification events in my scope, ids and kinds only', response: { 401: ErrorBodySchema, 403: ErrorBodySchema } } },
    async (request, reply) => {
      const actor = staffOf(request);
      requireAction(actor, 'case.read');
      const res = reply.raw;
      const write = (text: string) => void (res.writableEnded || res.write(text));
      const send = (m: LiveMessage) => {
        // Consoles get ids and kinds only (not the internal routing hint of a case event).
        const { type, ...data } = m.type === 'case' ? { type: m.type, caseId: m.caseId, kind: m.kind } : m;
        write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const remove = await hub.add({ staffId: actor.id, scopePath: actor.unitPath, send });
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      open.add(res);
      write('retry: 3000\n\nevent: ready\ndata: {}\n\n');
      const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs ?? HEARTBEAT_MS);
      const lifetime = setTimeout(() => res.end(), MAX_STREAM_MS);
      const cleanup = () => {
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        open.delete(res);
        remove();
      };
      res.on('close', cleanup);
    },
  );
};
