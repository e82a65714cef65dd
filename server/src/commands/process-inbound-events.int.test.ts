import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { eventually } from '../../test/eventually.ts';
import { describeEachEngine } from '../../test/fresh-db.ts';
import { LIVE_CHANNEL } from '../db/live-notify.ts';
import { insertInboundEvents } from '../db/repositories/inbound-events.repo.ts';
import { createLogger } from '../lib/logger.ts';
import { createChannelDirectory } from './channel-directory.ts';
import { openCase } from './open-case.ts';
import { processInboundEvents, type InboundDeps } from './process-inbound-events.ts';

const OA = '579745863508352884';
const APP = '4242424242';

/** A raw Zalo webhook body from the OA's side (echo or receipt), as the provider sends it. */
function fromOa(event: 'oa_send_text' | 'user_received_message', userId: string, msgId: string, at: Date, text?: string): string {
  return JSON.stringify({
    app_id: APP,
    event_name: event,
    sender: { id: OA },
    recipient: { id: userId },
    message: text === undefined ? { msg_id: msgId } : { msg_id: msgId, text },
    timestamp: String(at.getTime()),
  });
}

describeEachEngine('processing stored webhooks: receipts and echoes of a batch', (db) => {
  let t: TestApp;
  let deps: InboundDeps;
  let stored = 0;
  const store = async (rawBody: string) => {
    assert.deepEqual(await insertInboundEvents(t.ctx.db, [{ channel: 'zalo', accountId: OA, dedupKey: `k-${++stored}`, rawBody, at: t.clock.now() }]), [true]);
  };
  /** A case opened by a Zalo user whose acknowledgement went out as provider message `ackId`. */
  const acknowledgedCase = async (userId: string, ackId: string) => {
    const opened = await openCase(t.ctx, { text: 'Cống bị tắc', unitCode: '26740', channel: 'zalo', intakeMethod: 'channel', identity: { channelAccount: OA, externalId: userId, displayName: null }, locale: 'vi' });
    await t.ctx.db.query(`UPDATE outbound_messages SET status = 'sent', attempts = 1, provider_message_id = $2, sent_at = $3 WHERE message_id = $1`, [opened.acknowledgementId, ackId, t.clock.now()]);
    return opened;
  };
  const outbound = (caseId: string) =>
    t.ctx.db.query<{ provider_message_id: string; delivered_at: Date | null }>('SELECT provider_message_id, delivered_at FROM outbound_messages WHERE case_id = $1', [caseId]);
  const counts = async (caseId: string) =>
    (
      await t.ctx.db.query<{ messages: number; events: number }>(
        `SELECT (SELECT count(*)::int FROM messages WHERE case_id = $1) AS messages, (SELECT count(*)::int FROM case_events WHERE case_id = $1) AS events`,
        [caseId],
      )
    )[0]!;
  const statuses = async () => t.ctx.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM inbound_events GROUP BY status ORDER BY status');

  before(async () => {
    t = await buildTestApp(db());
    const log = createLogger('silent');
    const directory = createChannelDirectory({ db: t.ctx.db, clock: t.clock, box: t.box, http: fetch, baseUrls: { facebookGraphUrl: '', zaloOpenApiUrl: '', zaloOAuthUrl: '' }, log });
    deps = { ...t.ctx, workerId: 'w1', directory, log };
  });

  test('receipts, echoes of our sends and a reply typed in the provider inbox, in one batch, each applied once', async () => {
    const a = await acknowledgedCase('8000000000000000001', 'ack-a');
    const b = await acknowledgedCase('8000000000000000002', 'ack-b');
    const before = { a: await counts(a.caseId), b: await counts(b.caseId) };
    const first = new Date(t.clock.now().getTime() + 1_000);
    const second = new Date(t.clock.now().getTime() + 5_000);
    await store(fromOa('user_received_message', '8000000000000000001', 'ack-a', first));
    await store(fromOa('oa_send_text', '8000000000000000001', 'ack-a', first, 'acknowledgement text'));
    await store(fromOa('user_received_message', '8000000000000000001', 'ack-a', second)); // a later receipt changes nothing
    await store(fromOa('oa_send_text', '8000000000000000002', 'inbox-1', first, 'Chúng tôi đã chuyển cho tổ dân phố.')); // typed in Zalo's OA admin
    await store(fromOa('user_received_message', '8000000000000000002', 'unknown-id', first)); // never ours: nothing to mark
    const heard: string[] = [];
    const stop = await t.ctx.db.listen(LIVE_CHANNEL, { onPayload: (p) => heard.push(p) });
    assert.equal(await processInboundEvents(deps), 5);
    await eventually('the case\'s consoles hear of the delivery', () => heard.some((p) => p.includes(a.caseId) && p.includes('delivery.updated')));
    await stop();
    assert.equal(heard.filter((p) => p.includes(b.caseId) && p.includes('delivery.updated')).length, 0, 'no delivery change on the other case');

    assert.deepEqual(await statuses(), [{ status: 'done', n: 5 }]);
    const [ackA] = await outbound(a.caseId);
    assert.equal(ackA?.delivered_at?.getTime(), first.getTime(), 'the first receipt sets the delivery time');
    assert.equal((await outbound(b.caseId))[0]?.delivered_at, null);
    assert.deepEqual(await counts(a.caseId), before.a, 'the echo of our own acknowledgement is not recorded again');
    assert.deepEqual(await counts(b.caseId), { messages: before.b.messages + 1, events: before.b.events + 1 }, 'the inbox reply is on the timeline once');
    const [typed] = await t.ctx.db.query<{ body: string; direction: string }>(`SELECT body, direction FROM messages WHERE provider_message_id = 'inbox-1'`);
    assert.deepEqual(typed, { body: 'Chúng tôi đã chuyển cho tổ dân phố.', direction: 'out' });

    // The same events delivered again (other bytes, so stored again) change nothing.
    await store(fromOa('user_received_message', '8000000000000000001', 'ack-a', new Date(second.getTime() + 1)));
    await store(fromOa('oa_send_text', '8000000000000000002', 'inbox-1', new Date(first.getTime() + 1), 'Chúng tôi đã chuyển cho tổ dân phố.'));
    assert.equal(await processInboundEvents(deps), 2);
    assert.deepEqual(await statuses(), [{ status: 'done', n: 7 }]);
    assert.equal((await outbound(a.caseId))[0]?.delivered_at?.getTime(), first.getTime());
    assert.deepEqual(await counts(b.caseId), { messages: before.b.messages + 1, events: before.b.events + 1 });
  });

  test('the echo of a send we have not recorded yet settles it (per-event path), once', async () => {
    const c = await acknowledgedCase('8000000000000000003', 'ack-c');
    // The process died after the provider accepted the send and before it was recorded: attempted, not sent.
    await t.ctx.db.query(`UPDATE outbound_messages SET status = 'sending', provider_message_id = NULL, sent_at = NULL WHERE case_id = $1`, [c.caseId]);
    const [ack] = await t.ctx.db.query<{ body: string }>(`SELECT m.body FROM messages m JOIN outbound_messages o ON o.message_id = m.id WHERE o.case_id = $1`, [c.caseId]);
    // Zalo echoes carry no metadata of ours: the echo is matched by recipient, time and text.
    await store(fromOa('oa_send_text', '8000000000000000003', 'ack-c', t.clock.now(), ack!.body));
    assert.equal(await processInboundEvents(deps), 1);
    const [row] = await t.ctx.db.query<{ status: string; provider_message_id: string }>('SELECT status, provider_message_id FROM outbound_messages WHERE case_id = $1', [c.caseId]);
    assert.deepEqual({ ...row }, { status: 'sent', provider_message_id: 'ack-c' });
    assert.equal((await counts(c.caseId)).messages, 2, 'the citizen message and the acknowledgement, nothing more');
  });
});
