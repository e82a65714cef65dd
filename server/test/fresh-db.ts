import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { openDb, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';

export type Engine = 'pglite' | 'postgres';

/**
 * The engines database tests run on: always PGlite; PostgreSQL too when TEST_DATABASE_URL is set.
 * With CI=true a missing TEST_DATABASE_URL is an error, never a silent skip (CONTRACTS.md §1).
 */
export function testEngines(): Engine[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests cannot be skipped in CI');
  return ['pglite'];
}

export type FreshDb = { db: Db; engine: Engine; url: string | undefined; drop: () => Promise<void> };

/** A new, migrated, empty database on the given engine. PostgreSQL gets its own database, dropped afterwards. */
export async function freshDb(engine: Engine): Promise<FreshDb> {
  if (engine === 'pglite') {
    const db = await openDb({ dataDir: 'memory://' });
    await migrate(db);
    return { db, engine, url: undefined, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `gandan_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  const url = withDatabase(base, name);
  const db = await openDb({ databaseUrl: url, poolSize: 5 });
  await migrate(db);
  return {
    db,
    engine,
    url,
    drop: async () => {
      await db.close();
      await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Declares one `describe` block per engine with a fresh database each; `setup` (e.g. seeding) runs once
 * per engine before its tests. Tests read the database through the returned getter.
 */
export function describeEachEngine(
  title: string,
  body: (ctx: () => FreshDb) => void,
  setup?: (fresh: FreshDb) => Promise<void>,
): void {
  for (const engine of testEngines()) {
    void describe(`${title} [${engine}]`, () => {
      let fresh: FreshDb | undefined;
      before(async () => {
        fresh = await freshDb(engine);
        if (setup) await setup(fresh);
      });
      after(async () => {
        await fresh?.drop();
      });
      body(() => {
        if (!fresh) throw new Error('database not ready');
        return fresh;
      });
    });
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
