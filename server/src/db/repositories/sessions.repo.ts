import type { Queryable } from '../client.ts';

export async function insertSession(
  q: Queryable,
  s: { tokenHash: string; userId: string; csrfToken: string; at: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO staff_sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $4)`,
    [s.tokenHash, s.userId, s.csrfToken, s.at, s.expiresAt],
  );
}

/** The live session for a token hash, or undefined when unknown, expired or the account is disabled. */
export async function findLiveSession(
  q: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string; csrfToken: string; lastSeenAt: Date } | undefined> {
  const rows = await q.query<{ user_id: string; csrf_token: string; last_seen_at: Date }>(
    `SELECT ss.user_id, ss.csrf_token, ss.last_seen_at FROM staff_sessions ss JOIN staff_users u ON u.id = ss.user_id
      WHERE ss.token_hash = $1 AND ss.expires_at > $2 AND u.is_active`,
    [tokenHash, now],
  );
  return rows[0] ? { userId: rows[0].user_id, csrfToken: rows[0].csrf_token, lastSeenAt: rows[0].last_seen_at } : undefined;
}

/** Slides the session's expiry forward (idle timeout). */
export async function extendSession(q: Queryable, tokenHash: string, at: Date, expiresAt: Date): Promise<void> {
  await q.query('UPDATE staff_sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1', [tokenHash, at, expiresAt]);
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
}
