import { findChannel } from '../channels/registry.ts';
import type { InboundEvent } from '../domain/message/message.ts';
import { claimInboundEvents, finishInboundEvent, type ClaimedInbound } from '../db/repositories/inbound-events.repo.ts';
import { retryDelayMs } from '../domain/delivery/retry-policy.ts';
import type { Logger } from '../lib/logger.ts';
import type { ChannelDirectory } from './channel-directory.ts';
import type { CommandContext } from './context.ts';
import { handleChannelEvent } from './handle-channel-event.ts';
import { CITY_UNIT_CODE } from './open-case.ts';

/** concurrency: how many senders' deliveries are handled at once (default 8; PGlite serialises them anyway). */
export type InboundDeps = CommandContext & { workerId: string; directory: ChannelDirectory; log: Logger; concurrency?: number };

// Shorter than the outbox's 60 s lease: after a crash, the echo of a message the dead process had sent is
// processed (and settles that message) before the message's own lease lapses and it would be sent again.
const LEASE_MS = 20_000;
const MAX_ATTEMPTS = 10;

/**
 * Processes stored webhook deliveries: parses each with its channel adapter and applies the events in order.
 * A failure leaves the delivery pending for a retry with backoff; after 10 attempts it is marked failed (kept,
 * visible, replayable). Returns how many deliveries were claimed.
 */
export async function processInboundEvents(deps: InboundDeps, limit = 50): Promise<number> {
  const claimed = await deps.db.transaction((tx) => claimInboundEvents(tx, { now: deps.clock.now(), limit, workerId: deps.workerId, leaseMs: LEASE_MS }));
  // Deliveries from different senders are independent: handle them in parallel lanes (on PostgreSQL each lane
  // uses its own connection), one lane per sender so each citizen's messages keep their order.
  const lanes = new Map<string, ClaimedInbound[]>();
  for (const delivery of claimed) {
    const key = laneKey(delivery);
    lanes.set(key, [...(lanes.get(key) ?? []), delivery]);
  }
  await runWithConcurrency([...lanes.values()], deps.concurrency ?? 8, async (lane) => {
    for (const delivery of lane) await processDelivery(deps, delivery);
  });
  return claimed.length;
}

async function processDelivery(deps: InboundDeps, delivery: ClaimedInbound): Promise<void> {
  try {
    const labels = await processOne(deps, delivery);
    await finishInboundEvent(deps.db, delivery.id, deps.workerId, { status: 'done', at: deps.clock.now() });
    deps.log.debug({ inboundEventId: delivery.id, channel: delivery.channel, events: labels }, 'webhook processed');
  } catch (err) {
    const error = err instanceof Error ? err.message.slice(0, 500) : String(err);
    const failed = delivery.attempts >= MAX_ATTEMPTS;
    deps.log.error({ inboundEventId: delivery.id, channel: delivery.channel, attempt: delivery.attempts, error }, 'webhook processing failed');
    await finishInboundEvent(
      deps.db,
      delivery.id,
      deps.workerId,
      failed
        ? { status: 'failed', error, at: deps.clock.now() }
        : { status: 'pending', error, nextAttemptAt: new Date(deps.clock.now().getTime() + retryDelayMs(delivery.attempts, deps.random.unit())) },
    );
  }
}

/**
 * The lane of a delivery: its single sender (or recipient, for echoes and receipts) when all its events share
 * one; deliveries that mix several people (Meta batches) or that cannot be read go to one shared serial lane.
 */
function laneKey(delivery: ClaimedInbound): string {
  const adapter = findChannel(delivery.channel);
  let events: ReturnType<NonNullable<typeof adapter>['parseWebhook']> = [];
  try {
    events = adapter ? adapter.parseWebhook(JSON.parse(delivery.rawBody)) : [];
  } catch {
    return 'serial';
  }
  const people = new Set(events.map((e) => `${e.channelAccount}:${personOf(e)}`));
  return people.size === 1 ? `${delivery.channel}:${[...people][0]}` : 'serial';
}

function personOf(e: InboundEvent): string {
  switch (e.kind) {
    case 'message':
      return e.senderId;
    case 'echo':
      return e.recipientId;
    case 'read':
      return e.readerId;
    case 'follow':
    case 'contact-shared':
      return e.userId;
    case 'delivery':
    case 'retracted':
      return 'account';
  }
}

async function runWithConcurrency<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

async function processOne(deps: InboundDeps, delivery: ClaimedInbound): Promise<string[]> {
  const adapter = findChannel(delivery.channel);
  if (!adapter) throw new Error(`no adapter for ${delivery.channel}`);
  const events = adapter.parseWebhook(JSON.parse(delivery.rawBody));
  const labels: string[] = [];
  for (const event of events) {
    // Each event goes to the unit that owns the account it arrived on (a ward's OA, a department's Page).
    const account = await deps.directory.find(delivery.channel, event.channelAccount);
    labels.push(await handleChannelEvent(deps, delivery.channel, account?.row.unitCode ?? CITY_UNIT_CODE, event));
  }
  return labels;
}
