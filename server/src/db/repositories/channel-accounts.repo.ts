import type { Queryable } from '../client.ts';

export type ChannelHealth = 'healthy' | 'unhealthy' | 'needs_reauth';

export type ChannelAccountRow = {
  id: string;
  channel: 'facebook' | 'zalo';
  accountId: string;
  name: string | null;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
  secrets: string;
  health: ChannelHealth;
  healthReason: string | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenExpiresAt: Date | null;
  updatedAt: Date;
};

type DbRow = {
  id: string;
  channel: 'facebook' | 'zalo';
  account_id: string;
  name: string | null;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  secrets: string;
  health: ChannelHealth;
  health_reason: string | null;
  access_token_expires_at: Date | null;
  refresh_token_expires_at: Date | null;
  updated_at: Date;
};

const SELECT = `SELECT a.*, u.code AS unit_code, u.full_name AS unit_name, u.path AS unit_path
                  FROM channel_accounts a JOIN units u ON u.id = a.unit_id`;

function toRow(r: DbRow): ChannelAccountRow {
  return {
    id: r.id,
    channel: r.channel,
    accountId: r.account_id,
    name: r.name,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    secrets: r.secrets,
    health: r.health,
    healthReason: r.health_reason,
    accessTokenExpiresAt: r.access_token_expires_at,
    refreshTokenExpiresAt: r.refresh_token_expires_at,
    updatedAt: r.updated_at,
  };
}

/** Adds an account, or replaces the credentials and unit of an existing one (re-connecting a Page/OA). */
export async function upsertChannelAccount(
  q: Queryable,
  a: {
    channel: 'facebook' | 'zalo';
    accountId: string;
    name: string | null;
    unitId: string;
    secrets: string;
    verifyTokenHash: string | null;
    accessTokenExpiresAt: Date | null;
    refreshTokenExpiresAt: Date | null;
    at: Date;
  },
): Promise<{ id: string; created: boolean }> {
  const rows = await q.query<{ id: string; created: boolean }>(
    `INSERT INTO channel_accounts (channel, account_id, name, unit_id, secrets, verify_token_hash, access_token_expires_at,
                                   refresh_token_expires_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
     ON CONFLICT (channel, account_id) DO UPDATE
       SET name = coalesce(EXCLUDED.name, channel_accounts.name), unit_id = EXCLUDED.unit_id, secrets = EXCLUDED.secrets,
           verify_token_hash = EXCLUDED.verify_token_hash, access_token_expires_at = EXCLUDED.access_token_expires_at,
           refresh_token_expires_at = EXCLUDED.refresh_token_expires_at, health = 'healthy', health_reason = NULL,
           health_changed_at = EXCLUDED.updated_at, updated_at = EXCLUDED.updated_at
     RETURNING id, (xmax = 0) AS created`,
    [a.channel, a.accountId, a.name, a.unitId, a.secrets, a.verifyTokenHash, a.accessTokenExpiresAt, a.refreshTokenExpiresAt, a.at],
  );
  return rows[0]!;
}

/** Every connected account (a city has tens, not thousands): the webhook and delivery caches load them all. */
export async function listChannelAccounts(q: Queryable): Promise<ChannelAccountRow[]> {
  return (await q.query<DbRow>(`${SELECT} ORDER BY a.channel, u.path, a.account_id`)).map(toRow);
}

export async function findChannelAccount(q: Queryable, channel: string, accountId: string): Promise<ChannelAccountRow | undefined> {
  const rows = await q.query<DbRow>(`${SELECT} WHERE a.channel = $1 AND a.account_id = $2`, [channel, accountId]);
  return rows[0] ? toRow(rows[0]) : undefined;
}

export async function hasVerifyToken(q: Queryable, tokenHash: string): Promise<boolean> {
  const rows = await q.query("SELECT 1 FROM channel_accounts WHERE channel = 'facebook' AND verify_token_hash = $1", [tokenHash]);
  return rows.length > 0;
}

