import Fastify from 'fastify';
import { renderCitizenPage } from '../shared/citizen-page.ts';
import { createShiftableClock, type EmulatorClock } from '../shared/clock.ts';
import { createFaultSwitch, type FaultSpec } from '../shared/faults.ts';
import { registerLenientBodyParsers } from '../shared/http-helpers.ts';
import { createWebhookDeliverer, type RetryPolicy, type WebhookDelivery } from '../shared/webhook-delivery.ts';
import { registerZaloControlRoutes } from './control-routes.ts';
import { registerOaRoutes } from './oa-routes.ts';
import { issueTokenPair, registerOauthRoutes } from './oauth-routes.ts';
import { signZaloWebhook } from './signature.ts';
import type { ZaloState, ZaloThreadMessage, ZaloUser } from './state.ts';
import { createZaloWorld, type ZaloCitizenAttachment, type ZaloCitizenRef } from './world.ts';

export type ZaloEmulatorOptions = {
  port?: number;
  host?: string;
  /** Our webhook (e.g. http://127.0.0.1:3000/webhooks/zalo); null keeps events in the delivery log only. */
  webhookUrl?: string | null;
  appId: string;
  oaId: string;
  oaName?: string;
  /** Signs webhooks (the per-OA "OA Secret Key"). */
  oaSecretKey: string;
  /** The app secret: `secret_key` header of the token endpoint, key of appsecret_proof. */
  appSecretKey: string;
  /** Initial token pair (generated when absent). */
  accessToken?: string;
  refreshToken?: string;
  clock?: EmulatorClock;
  /** Zalo retries 30 s, 5 min, 15 min, 30 min and 1 h after the first attempt, then disables the webhook (zalo spec §3.1). */
  retry?: Partial<RetryPolicy>;
  requireFollower?: boolean;
  autoDeliveryReceipts?: boolean;
  rateLimitPerMinute?: number;
  expiredTokenCode?: -216 | -220;
  timeoutHangMs?: number;
};

/** Delays between attempts giving retries at 30 s, 5 min, 15 min, 30 min, 1 h after the first. */
export const defaultZaloRetryDelaysMs = [30_000, 270_000, 600_000, 900_000, 1_800_000];

