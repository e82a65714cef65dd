import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import type { ChannelAdapter } from '../channels/channel.ts';
import { manualClock } from '../lib/clock.ts';
import { describeEachEngine } from '../../test/fresh-db.ts';
import { buildTestApp, START } from '../../test/build-test-app.ts';
import { deliverDueMessages } from './deliver-due-messages.ts';
import { openCase } from './open-case.ts';

describeEachEngine('delivery outcome listeners', (db) => {
  // A listener that releases held messages (as a token refresh does) must see the message already held;
  // before this ordering fix a fast refresh could release first and strand the message in 'held'.
  test('onOutcome runs after the outcome is stored', async () => {
    const t = await buildTestApp(db());
    const clock = manualClock(START);
    const opened = await openCase({ ...t.ctx, clock }, { text: 'x', unitCode: '26740', channel: 'portal', intakeMethod: 'portal', locale: 'vi' });
    const adapter = {
      id: 'portal',
      capabilities: { usesAccounts: false, freeReplyWindowMs: null, replyModes: ['message'], privateReplyWindowMs: null, replyWindowMs: null, humanReplyWindowMs: null, canPushMessages: true, images: false, files: false, deliveryReceipts: false, maxTextLength: 100 },
      configSchema: z.object({}),
      verifyWebhook: () => false,
      webhookAccountIds: () => [],
      parseWebhook: () => [],
      send: async () => ({ kind: 'held' as const, code: 'CHANNEL_AUTH_INVALID' }),
    } satisfies ChannelAdapter<Record<string, never>>;
    const seen: string[] = [];
    await deliverDueMessages({
      ...t.ctx,
      clock,
      workerId: 'w',
      findChannel: () => adapter as unknown as ChannelAdapter<never>,
      sendContext: async () => ({ config: {} as never, http: fetch, baseUrls: { facebookGraphUrl: '', zaloOpenApiUrl: '', zaloOAuthUrl: '' }, now: () => clock.now() }),
      onOutcome: (m) => {
        void t.ctx.db.query<{ status: string }>('SELECT status FROM outbound_messages WHERE id = $1', [m.id]).then((r) => seen.push(r[0]!.status));
      },
    });
    await new Promise((r) => setImmediate(r));
    const [row] = await t.ctx.db.query<{ status: string }>('SELECT status FROM outbound_messages WHERE case_id = $1', [opened.caseId]);
    assert.equal(row?.status, 'held');
    assert.deepEqual(seen, ['held']);
  });
});
