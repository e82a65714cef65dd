import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Migration = { version: string; sql: string };

/** Reads the numbered, forward-only SQL files in db/migrations, in order. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(files.map(async (f) => ({ version: f.replace(/\.sql$/, ''), sql: await readFile(path.join(dir, f), 'utf8') })));
}

/**
 * Applies the pending migrations in one transaction and returns their versions.
 * On PostgreSQL an advisory lock makes concurrent starts wait for each other instead of racing.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('gandan.migrate'))");
    const applied = new Set((await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const pending = all.filter((m) => !applied.has(m.version));
    for (const m of pending) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
    }
    return pending.map((m) => m.version);
  });
}

/** True when every known migration has been applied (used by /readyz). */
export async function isMigrated(db: Db): Promise<boolean> {
  const all = await loadMigrations();
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations WHERE version = ANY($1::text[])', [all.map((m) => m.version)]);
  return rows[0]?.n === all.length;
}
