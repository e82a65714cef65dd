import type { Queryable } from '../client.ts';

export type SettingsName = 'routing_rules';

/** The current version of a settings set (bumped by every change). */
export async function getSettingsVersion(q: Queryable, name: SettingsName): Promise<number> {
  const rows = await q.query<{ version: number }>('SELECT version FROM settings_versions WHERE name = $1', [name], {
    name: 'settings.version',
  });
  return Number(rows[0]?.version ?? 0);
}

/**
 * Moves a settings set from `expected` to the next version and holds its row lock until the transaction ends, so
 * editors of the same set go one at a time. Returns the new version, or undefined when `expected` is stale.
 */
export async function bumpSettingsVersion(q: Queryable, name: SettingsName, expected: number): Promise<number | undefined> {
  const rows = await q.query<{ version: number }>(
    'UPDATE settings_versions SET version = version + 1 WHERE name = $1 AND version = $2 RETURNING version',
    [name, expected],
  );
  return rows[0] ? Number(rows[0].version) : undefined;
}

export type SettingsChangeRow = {
  seq: number;
  at: Date;
  actorName: string | null;
  action: string;
  payload: Record<string, unknown>;
};

/** The latest audit rows about settings whose action starts with one of the prefixes, newest first. */
export async function listSettingsChanges(
  q: Queryable,
  actionPrefixes: readonly string[],
  limit: number,
): Promise<SettingsChangeRow[]> {
  const rows = await q.query<{
    seq: number;
    at: Date;
    action: string;
    payload: Record<string, unknown>;
    actor_name: string | null;
  }>(
    `SELECT a.seq, a.at, a.action, a.payload, s.name AS actor_name
       FROM audit_log a LEFT JOIN staff_users s ON a.actor LIKE 'staff:%' AND s.id::text = substr(a.actor, 7)
      WHERE a.case_id IS NULL AND split_part(a.action, '.', 1) = ANY($1::text[])
      ORDER BY a.seq DESC LIMIT $2`,
    [actionPrefixes, limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), at: r.at, actorName: r.actor_name, action: r.action, payload: r.payload }));
}
