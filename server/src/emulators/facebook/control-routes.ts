import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FacebookEmulator } from './index.ts';

const citizen = { psid: z.string().optional(), name: z.string().min(1).optional(), pageId: z.string().optional() };
const MessageBody = z.object({
  ...citizen,
  text: z.string().optional(),
  quickReplyPayload: z.string().optional(),
  attachments: z
    .array(z.union([z.object({ type: z.enum(['image', 'file', 'audio', 'video']), url: z.string().url() }), z.object({ type: z.literal('location'), lat: z.number(), lng: z.number() })]))
    .optional(),
});
const FaultBody = z.object({ kind: z.enum(['server-error', 'rate-limit', 'timeout']), count: z.number().int().positive().optional(), durationMs: z.number().int().positive().optional(), code: z.number().int().optional() });

/** The control API used by tests and the citizen page; every route maps to one method of the emulator handle. */
export function registerFacebookControlRoutes(app: FastifyInstance, emulator: FacebookEmulator): void {
  app.setErrorHandler((err, _req, reply) => {
    const status = err instanceof z.ZodError ? 400 : (err as { statusCode?: number }).statusCode ?? 400;
    return reply.code(status).send({ error: err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message });
  });
  app.get('/_emulator/state', async () => emulator.state);
  app.get('/_emulator/view', async (req) => emulator.view((req.query as { name?: string }).name));
  app.get('/_emulator/sent', async (req) => emulator.sentTo(String((req.query as { psid?: string }).psid ?? '')));
  app.get('/_emulator/deliveries', async () => emulator.deliveries);
  app.post('/_emulator/messages', async (req) => emulator.citizenSends(MessageBody.parse(req.body)));
  app.post('/_emulator/postbacks', async (req) => emulator.citizenTapsButton(z.object({ ...citizen, title: z.string(), payload: z.string() }).parse(req.body)));
  app.post('/_emulator/reads', async (req) => (emulator.citizenReads(z.object(citizen).parse(req.body)), { ok: true }));
  app.post('/_emulator/posts', async (req) => emulator.pagePublishes(z.object({ pageId: z.string().optional(), message: z.string().min(1) }).parse(req.body)));
  app.post('/_emulator/comments', async (req) => emulator.citizenComments(z.object({ ...citizen, postId: z.string(), text: z.string().min(1), parentId: z.string().optional() }).parse(req.body)));
  app.delete('/_emulator/comments/:id', async (req) => emulator.citizenDeletesComment((req.params as { id: string }).id));
  app.post('/_emulator/users/availability', async (req) => {
    const body = z.object({ ...citizen, isAvailable: z.boolean() }).parse(req.body);
    emulator.setUserAvailable(body, body.isAvailable);
    return { ok: true };
  });
  app.post('/_emulator/faults', async (req) => (emulator.fail(FaultBody.parse(req.body)), { ok: true }));
  app.delete('/_emulator/faults', async () => (emulator.recover(), { ok: true }));
  app.post('/_emulator/tokens/expire', async (req) => (emulator.expireTokens(z.object({ token: z.string().optional() }).parse(req.body ?? {}).token), { ok: true }));
  app.post('/_emulator/tokens/restore', async () => (emulator.restoreTokens(), { ok: true }));
  app.post('/_emulator/clock/advance', async (req) => (emulator.advanceClock(z.object({ ms: z.number().nonnegative() }).parse(req.body).ms), { nowMs: emulator.now() }));
  app.put('/_emulator/webhook', async (req) => (emulator.setWebhookUrl(z.object({ url: z.string().url().nullable() }).parse(req.body).url), { ok: true }));
  app.post('/_emulator/webhook/verify', async () => emulator.verifyWebhook());
  app.post('/_emulator/webhook/retry-now', async () => (await emulator.retryWebhooksNow(), { ok: true }));
}