export async function startZaloEmulator(options: ZaloEmulatorOptions) {
  const clock = createShiftableClock(options.clock);
  const state: ZaloState = {
    oaId: options.oaId, appId: options.appId, oaName: options.oaName ?? 'UBND Phường Bến Thành',
    users: [], messages: [], accessTokens: [], refreshTokens: [], authorizationCodes: [], apiCalls: [], isWebhookDisabled: false,
  };
  issueTokenPair(state, clock, { accessToken: options.accessToken, refreshToken: options.refreshToken });
  const faults = createFaultSwitch(clock);
  let webhookUrl = options.webhookUrl ?? null;
  const policy: RetryPolicy = { delaysMs: defaultZaloRetryDelaysMs, timeoutMs: 2_000, retryOn: 'any-failure', ...options.retry };
  const deliverer = createWebhookDeliverer({
    url: () => (state.isWebhookDisabled ? null : webhookUrl),
    policy,
    clock,
    headers: (body, attempt) => {
      const parsed = JSON.parse(body) as { app_id: string; timestamp: string };
      const signature = signZaloWebhook({ appId: parsed.app_id, rawBody: body, timestamp: parsed.timestamp, oaSecretKey: options.oaSecretKey });
      return { 'content-type': 'application/json', 'x-zevent-signature': signature, ...(attempt > 0 ? { num_retry: String(attempt) } : {}) };
    },
    onGiveUp: () => void (state.isWebhookDisabled = true),
  });
  const world = createZaloWorld(state, clock, (event) => {
    if (!state.isWebhookDisabled) deliverer.deliver(JSON.stringify(event));
  });

  const app = Fastify({ logger: false, forceCloseConnections: true });
  registerLenientBodyParsers(app);

  const emulator = {
    state,
    get deliveries(): readonly WebhookDelivery[] {
      return deliverer.deliveries;
    },
    now: () => clock.now(),
    advanceClock: (ms: number) => clock.advance(ms),
    citizen: (ref: ZaloCitizenRef): ZaloUser => world.ensureUser(ref),
    citizenSends: (input: ZaloCitizenRef & { text?: string; attachments?: ZaloCitizenAttachment[]; quoteMsgId?: string }): ZaloThreadMessage => world.sendMessage(input, input),
    citizenFollows: (ref: ZaloCitizenRef, followed = true): ZaloUser => world.follow(ref, followed),
    citizenSharesInfo: (ref: ZaloCitizenRef, info: Record<string, string>): ZaloUser => world.submitInfo(ref, info),
    citizenReads: (ref: ZaloCitizenRef): string[] => world.seen(ref),
    /** What the OA sent to this user, oldest first. */
    sentTo: (userId: string): ZaloThreadMessage[] => state.messages.filter((m) => m.userId === userId && m.direction === 'outbound'),
    /** The pair that works now (what a refresh returned last). */
    currentTokens: () => {
      const access = state.accessTokens.at(-1)!;
      const refresh = state.refreshTokens.at(-1)!;
      return { accessToken: access.value, accessTokenExpiresAtMs: access.expiresAtMs, refreshToken: refresh.value, isRefreshTokenUsed: refresh.isUsed };
    },
    /** The current access token answers as expired from now on; a refresh gives a working one. */
    expireAccessToken: () => void (state.accessTokens.at(-1)!.expiresAtMs = clock.now()),
    fail: (spec: FaultSpec) => faults.set(spec),
    recover: () => faults.clear(),
    setWebhookUrl: (url: string | null) => void (webhookUrl = url),
    enableWebhook: () => void (state.isWebhookDisabled = false),
    settled: () => deliverer.settled(),
    retryWebhooksNow: () => deliverer.retryNow(),
    view: (name?: string) => viewFor(state, deliverer.deliveries, name),
    url: '',
    close: async (): Promise<void> => {
      deliverer.close();
      await app.close();
    },
  };

  registerZaloControlRoutes(app, emulator);
  registerOauthRoutes(app, { state, clock, appSecretKey: options.appSecretKey });
  registerOaRoutes(app, {
    state, world, clock, faults,
    appSecretKey: options.appSecretKey,
    requireFollower: options.requireFollower ?? false,
    autoDeliveryReceipts: options.autoDeliveryReceipts ?? true,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 4000,
    expiredTokenCode: options.expiredTokenCode ?? -216,
    timeoutHangMs: options.timeoutHangMs ?? 120_000,
  });
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(renderCitizenPage('zalo')));

  emulator.url = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return emulator;
}

export type ZaloEmulator = Awaited<ReturnType<typeof startZaloEmulator>>;

function viewFor(state: ZaloState, deliveries: readonly WebhookDelivery[], name?: string) {
  const user = state.users.find((u) => u.name === name);
  return {
    provider: 'zalo',
    me: user ? { id: user.userId, name: user.name, isFollower: user.isFollower, lastInteractionAtMs: user.lastInteractionAtMs, sharedInfo: user.sharedInfo ?? null, isWebhookDisabled: state.isWebhookDisabled } : null,
    users: state.users.map((u) => ({ id: u.userId, name: u.name })),
    thread: user
      ? state.messages.filter((m) => m.userId === user.userId).map((m) => ({ direction: m.direction, text: m.text ?? (m.attachments?.[0] ? `[${m.attachments[0].type}]` : ''), atMs: m.atMs, note: m.isBilled ? 'tính phí' : null, readAtMs: m.seenAtMs ?? null }))
      : [],
    posts: [],
    deliveries: deliveries.slice(-15).reverse().map((d) => ({ id: d.id, state: d.state, attempts: d.attempts.map((a) => a.status ?? a.error ?? '…'), bytes: d.body.length })),
  };
}
