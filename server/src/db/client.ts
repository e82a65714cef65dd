import { PGlite } from '@electric-sql/pglite';
import { intarray } from '@electric-sql/pglite/contrib/intarray';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';

// pg returns int8 (count(*), bigint ids) as strings; PGlite returns numbers. Make both numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Something that runs one SQL statement with positional parameters ($1, $2 …). */
export interface Queryable {
  /**
   * `name` makes PostgreSQL prepare the statement once per connection and skip planning afterwards (hot paths
   * only; the SQL text of a name must never change). PGlite ignores it.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: { name?: string }): Promise<T[]>;
}

/**
 * One database behind one small interface: embedded PGlite or a PostgreSQL server.
 * The SQL is the same on both; transactions are opened by commands through `transaction`.
 */
export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Receives the payloads of `pg_notify(channel, …)` once the notifying transaction commits (never on rollback).
   * PostgreSQL: one dedicated connection per process, reconnected after a failure; `onGap` is then called because
   * notifications sent meanwhile are lost. PGlite: the in-process listener (PGlite is single-process).
   * Resolves once listening; the returned function stops it.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type ListenHandlers = { onPayload: (payload: string) => void; onGap?: () => void };

/** A transaction: queries, plus multi-statement scripts for migrations. */
export interface Tx extends Queryable {
  exec(sql: string): Promise<void>;
}

export type OpenDbOptions = { databaseUrl?: string | undefined; dataDir?: string; poolSize?: number };

/** Opens PostgreSQL when a URL is given, else PGlite in `dataDir` (or in memory when dataDir is 'memory://'). */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if (!options.dataDir) throw new Error('openDb needs a databaseUrl or a dataDir');
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Db> {
  const lite = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm, intarray } });
  const run = async <T>(q: { query: PGlite['query'] }, sql: string, params?: readonly unknown[]) =>
    (await q.query<T>(sql, params ? [...params] : undefined)).rows;
  return {
    engine: 'pglite',
    query: (sql, params) => run(lite, sql, params),
    transaction: (fn) =>
      lite.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    exec: async (sql) => {
      await lite.exec(sql);
    },
    listen: async (channel, handlers) => {
      const stop = await lite.listen(checkChannel(channel), handlers.onPayload);
      // A closed database has no listeners left to remove (shutdown order is not guaranteed).
      return async () => {
        if (!lite.closed) await stop();
      };
    },
    close: () => lite.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const listeners = new Set<() => Promise<void>>();
  // A pool error on an idle client must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const run = async <T>(c: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[], options?: { name?: string }) =>
    (await c.query({ text: sql, values: params ? [...params] : undefined, ...(options?.name ? { name: options.name } : {}) })).rows as T[];
  return {
    engine: 'postgres',
    query: (sql, params, options) => run(pool, sql, params, options),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params, options) => run(client, sql, params, options),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    listen: async (channel, handlers) => {
      const stop = await listenPostgres(url, checkChannel(channel), handlers);
      const once = async () => {
        listeners.delete(once);
        await stop();
      };
      listeners.add(once);
      return once;
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

// LISTEN takes an identifier, not a parameter: only plain lower-case names are accepted.
function checkChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid notification channel ${channel}`);
  return channel;
}

/**
 * A dedicated connection that LISTENs (a pooled one would be handed to other queries). After the connection
 * fails it reconnects with a growing delay (1 s … 30 s) and reports the gap.
 */
async function listenPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = 1000;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) handlers.onPayload(n.payload);
    });
    const lost = () => {
      if (client !== c) return;
      client = undefined;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (!stopped) schedule();
    };
    c.on('error', lost);
    c.on('end', lost);
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    if (stopped) await c.end().catch(() => undefined);
    else client = c;
  };
  const schedule = () => {
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => {
          retryMs = 1000;
          handlers.onGap?.();
        },
        () => {
          retryMs = Math.min(retryMs * 2, 30_000);
          if (!stopped) schedule();
        },
      );
    }, retryMs);
    timer.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = undefined;
    await c?.end().catch(() => undefined);
  };
}
