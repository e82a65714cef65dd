import type { Queryable } from '../client.ts';

export type CitizenContact = { name?: string | undefined; phone?: string | undefined; email?: string | undefined };

export type IdentityKey = { channel: string; channelAccount: string; externalId: string };

/**
 * The citizen identity for a channel account, created with a new citizen when first seen.
 * Safe under concurrency: a racing insert of the same identity resolves to the existing row.
 */
export async function findOrCreateIdentity(
  q: Queryable,
  key: IdentityKey,
  displayName: string | null,
  at: Date,
): Promise<{ identityId: string; citizenId: string; created: boolean }> {
  const existing = await findIdentity(q, key);
  if (existing) return { ...existing, created: false };
  return createIdentity(q, key, displayName, at);
}

/**
 * A new citizen with this channel identity, for a caller that just looked for it and found none. When a racing
 * transaction created the identity meanwhile, that one is returned (`created` false).
 */
export async function createIdentity(
  q: Queryable,
  key: IdentityKey,
  displayName: string | null,
  at: Date,
): Promise<{ identityId: string; citizenId: string; created: boolean }> {
  // The citizen and their identity in one statement; the citizen is removed again if a racing insert won.
  const [row] = await q.query<{ citizen_id: string; identity_id: string | null }>(
    `WITH cit AS (INSERT INTO citizens (display_name, created_at) VALUES ($4, $5) RETURNING id),
          ident AS (INSERT INTO citizen_identities (citizen_id, channel, channel_account, external_id, display_name, created_at)
                    SELECT id, $1, $2, $3, $4, $5 FROM cit
                    ON CONFLICT (channel, channel_account, external_id) DO NOTHING RETURNING id)
     SELECT cit.id AS citizen_id, (SELECT id FROM ident) AS identity_id FROM cit`,
    [key.channel, key.channelAccount, key.externalId, displayName, at],
    { name: 'citizen_identity_insert' },
  );
  if (row?.identity_id) return { identityId: row.identity_id, citizenId: row.citizen_id, created: true };
  if (row) await q.query('DELETE FROM citizens WHERE id = $1', [row.citizen_id]);
  const raced = await findIdentity(q, key);
  if (!raced) throw new Error('identity vanished after a conflicting insert');
  return { ...raced, created: false };
}

async function findIdentity(q: Queryable, key: IdentityKey): Promise<{ identityId: string; citizenId: string } | undefined> {
  const rows = await q.query<{ id: string; citizen_id: string }>(
    'SELECT id, citizen_id FROM citizen_identities WHERE channel = $1 AND channel_account = $2 AND external_id = $3',
    [key.channel, key.channelAccount, key.externalId],
    { name: 'citizen_identity_find' },
  );
  return rows[0] ? { identityId: rows[0].id, citizenId: rows[0].citizen_id } : undefined;
}

/** Where to reach a citizen identity: its channel account and id there. */
export async function findIdentityAddress(q: Queryable, identityId: string): Promise<{ channelAccount: string; externalId: string } | undefined> {
  const rows = await q.query<{ channel_account: string; external_id: string }>(
    'SELECT channel_account, external_id FROM citizen_identities WHERE id = $1',
    [identityId],
  );
  return rows[0] ? { channelAccount: rows[0].channel_account, externalId: rows[0].external_id } : undefined;
}
