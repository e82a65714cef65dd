import { cryptoRandom, type CommandContext } from '../commands/context.ts';
import { prepareDatabase } from '../commands/prepare-database.ts';
import { loadConfig } from '../config.ts';
import { openDb } from '../db/client.ts';
import { adminSocketPath, isDataDirLocked, lockDataDir, pgliteDir } from '../db/data-dir-lock.ts';
import { callAdminSocket } from '../lib/admin-socket.ts';
import { systemClock } from '../lib/clock.ts';
import { createSecretBox, loadSecretKey } from '../lib/secret-box.ts';
import { CliError } from './cli-error.ts';
import { runAdminOperation } from './admin-operations.ts';

/**
 * Runs an administrative operation against the product database (`DATABASE_URL` / `GANDAN_DATA_DIR`). When a
 * running server holds the embedded database, the operation goes through that server's control socket.
 */
export async function runAgainstDatabase(op: string, args: unknown): Promise<string[]> {
  const config = loadConfig();
  if (!config.databaseUrl && (await isDataDirLocked(config.dataDir))) {
    const res = await callAdminSocket(adminSocketPath(config.dataDir), { op, args }).catch((err: unknown) => {
      throw new CliError(
        `the embedded database in ${config.dataDir} is held by another process that did not answer on its control socket (${err instanceof Error ? err.message : String(err)}); stop it or set DATABASE_URL`,
      );
    });
    if (!res.ok) throw new CliError(res.error);
    return res.output;
  }
  const unlock = config.databaseUrl ? undefined : await lockDataDir(config.dataDir);
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config.dataDir), poolSize: 2 });
  try {
    await prepareDatabase(db);
    const ctx: CommandContext = { db, clock: systemClock, random: cryptoRandom, publicUrl: config.publicUrl, notifyOutbox: () => undefined };
    const box = createSecretBox(loadSecretKey(config.secretKey, config.dataDir));
    return await runAdminOperation({ ...ctx, box }, op, args).catch((err: unknown) => {
      throw err instanceof Error && err.message.startsWith('invalid --') ? new CliError(err.message) : err;
    });
  } finally {
    await db.close();
    await unlock?.();
  }
}
