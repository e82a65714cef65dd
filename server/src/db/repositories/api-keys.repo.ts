import type { Queryable } from '../client.ts';

export type ApiKeyRow = { id: string; name: string; unitCode: string | null };

export async function insertApiKey(
  q: Queryable,
  k: { name: string; unitId: string | null; keyHash: string; keyPrefix: string; at: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    'INSERT INTO api_keys (name, unit_id, key_hash, key_prefix, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [k.name, k.unitId, k.keyHash, k.keyPrefix, k.at],
  );
  if (!row) throw new Error('api key not inserted');
  return row.id;
}

/** The active (not revoked) key with this hash, noting its use. */
export async function useApiKey(q: Queryable, keyHash: string, at: Date): Promise<ApiKeyRow | undefined> {
  const [row] = await q.query<{ id: string; name: string; unit_code: string | null }>(
    `UPDATE api_keys k SET last_used_at = $2 FROM (SELECT id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL) s
     WHERE k.id = s.id
     RETURNING k.id, k.name, (SELECT code FROM units WHERE id = k.unit_id) AS unit_code`,
    [keyHash, at],
  );
  return row && { id: row.id, name: row.name, unitCode: row.unit_code };
}
