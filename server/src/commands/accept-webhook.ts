import { createHash } from 'node:crypto';
import type { RawWebhook } from '../channels/channel.ts';
import { findChannel } from '../channels/registry.ts';
import type { Db } from '../db/client.ts';
import type { NewInboundEvent } from '../db/repositories/inbound-events.repo.ts';
import { AppError } from '../lib/app-error.ts';
import type { Clock } from '../lib/clock.ts';
import type { ChannelDirectory } from './channel-directory.ts';

export type WebhookDeps = {
  db: Db;
  clock: Clock;
  directory: ChannelDirectory;
  /** Stores one raw delivery durably (resolves after its commit); false for a redelivery. Group-committed in main.ts. */
  storeInbound: (event: NewInboundEvent) => Promise<boolean>;
  notifyInbound: () => void;
};
export type WebhookOutcome = { kind: 'stored' } | { kind: 'duplicate' } | { kind: 'ignored'; reason: 'unknown-account' | 'no-account' };

/**
 * A provider's webhook delivery: checks its signature with the credentials of the account it is addressed to
 * and stores the raw bytes durably before the caller answers 200 (processing happens later in the worker).
 * Payloads for accounts we do not know are ignored (we cannot check them and have nothing to do with them).
 * Throws BODY_MALFORMED or CHANNEL_SIGNATURE_INVALID; nothing is stored then.
 */
export async function acceptWebhook(deps: WebhookDeps, channel: string, request: RawWebhook): Promise<WebhookOutcome> {
  const adapter = findChannel(channel);
  if (!adapter) throw new AppError('NOT_FOUND');
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    throw new AppError('BODY_MALFORMED');
  }
  const ids = adapter.webhookAccountIds(body);
  if (ids.length === 0) return { kind: 'ignored', reason: 'no-account' };
  const known = (await Promise.all(ids.map((id) => deps.directory.find(channel, id)))).filter((k) => k !== undefined);
  if (known.length === 0) return { kind: 'ignored', reason: 'unknown-account' };
  if (!known.every((k) => k.adapter.verifyWebhook(request, k.config))) throw new AppError('CHANNEL_SIGNATURE_INVALID');
  const stored = await deps.storeInbound({
    channel,
    accountId: known[0]!.row.accountId,
    // The same bytes again are a redelivery; the same message in another delivery is caught by its provider id.
    dedupKey: createHash('sha256').update(request.rawBody).digest('base64url'),
    rawBody: request.rawBody.toString('utf8'),
    at: deps.clock.now(),
  });
  if (stored) deps.notifyInbound();
  return { kind: stored ? 'stored' : 'duplicate' };
}
