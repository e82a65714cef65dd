import type { Command } from 'commander';
import { prepareDatabase } from '../commands/prepare-database.ts';
import { loadConfig } from '../config.ts';
import { openDb } from '../db/client.ts';
import { isDataDirLocked, lockDataDir, pgliteDir } from '../db/data-dir-lock.ts';
import { CliError } from './cli-error.ts';

/** `gandan migrate`: apply pending migrations and seed the city (idempotent). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and seed the city if needed')
    .action(async () => {
      const config = loadConfig();
      if (!config.databaseUrl && (await isDataDirLocked(config.dataDir))) {
        throw new CliError(`a running server holds ${config.dataDir}; it migrated the database when it started`);
      }
      const unlock = config.databaseUrl ? undefined : await lockDataDir(config.dataDir);
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config.dataDir), poolSize: 2 });
      try {
        const { migrations } = await prepareDatabase(db);
        process.stdout.write(migrations.length ? `applied: ${migrations.join(', ')}\n` : 'database is up to date\n');
      } finally {
        await db.close();
        await unlock?.();
      }
    });
}
