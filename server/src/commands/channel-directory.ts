import type { ChannelAdapter, HttpClient, ProviderBaseUrls, SendContext } from '../channels/channel.ts';
import { findChannel } from '../channels/registry.ts';
import type { Db } from '../db/client.ts';
import {
  findChannelAccount,
  listChannelAccounts,
  releaseHeldMessages,
  releaseRefreshLease,
  setChannelHealth,
  storeRefreshedTokens,
  takeRefreshLease,
  type ChannelAccountRow,
} from '../db/repositories/channel-accounts.repo.ts';
import type { SendResult } from '../domain/message/message.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import type { SecretBox } from '../lib/secret-box.ts';

export type KnownAccount = { row: ChannelAccountRow; adapter: ChannelAdapter<never>; config: never };

export type ChannelDirectory = {
  /** A connected account with its decrypted configuration, from a cache refreshed every few seconds. */
  find(channel: string, accountId: string): Promise<KnownAccount | undefined>;
  /** What the delivery job needs to send on an account, or why it must hold the message. */
  sendContext(channel: string, accountId: string): Promise<SendContext<never> | { held: string }>;
  /** Turns a delivery outcome into channel health (and a token refresh when the provider refused the token). */
  reportOutcome(channel: string, accountId: string, result: SendResult): Promise<void>;
  /** Refreshes tokens that expire within `aheadMs` (the worker calls this every minute). */
  refreshExpiring(aheadMs: number): Promise<void>;
  invalidate(): void;
};

export type ChannelDirectoryDeps = { db: Db; clock: Clock; box: SecretBox; http: HttpClient; baseUrls: ProviderBaseUrls; log: Logger; ttlMs?: number };

const REFRESH_LEASE_MS = 60_000;
const MISS_RELOAD_MS = 1_000;

/**
 * Connected accounts with decrypted credentials, cached per process (a city has tens of accounts). A change made
 * by another process (a new channel, a refreshed token) is seen within `ttlMs`.
 */
