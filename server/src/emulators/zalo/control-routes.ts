import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZaloEmulator } from './index.ts';

const citizen = { userId: z.string().optional(), name: z.string().min(1).optional() };
const Attachment = z.union([
  z.object({ type: z.enum(['image', 'gif', 'audio', 'video']), url: z.string().url() }),
  z.object({ type: z.literal('file'), url: z.string().url(), name: z.string(), size: z.number().optional() }),
  z.object({ type: z.literal('sticker'), url: z.string().url(), id: z.string() }),
  z.object({ type: z.literal('link'), url: z.string().url(), description: z.string().optional() }),
  z.object({ type: z.literal('location'), lat: z.number(), lng: z.number() }),
]);
const FaultBody = z.object({ kind: z.enum(['server-error', 'rate-limit', 'timeout']), count: z.number().int().positive().optional(), durationMs: z.number().int().positive().optional(), code: z.number().int().optional() });

/** The control API used by tests and the citizen page; every route maps to one method of the emulator handle. */
export function registerZaloControlRoutes(app: FastifyInstance, emulator: ZaloEmulator): void {
  app.setErrorHandler((err, _req, reply) => {
    const message = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
    return reply.code(400).send({ error: message });
  });
  app.get('/_emulator/state', async () => emulator.state);
  app.get('/_emulator/view', async (req) => emulator.view((req.query as { name?: string }).name));
  app.get('/_emulator/sent', async (req) => emulator.sentTo(String((req.query as { userId?: string }).userId ?? '')));
  app.get('/_emulator/deliveries', async () => emulator.deliveries);
  app.post('/_emulator/messages', async (req) => emulator.citizenSends(z.object({ ...citizen, text: z.string().optional(), attachments: z.array(Attachment).optional(), quoteMsgId: z.string().optional() }).parse(req.body)));
  app.post('/_emulator/follows', async (req) => {
    const body = z.object({ ...citizen, followed: z.boolean() }).parse(req.body);
    return emulator.citizenFollows(body, body.followed);
  });
  app.post('/_emulator/submit-info', async (req) => {
    const { userId, name, ...info } = z.object({ ...citizen, phone: z.string(), address: z.string().optional(), ward: z.string().optional(), district: z.string().optional(), city: z.string().optional() }).parse(req.body);
    return emulator.citizenSharesInfo({ userId, name }, Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as Record<string, string>);
  });
  app.post('/_emulator/reads', async (req) => ({ msgIds: emulator.citizenReads(z.object(citizen).parse(req.body)) }));
  app.post('/_emulator/faults', async (req) => (emulator.fail(FaultBody.parse(req.body)), { ok: true }));
  app.delete('/_emulator/faults', async () => (emulator.recover(), { ok: true }));
  app.post('/_emulator/tokens/expire', async () => (emulator.expireAccessToken(), { ok: true }));
  app.get('/_emulator/tokens', async () => emulator.currentTokens());
  app.post('/_emulator/clock/advance', async (req) => (emulator.advanceClock(z.object({ ms: z.number().nonnegative() }).parse(req.body).ms), { nowMs: emulator.now() }));
  app.put('/_emulator/webhook', async (req) => (emulator.setWebhookUrl(z.object({ url: z.string().url().nullable() }).parse(req.body).url), { ok: true }));
  app.post('/_emulator/webhook/enable', async () => (emulator.enableWebhook(), { ok: true }));
  app.post('/_emulator/webhook/retry-now', async () => (await emulator.retryWebhooksNow(), { ok: true }));
}
