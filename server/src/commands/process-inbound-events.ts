import { findChannel } from '../channels/registry.ts';
import type { InboundEvent } from '../domain/message/message.ts';
import { findRecordedOutboundProviderIds, markDeliveredMany } from '../db/repositories/channel-events.repo.ts';
import { claimInboundEvents, finishInboundEvent, finishInboundEventsDone, type ClaimedInbound } from '../db/repositories/inbound-events.repo.ts';
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
  // One statement, atomic on its own: no BEGIN/COMMIT round trips around it.
  const claimed = await claimInboundEvents(deps.db, { now: deps.clock.now(), limit, workerId: deps.workerId, leaseMs: LEASE_MS });
  // Deliveries from different senders are independent: handle them in parallel lanes (on PostgreSQL each lane
  // uses its own connection), one lane per sender so each citizen's messages keep their order.
  // Each delivery is parsed once: the events choose its lane and are then applied.
  // Receipts and the echoes of our own sends (two of every three webhooks once cases are acknowledged) are
  // settled for the whole batch first, a statement each; what is left goes through the per-event path.
  const { settled, rest } = await settleReceiptsAndOwnEchoes(deps, claimed.map(parseDelivery));
  const lanes = new Map<string, Parsed[]>();
  for (const parsed of rest) {
    const key = laneKey(parsed);
    lanes.set(key, [...(lanes.get(key) ?? []), parsed]);
  }
  // Processing is idempotent (provider ids), so the deliveries handled are marked done together afterwards: a
  // crash in between only means they are handled again, harmlessly.
  const done: number[] = [...settled];
  await runWithConcurrency([...lanes.values()], deps.concurrency ?? 8, async (lane) => {
    for (const parsed of lane) if (await processDelivery(deps, parsed)) done.push(parsed.delivery.id);
  });
  await finishInboundEventsDone(deps.db, done, deps.workerId, deps.clock.now());
  return claimed.length;
}

/** A claimed delivery with its events, or why they could not be read (handled like any processing failure). */
type Parsed = { delivery: ClaimedInbound; events: InboundEvent[] } | { delivery: ClaimedInbound; error: Error };

function parseDelivery(delivery: ClaimedInbound): Parsed {
  const adapter = findChannel(delivery.channel);
  if (!adapter) return { delivery, error: new Error(`no adapter for ${delivery.channel}`) };
  try {
    return { delivery, events: adapter.parseWebhook(JSON.parse(delivery.rawBody)) };
  } catch (err) {
    return { delivery, error: err instanceof Error ? err : new Error(String(err)) };
  }
}

type Event<K extends InboundEvent['kind']> = Extract<InboundEvent, { kind: K }>;

/**
 * The batch's deliveries made only of delivery receipts and echoes, applied set-wise with the same outcome as
 * `handleChannelEvent` one event at a time: every receipt in one UPDATE (the first receipt of a message sets its
 * time), and an echo whose provider id is already recorded on one of our outgoing messages changes nothing (it
 * settles nothing and is known as ours). The other echoes — a reply typed in the provider's inbox, or the echo
 * of a send whose outcome we have not recorded yet — stay on their delivery for the per-event path. Both steps
 * are idempotent: if one fails, every delivery goes through the per-event path, which applies all of it again.
 */
async function settleReceiptsAndOwnEchoes(deps: InboundDeps, parsed: Parsed[]): Promise<{ settled: number[]; rest: Parsed[] }> {
  const isBulk = (p: Parsed): p is Extract<Parsed, { events: InboundEvent[] }> =>
    'events' in p && p.events.length > 0 && p.events.every((e) => e.kind === 'delivery' || e.kind === 'echo');
  const bulk = parsed.filter(isBulk);
  if (bulk.length === 0) return { settled: [], rest: parsed };
  const receipts = bulk.flatMap((p) =>
    p.events.flatMap((e) => (e.kind === 'delivery' ? e.providerMessageIds.map((id) => ({ channel: p.delivery.channel, providerMessageId: id, at: e.occurredAt })) : [])),
  );
  const echoes = bulk.flatMap((p) => p.events.flatMap((e) => (e.kind === 'echo' ? [{ channel: p.delivery.channel, providerMessageId: e.providerMessageId }] : [])));
  let recorded: Set<string>;
  try {
    [recorded] = await Promise.all([findRecordedOutboundProviderIds(deps.db, echoes), markDeliveredMany(deps.db, receipts)]);
  } catch (err) {
    deps.log.warn({ deliveries: bulk.length, error: err instanceof Error ? err.message.slice(0, 200) : String(err) }, 'bulk receipts failed, handling them one by one');
    return { settled: [], rest: parsed };
  }
  const settled: number[] = [];
  const rest: Parsed[] = parsed.filter((p) => !isBulk(p));
  for (const p of bulk) {
    const left = p.events.filter((e): e is Event<'echo'> => e.kind === 'echo' && !recorded.has(`${p.delivery.channel}:${e.providerMessageId}`));
    if (left.length === 0) settled.push(p.delivery.id);
    else rest.push({ delivery: p.delivery, events: left });
  }
  rest.sort((a, b) => a.delivery.id - b.delivery.id);
  deps.log.debug({ settled: settled.length, receipts: receipts.length, echoes: echoes.length }, 'receipts and own echoes settled in bulk');
  return { settled, rest };
}

/** Applies one delivery's events; true when they were all applied (the caller marks it done). */
async function processDelivery(deps: InboundDeps, parsed: Parsed): Promise<boolean> {
  const { delivery } = parsed;
  try {
    if ('error' in parsed) throw parsed.error;
    const labels = await applyEvents(deps, delivery.channel, parsed.events);
    deps.log.debug({ inboundEventId: delivery.id, channel: delivery.channel, events: labels }, 'webhook processed');
    return true;
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
    return false;
  }
}

/**
 * The lane of a delivery: its single sender (or recipient, for echoes and receipts) when all its events share
 * one; deliveries that mix several people (Meta batches) or that cannot be read go to one shared serial lane.
 */
function laneKey(parsed: Parsed): string {
  if ('error' in parsed) return 'serial';
  const people = new Set(parsed.events.map((e) => `${e.channelAccount}:${personOf(e)}`));
  return people.size === 1 ? `${parsed.delivery.channel}:${[...people][0]}` : 'serial';
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

async function applyEvents(deps: InboundDeps, channel: string, events: readonly InboundEvent[]): Promise<string[]> {
  const labels: string[] = [];
  for (const event of events) {
    // Each event goes to the unit that owns the account it arrived on (a ward's OA, a department's Page).
    const account = await deps.directory.find(channel, event.channelAccount);
    labels.push(await handleChannelEvent(deps, channel, account?.row.unitCode ?? CITY_UNIT_CODE, event));
  }
  return labels;
}
