import { findChannel } from '../channels/registry.ts';
import { claimInboundEvents, finishInboundEvent, type ClaimedInbound } from '../db/repositories/inbound-events.repo.ts';
import { retryDelayMs } from '../domain/delivery/retry-policy.ts';
import type { Logger } from '../lib/logger.ts';
import type { ChannelDirectory } from './channel-directory.ts';
import type { CommandContext } from './context.ts';
import { handleChannelEvent } from './handle-channel-event.ts';
import { CITY_UNIT_CODE } from './open-case.ts';

export type InboundDeps = CommandContext & { workerId: string; directory: ChannelDirectory; log: Logger };

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
  for (const delivery of claimed) {
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
  return claimed.length;
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
