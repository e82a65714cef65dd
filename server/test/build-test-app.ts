import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { cryptoRandom, type CommandContext } from '../src/commands/context.ts';
import { deliverDueMessages } from '../src/commands/deliver-due-messages.ts';
import { createDemoAccounts, prepareDatabase } from '../src/commands/prepare-database.ts';
import { buildApp } from '../src/http/app.ts';
import { getTriageEngine } from '../src/triage/triage-engine.ts';
import { manualClock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';
import { createMetrics } from '../src/lib/metrics.ts';
import { createSecretBox, type SecretBox } from '../src/lib/secret-box.ts';
import type { FreshDb } from './fresh-db.ts';
import { TEST_PASSWORD } from './test-server.ts';

export type TestApp = {
  app: FastifyInstance;
  ctx: CommandContext;
  clock: ReturnType<typeof manualClock>;
  /** Logs in a demo account; returns headers for later staff requests. */
  login(email: string): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }>;
  /** Runs the delivery worker until nothing is due, as the background worker would. */
  deliver(): Promise<number>;
  /** Seals channel credentials (a random key per test app). */
  box: SecretBox;
  /** How many times the channel routes reported a change (the running process then reloads its channels). */
  channelChanges: () => number;
  /** Every route of the app as registered ('GET /api/staff/cases/:id'; HEAD routes left out). */
  routes: string[];
};

export const START = new Date('2026-11-02T02:00:00Z'); // Monday 09:00 in Ho Chi Minh City

/** The HTTP app on a seeded test database, with a manual clock and no listening socket (app.inject). */
/** opts.triage: classify and route new cases as the product does (off by default so other tests control the unit). */
export async function buildTestApp(fresh: FreshDb, opts: { rateLimits?: boolean; triage?: boolean } = {}): Promise<TestApp> {
  await prepareDatabase(fresh.db);
  const clock = manualClock(START);
  const ctx: CommandContext = { db: fresh.db, clock, random: cryptoRandom, publicUrl: 'https://gandan.test', notifyOutbox: () => undefined, ...(opts.triage ? { triage: getTriageEngine() } : {}) };
  const emails = ['admin@gandan.local', 'truongphong.saigon@gandan.local', 'canbo.saigon@gandan.local', 'canbo.linhxuan@gandan.local', 'canbo.soxaydung@gandan.local'];
  await createDemoAccounts(ctx, Object.fromEntries(emails.map((e) => [e, TEST_PASSWORD])));
  const box = createSecretBox(randomBytes(32));
  let channelChanges = 0;
  const channels = { box, onChannelsChanged: () => void channelChanges++ };
  const routes: string[] = [];
  const onRoute = (r: { method: string; url: string }) => void (r.method !== 'HEAD' && routes.push(`${r.method} ${r.url}`));
  const app = await buildApp({ ctx, metrics: createMetrics(), log: createLogger('silent'), rateLimits: opts.rateLimits ?? false, channels, onRoute });
  return {
    app,
    ctx,
    clock,
    box,
    channelChanges: () => channelChanges,
    routes,
    login: async (email) => {
      const res = await app.inject({ method: 'POST', url: '/api/staff/auth/login', payload: { email, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
      const cookie = `gd_session=${res.cookies.find((c) => c.name === 'gd_session')?.value}`;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
    },
    deliver: async () => {
      // One pass sends at most one message per conversation (order); drain until idle like the worker does.
      let total = 0;
      let n: number;
      do {
        n = await deliverOnce();
        total += n;
      } while (n > 0);
      return total;
    },
  };

  function deliverOnce() {
    return deliverDueMessages({ ...ctx, workerId: 'test-worker', sendContext: async () => ({ config: {} as never, http: fetch, baseUrls: { facebookGraphUrl: '', zaloOpenApiUrl: '', zaloOAuthUrl: '' }, now: () => clock.now() }) });
  }
}
