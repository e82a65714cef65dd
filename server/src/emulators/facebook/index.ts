import Fastify from 'fastify';
import { createShiftableClock, type EmulatorClock } from '../shared/clock.ts';
import { createFaultSwitch, type FaultSpec } from '../shared/faults.ts';
import { registerLenientBodyParsers } from '../shared/http-helpers.ts';
import { renderCitizenPage } from '../shared/citizen-page.ts';
import { createWebhookDeliverer, type RetryPolicy, type WebhookDelivery } from '../shared/webhook-delivery.ts';
import { registerFacebookControlRoutes } from './control-routes.ts';
import { registerGraphRoutes } from './graph-routes.ts';
import { runVerificationHandshake, type HandshakeResult } from './handshake.ts';
import { signFacebookWebhook } from './signature.ts';
import { createFacebookState, type FacebookComment, type FacebookPageConfig, type FacebookPost, type FacebookState, type ThreadMessage } from './state.ts';
import { createWebhookQueue } from './webhook-queue.ts';
import { createFacebookWorld, type CitizenAttachment, type CitizenRef } from './world.ts';

export type FacebookEmulatorOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Our webhook (e.g. http://127.0.0.1:3000/webhooks/facebook); null keeps webhooks in the delivery log only. */
  webhookUrl?: string | null;
  appId?: string;
  appSecret: string;
  verifyToken: string;
  pages: FacebookPageConfig[];
  clock?: EmulatorClock;
  /** Meta retries at once, then less often, for up to 36 h (facebook spec §2.4); tests shorten this. */
  retry?: Partial<RetryPolicy>;
  /** Updates arriving within this window share one POST (batching, facebook spec §2.4). 0 = one POST per update. */
  batchWindowMs?: number;
  requireAppSecretProof?: boolean;
  hasHumanAgentPermission?: boolean;
  autoDeliveryReceipts?: boolean;
  rateLimit?: { callsPerWindow: number; windowMs: number };
  /** Run the GET handshake against webhookUrl once listening. */
  verifyOnStart?: boolean;
  /** How long a 'timeout' fault holds a request before dropping the connection. */
  timeoutHangMs?: number;
};

/** 0 s, 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, then every 3 h: about 36 h in all (the exact curve is Meta's secret). */
export const defaultFacebookRetryDelaysMs = [0, 5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, ...Array.from({ length: 11 }, () => 10_800_000)];

