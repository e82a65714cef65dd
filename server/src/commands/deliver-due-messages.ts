import type { ChannelAdapter, SendContext } from '../channels/channel.ts';
import { findChannel } from '../channels/registry.ts';
import { claimDueOutbound, recordOutboundOutcome, recordOutboundSent, type ClaimedOutbound } from '../db/repositories/outbound.repo.ts';
import { nextAttemptDelayMs } from '../domain/delivery/retry-policy.ts';
import type { SendResult } from '../domain/message/message.ts';
import { groupCommit } from '../lib/group-commit.ts';
import type { CommandContext } from './context.ts';

export type DeliveryDeps = CommandContext & {
  workerId: string;
  /** The account's credentials and HTTP for a message, or the reason it must be held. */
  sendContext: (m: ClaimedOutbound) => Promise<SendContext<never> | { held: string }>;
  onOutcome?: (m: ClaimedOutbound, result: SendResult) => void;
  /** The adapter registry; tests pass their own adapters. */
  findChannel?: (id: string) => ChannelAdapter<never> | undefined;
};

const LEASE_MS = 60_000;

/**
 * Claims due outgoing messages and delivers them through their channel adapters, recording sent / retry / held /
 * dead. Returns how many were claimed (0 = idle) once all of them are settled. A claim is one short statement; no
 * provider call ever runs inside a transaction (PGlite serialises all queries behind an open one). A claim holds
 * at most one message per conversation, so the batch is sent in parallel without breaking per-conversation order.
 * The worker uses `deliveryPump` instead, which does not wait for a whole batch.
 */
export async function deliverDueMessages(deps: DeliveryDeps, limit = 20): Promise<number> {
  // One statement (atomic on its own, row locks held until it ends): no BEGIN/COMMIT round trips around it.
  const claimed = await claimDueOutbound(deps.db, { now: deps.clock.now(), limit, workerId: deps.workerId, leaseMs: LEASE_MS, excludeIds: [] });
  const recordSent = sentRecorder(deps);
  await Promise.all(claimed.map((m) => deliverClaimed(deps, m, recordSent)));
  return claimed.length;
}

/** The worker's outbox queue: `run` for its drain loop, `attach` for the loop's wake-up, `settle` on shutdown. */
export type DeliveryPump = { run(capacity: number): Promise<number>; attach(wake: () => void): void; settle(): Promise<void> };

/**
 * The outbox as a pump: up to `capacity` sends in flight, each recorded as soon as it settles, and the room it
 * frees taken by the next claim at once. A provider that hangs until its timeout (one Page's Graph API, say)
 * then holds back only its own messages, never the acknowledgements claimed with them. Claims are made one at
 * a time by the loop that calls `run`, and never take a message this pump still has in flight, even one whose
 * lease has run out meanwhile (the lease is what lets another process take over a message of a dead one).
 */
export function deliveryPump(deps: DeliveryDeps & { onError: (err: unknown) => void }): DeliveryPump {
  const inFlight = new Map<string, Promise<void>>();
  const recordSent = sentRecorder(deps);
  let wake: () => void = () => undefined;
  return {
    attach: (w) => void (wake = w),
    run: async (capacity) => {
      // Full: wait for a send to settle rather than claim nothing and sleep.
      if (inFlight.size >= capacity) await Promise.race(inFlight.values());
      const room = capacity - inFlight.size;
      const claimed = await claimDueOutbound(deps.db, { now: deps.clock.now(), limit: room, workerId: deps.workerId, leaseMs: LEASE_MS, excludeIds: [...inFlight.keys()] });
      for (const m of claimed) {
        const done = deliverClaimed(deps, m, recordSent)
          .catch(deps.onError)
          .finally(() => {
            inFlight.delete(m.id);
            // Room again, and the next message of this conversation may now be due.
            wake();
          });
        inFlight.set(m.id, done);
      }
      return claimed.length;
    },
    settle: async () => {
      while (inFlight.size > 0) await Promise.all(inFlight.values());
    },
  };
}

type RecordSent = (sent: { id: string; providerMessageId: string | null }) => Promise<void>;

/** Sends settling together are recorded in one statement (group commit), each send's caller once it is stored. */
function sentRecorder(deps: DeliveryDeps): RecordSent {
  return groupCommit({
    write: async (sent: readonly { id: string; providerMessageId: string | null }[]) => {
      await recordOutboundSent(deps.db, deps.workerId, sent, deps.clock.now());
      return sent.map(() => undefined);
    },
    maxBatch: 100,
    maxInFlight: 1,
  });
}

/** Sends one claimed message and records its outcome; then tells the listener (which may react to it). */
async function deliverClaimed(deps: DeliveryDeps, m: ClaimedOutbound, recordSent: RecordSent): Promise<void> {
  const result = await sendOne(deps, m);
  if (result.kind === 'sent') await recordSent({ id: m.id, providerMessageId: result.providerMessageId });
  else await recordOutboundOutcome(deps.db, m.id, deps.workerId, toOutcome(deps, m, result));
  // Only after the outcome is stored: a listener may react to it (a token refresh releases held messages,
  // which must already be marked held).
  deps.onOutcome?.(m, result);
}

async function sendOne(deps: DeliveryDeps, m: ClaimedOutbound): Promise<SendResult> {
  const adapter = (deps.findChannel ?? findChannel)(m.channel);
  if (!adapter) return { kind: 'failed', code: 'CHANNEL_UNKNOWN' };
  const ctx = await deps.sendContext(m);
  if ('held' in ctx) return { kind: 'held', code: ctx.held };
  try {
    return await adapter.send(
      {
        idempotencyKey: m.idempotencyKey,
        channelAccount: m.channelAccount,
        recipientId: m.recipientId,
        text: m.body,
        origin: m.messageKind === 'reply' ? 'reply' : 'automatic',
        lastInboundAt: m.lastCitizenMessageAt,
        mode: m.mode,
        replyToId: m.replyTo,
      },
      ctx,
    );
  } catch (err) {
    // An adapter should return a result, but a thrown network error is a transient failure, not a lost message.
    return { kind: 'retry', code: 'SEND_THREW', detail: err instanceof Error ? err.message.slice(0, 200) : 'unknown' };
  }
}

function toOutcome(deps: DeliveryDeps, m: ClaimedOutbound, r: Exclude<SendResult, { kind: 'sent' }>): Parameters<typeof recordOutboundOutcome>[3] {
  switch (r.kind) {
    case 'held':
      return { status: 'held', code: r.code, detail: r.detail ?? null };
    case 'failed':
      return { status: 'dead', code: r.code, detail: r.detail ?? null };
    case 'retry': {
      if (m.attempts >= m.maxAttempts) return { status: 'dead', code: r.code, detail: r.detail ?? null };
      const delay = nextAttemptDelayMs(m.attempts, deps.random.unit(), r.afterMs, r.code === 'NETWORK_ERROR' || r.code === 'SEND_THREW');
      return { status: 'queued', nextAttemptAt: new Date(deps.clock.now().getTime() + delay), code: r.code, detail: r.detail ?? null };
    }
  }
}