export async function setChannelHealth(q: Queryable, id: string, health: ChannelHealth, reason: string | null, at: Date): Promise<void> {
  await q.query(
    `UPDATE channel_accounts SET health = $2, health_reason = $3, health_changed_at = $4, updated_at = $4
      WHERE id = $1 AND (health IS DISTINCT FROM $2 OR health_reason IS DISTINCT FROM $3)`,
    [id, health, reason, at],
  );
}

/** Takes the refresh lease for `ms`; false when another process holds it. */
export async function takeRefreshLease(q: Queryable, id: string, now: Date, ms: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE channel_accounts SET refresh_locked_until = $2::timestamptz + ($3::int * interval '1 millisecond')
      WHERE id = $1 AND (refresh_locked_until IS NULL OR refresh_locked_until < $2) RETURNING id`,
    [id, now, ms],
  );
  return rows.length === 1;
}

/** Stores a refreshed token pair and releases the lease in one statement. */
export async function storeRefreshedTokens(
  q: Queryable,
  id: string,
  t: { secrets: string; accessTokenExpiresAt: Date; refreshTokenExpiresAt: Date; at: Date },
): Promise<void> {
  await q.query(
    `UPDATE channel_accounts SET secrets = $2, access_token_expires_at = $3, refresh_token_expires_at = $4, refresh_locked_until = NULL,
            health = 'healthy', health_reason = NULL, health_changed_at = $5, updated_at = $5
      WHERE id = $1`,
    [id, t.secrets, t.accessTokenExpiresAt, t.refreshTokenExpiresAt, t.at],
  );
}

export async function releaseRefreshLease(q: Queryable, id: string): Promise<void> {
  await q.query('UPDATE channel_accounts SET refresh_locked_until = NULL WHERE id = $1', [id]);
}

export type ChannelStats = { lastEventAt: Date | null; held: number; dead: number; queued: number; sent24h: number; failed24h: number; followers: number };

/** Health figures of one account: last webhook, delivery states, 24 h error rate, followers. */
export async function findChannelStats(q: Queryable, channel: string, accountId: string, since: Date): Promise<ChannelStats> {
  const rows = await q.query<{
    last_event_at: Date | null;
    held: number;
    dead: number;
    queued: number;
    sent24h: number;
    failed24h: number;
    followers: number;
  }>(
    `SELECT (SELECT max(received_at) FROM inbound_events WHERE channel = $1 AND account_id = $2) AS last_event_at,
            count(*) FILTER (WHERE o.status = 'held')::int AS held,
            count(*) FILTER (WHERE o.status = 'dead')::int AS dead,
            count(*) FILTER (WHERE o.status IN ('queued', 'sending'))::int AS queued,
            count(*) FILTER (WHERE o.status = 'sent' AND o.sent_at >= $3)::int AS sent24h,
            count(*) FILTER (WHERE o.status = 'dead' AND o.created_at >= $3)::int AS failed24h,
            (SELECT count(*)::int FROM channel_followers f WHERE f.channel = $1 AND f.account_id = $2 AND f.following) AS followers
       FROM outbound_messages o WHERE o.channel = $1 AND o.channel_account = $2`,
    [channel, accountId, since],
  );
  const r = rows[0]!;
  return { lastEventAt: r.last_event_at, held: r.held, dead: r.dead, queued: r.queued, sent24h: r.sent24h, failed24h: r.failed24h, followers: r.followers };
}

/** Puts an account's held messages back in the queue (after a token was renewed). */
export async function releaseHeldMessages(q: Queryable, channel: string, accountId: string, at: Date): Promise<number> {
  const rows = await q.query(
    `UPDATE outbound_messages SET status = 'queued', next_attempt_at = $3, locked_by = NULL, locked_until = NULL
      WHERE channel = $1 AND channel_account = $2 AND status = 'held' RETURNING id`,
    [channel, accountId, at],
  );
  return rows.length;
}