export function createChannelDirectory(deps: ChannelDirectoryDeps): ChannelDirectory {
  const ttlMs = deps.ttlMs ?? 5_000;
  let cache: { loadedAt: number; accounts: Map<string, KnownAccount> } | undefined;
  let loading: Promise<Map<string, KnownAccount>> | undefined;

  const key = (channel: string, accountId: string) => `${channel}:${accountId}`;
  const decrypt = (row: ChannelAccountRow): KnownAccount | undefined => {
    const adapter = findChannel(row.channel);
    if (!adapter) return undefined;
    try {
      const config = adapter.configSchema.parse(JSON.parse(deps.box.open(row.secrets))) as never;
      return { row, adapter, config };
    } catch (err) {
      deps.log.error({ channel: row.channel, channelAccountId: row.id, err: err instanceof Error ? err.message : 'unknown' }, 'cannot open channel credentials');
      return undefined;
    }
  };
  // Bumped by every invalidation: a load that started before one must not put its older rows in the cache.
  let generation = 0;
  const load = async (maxAgeMs = ttlMs) => {
    const now = deps.clock.now().getTime();
    if (cache && now - cache.loadedAt < maxAgeMs) return cache.accounts;
    if (!loading) {
      const started = generation;
      const current: Promise<Map<string, KnownAccount>> = listChannelAccounts(deps.db)
        .then((rows) => {
          const accounts = new Map<string, KnownAccount>();
          for (const row of rows) {
            const known = decrypt(row);
            if (known) accounts.set(key(row.channel, row.accountId), known);
          }
          if (started === generation) cache = { loadedAt: deps.clock.now().getTime(), accounts };
          return accounts;
        })
        .finally(() => {
          if (loading === current) loading = undefined;
        });
      loading = current;
    }
    return loading;
  };
  const invalidate = () => {
    generation += 1;
    cache = undefined;
    loading = undefined;
  };
  // An account missing from a cache older than a second is looked up again: it may have been connected by
  // another process (`gandan channel add`) since, and a webhook for it answered "ignored" would be lost. At most
  // one reload a second, whatever the unknown ids posted.
  const find = async (channel: string, accountId: string) => {
    const found = (await load()).get(key(channel, accountId));
    return found ?? (await load(MISS_RELOAD_MS)).get(key(channel, accountId));
  };
  const contextOf = (known: KnownAccount | undefined): SendContext<never> => ({
    config: (known?.config ?? {}) as never,
    http: deps.http,
    baseUrls: deps.baseUrls,
    now: () => deps.clock.now(),
  });

  /** One process at a time, under a lease: a single-use refresh token must never be spent twice. */
  const refresh = async (known: KnownAccount): Promise<boolean> => {
    const { adapter, row } = known;
    if (!adapter.refreshCredentials) return false;
    const now = deps.clock.now();
    if (!(await takeRefreshLease(deps.db, row.id, now, REFRESH_LEASE_MS))) return false;
    try {
      // Another process may have refreshed since our cache was loaded: start from the stored pair.
      const fresh = await findChannelAccount(deps.db, row.channel, row.accountId);
      const current = fresh ? decrypt(fresh) : undefined;
      if (!current) return false;
      const result = await adapter.refreshCredentials(current.config, { http: deps.http, baseUrls: deps.baseUrls, now: () => deps.clock.now() });
      if (result.kind === 'failed') {
        await setChannelHealth(deps.db, row.id, result.permanent ? 'needs_reauth' : 'unhealthy', result.code, deps.clock.now());
        deps.log.warn({ channel: row.channel, channelAccountId: row.id, code: result.code }, 'token refresh failed');
        return false;
      }
      const at = deps.clock.now();
      await storeRefreshedTokens(deps.db, row.id, {
        secrets: deps.box.seal(JSON.stringify(result.config)),
        accessTokenExpiresAt: new Date(at.getTime() + result.accessTokenTtlMs),
        refreshTokenExpiresAt: new Date(at.getTime() + result.refreshTokenTtlMs),
        at,
      });
      const released = await releaseHeldMessages(deps.db, row.channel, row.accountId, at);
      deps.log.info({ channel: row.channel, channelAccountId: row.id, released }, 'token refreshed');
      invalidate();
      return true;
    } finally {
      await releaseRefreshLease(deps.db, row.id);
    }
  };

  return {
    find,
    invalidate,
    sendContext: async (channel, accountId) => {
      const adapter = findChannel(channel);
      if (!adapter) return { held: 'CHANNEL_UNKNOWN' };
      if (!adapter.capabilities.usesAccounts) return contextOf(undefined);
      const known = await find(channel, accountId);
      if (!known) return { held: 'CHANNEL_NOT_CONFIGURED' };
      if (known.row.health === 'needs_reauth') return { held: 'CHANNEL_NEEDS_REAUTH' };
      return contextOf(known);
    },
    reportOutcome: async (channel, accountId, result) => {
      const known = await find(channel, accountId);
      if (!known) return;
      const now = deps.clock.now();
      if (result.kind === 'sent' && known.row.health !== 'healthy') {
        await setChannelHealth(deps.db, known.row.id, 'healthy', null, now);
        invalidate();
      } else if (result.kind === 'held') {
        // A refused token: renew it when the channel can; otherwise a person must reconnect the account.
        if (result.code === 'CHANNEL_AUTH_INVALID' && (await refresh(known))) return;
        await setChannelHealth(deps.db, known.row.id, result.code === 'CHANNEL_AUTH_INVALID' ? 'needs_reauth' : 'unhealthy', result.code, now);
        invalidate();
      }
    },
    refreshExpiring: async (aheadMs) => {
      const horizon = deps.clock.now().getTime() + aheadMs;
      for (const known of (await load()).values()) {
        const expires = known.row.accessTokenExpiresAt?.getTime();
        if (known.adapter.refreshCredentials && expires !== undefined && expires < horizon && known.row.health !== 'needs_reauth') await refresh(known);
      }
    },
  };
}
