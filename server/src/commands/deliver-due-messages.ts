import type { ChannelAdapter, SendContext } from '../channels/channel.ts';
import { findChannel } from '../channels/registry.ts';
import { claimDueOutbound, recordOutboundOutcome, recordOutboundSent, type ClaimedOutbound } from '../db/repositories/outbound.repo.ts';
import { nextAttemptDelayMs } from '../domain/delivery/retry-policy.ts';
import type { SendResult } from '../domain/message/message.ts';
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
 * dead. Returns how many were claimed (0 = idle). A claim is one short statement; no provider call ever runs
 * inside a transaction (PGlite serialises all queries behind an open one). A claim holds at most one message per
 * conversation, so the batch is sent in parallel without breaking per-conversation order.
 */
export async function deliverDueMessages(deps: DeliveryDeps, limit = 20): Promise<number> {
  // One statement (atomic on its own, row locks held until it ends): no BEGIN/COMMIT round trips around it.
  const claimed = await claimDueOutbound(deps.db, { now: deps.clock.now(), limit, workerId: deps.workerId, leaseMs: LEASE_MS });
  const results = await Promise.all(claimed.map(async (m) => ({ m, result: await sendOne(deps, m) })));
  const sent: { id: string; providerMessageId: string | null }[] = [];
  for (const { m, result } of results) {
    if (result.kind === 'sent') sent.push({ id: m.id, providerMessageId: result.providerMessageId });
    else await recordOutboundOutcome(deps.db, m.id, deps.workerId, toOutcome(deps, m, result));
  }
  await recordOutboundSent(deps.db, deps.workerId, sent, deps.clock.now());
  // Only after the outcomes are stored: a listener may react to them (a token refresh releases held messages,
  // which must already be marked held).
  for (const { m, result } of results) deps.onOutcome?.(m, result);
  return claimed.length;
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