export async function startFacebookEmulator(options: FacebookEmulatorOptions) {
  const clock = createShiftableClock(options.clock);
  const state: FacebookState = createFacebookState(options.pages);
  const faults = createFaultSwitch(clock);
  const appId = options.appId ?? '1234567890123456';
  let webhookUrl = options.webhookUrl ?? null;
  const policy: RetryPolicy = { delaysMs: defaultFacebookRetryDelaysMs, timeoutMs: 20_000, retryOn: 'any-failure', ...options.retry };
  const deliverer = createWebhookDeliverer({
    url: () => webhookUrl,
    policy,
    clock,
    headers: (body) => ({ 'content-type': 'application/json', ...signFacebookWebhook(body, options.appSecret) }),
  });
  const queue = createWebhookQueue({ batchWindowMs: options.batchWindowMs ?? 0, clock, send: (body) => void deliverer.deliver(body) });
  const world = createFacebookWorld(state, clock, (u) => queue.push(u));

  const app = Fastify({ logger: false, forceCloseConnections: true });
  registerLenientBodyParsers(app);

  const userRef = (ref: CitizenRef) => world.ensureUser(ref);
  const emulator = {
    state,
    get deliveries(): readonly WebhookDelivery[] {
      return deliverer.deliveries;
    },
    now: () => clock.now(),
    advanceClock: (ms: number) => clock.advance(ms),
    citizenSends: (input: CitizenRef & { text?: string; attachments?: CitizenAttachment[]; quickReplyPayload?: string }): ThreadMessage => world.sendMessage(input, input),
    citizenTapsButton: (input: CitizenRef & { title: string; payload: string }): ThreadMessage => world.postback(input, input),
    citizenReads: (ref: CitizenRef) => world.read(ref),
    citizenComments: (input: CitizenRef & { postId: string; text: string; parentId?: string }): FacebookComment => world.citizenComments(input, input),
    citizenDeletesComment: (commentId: string): FacebookComment => world.deleteComment(commentId),
    pagePublishes: (input: { pageId?: string; message: string }): FacebookPost => world.publishPost(input.pageId ?? options.pages[0]!.id, input.message),
    /** Returns the citizen's ids, creating the citizen when new (PSID and the different feed id). */
    citizen: (ref: CitizenRef) => userRef(ref),
    setUserAvailable: (ref: CitizenRef, isAvailable: boolean) => void (userRef(ref).isAvailable = isAvailable),
    /** What the city sent to this PSID, oldest first. */
    sentTo: (psid: string): ThreadMessage[] => state.messages.filter((m) => m.psid === psid && m.direction === 'outbound'),
    fail: (spec: FaultSpec) => faults.set(spec),
    recover: () => faults.clear(),
    /** Makes these page tokens (default: all) answer 190/463 until restored. */
    expireTokens: (token?: string) => void state.expiredTokens.push(...(token ? [token] : state.pages.map((p) => p.accessToken))),
    restoreTokens: () => void state.expiredTokens.splice(0),
    setWebhookUrl: (url: string | null) => void (webhookUrl = url),
    verifyWebhook: (): Promise<HandshakeResult> =>
      webhookUrl ? runVerificationHandshake(webhookUrl, options.verifyToken) : Promise.resolve({ ok: false, status: null, challenge: '', body: null, error: 'no webhook URL' }),
    /** Sends batched updates now and waits until no delivery attempt is in flight. */
    async settled(): Promise<void> {
      queue.flush();
      await deliverer.settled();
    },
    retryWebhooksNow: async () => {
      queue.flush();
      await deliverer.retryNow();
    },
    view: (name?: string) => viewFor(state, deliverer.deliveries, name),
    url: '',
    close: async (): Promise<void> => {
      queue.close();
      deliverer.close();
      await app.close();
    },
  };

  registerGraphRoutes(app, {
    state, world, clock, appId, faults,
    appSecret: options.appSecret,
    requireAppSecretProof: options.requireAppSecretProof ?? false,
    hasHumanAgentPermission: options.hasHumanAgentPermission ?? true,
    autoDeliveryReceipts: options.autoDeliveryReceipts ?? true,
    rateLimit: options.rateLimit ?? { callsPerWindow: 300, windowMs: 1000 },
    timeoutHangMs: options.timeoutHangMs ?? 120_000,
  });
  registerFacebookControlRoutes(app, emulator);
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(renderCitizenPage('facebook')));

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  emulator.url = address;
  if (options.verifyOnStart && webhookUrl) await emulator.verifyWebhook();
  return emulator;
}

export type FacebookEmulator = Awaited<ReturnType<typeof startFacebookEmulator>>;

/** The normalised view the citizen page renders. */
function viewFor(state: FacebookState, deliveries: readonly WebhookDelivery[], name?: string) {
  const user = state.users.find((u) => u.name === name);
  return {
    provider: 'facebook',
    pages: state.pages.map((p) => ({ id: p.id, name: p.name })),
    users: state.users.map((u) => ({ id: u.psid, name: u.name })),
    me: user ? { id: user.psid, name: user.name, lastInteractionAtMs: user.lastInteractionAtMs } : null,
    thread: user ? state.messages.filter((m) => m.psid === user.psid).map((m) => ({ direction: m.direction, text: m.text ?? m.postback?.title ?? (m.attachments?.[0]?.type ? `[${m.attachments[0].type}]` : ''), atMs: m.atMs, note: m.privateReplyToCommentId ? 'private-reply' : m.tag ?? null, readAtMs: m.readAtMs ?? null })) : [],
    posts: state.posts.filter((p) => !p.isDeleted).map((p) => ({
      id: p.id, message: p.message, atMs: p.createdAtMs,
      comments: state.comments.filter((c) => c.postId === p.id && !c.isDeleted).map((c) => ({ id: c.id, parentId: c.parentId, fromName: c.fromName, byPage: c.fromId === p.pageId, message: c.message, isHidden: c.isHidden, mine: user ? c.fromId === user.feedId : false })),
    })),
    deliveries: deliveries.slice(-15).reverse().map((d) => ({ id: d.id, state: d.state, attempts: d.attempts.map((a) => a.status ?? a.error ?? '…'), bytes: d.body.length })),
  };
}
