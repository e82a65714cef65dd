import type { Command } from 'commander';
import { runAgainstDatabase } from './with-database.ts';

/** `gandan apikey add --name NAME [--unit CODE]` (CONTRACTS §2): prints a new Open311 / integration key once. */
export function registerApikeyCommand(program: Command): void {
  const apikey = program.command('apikey').description('manage API keys for integrations (Open311 GeoReport v2)');
  apikey
    .command('add')
    .description('create an API key and print it once (only its hash is stored)')
    .requiredOption('--name <name>', 'who the key is for (e.g. the partner app)')
    .option('--unit <code>', 'cases opened with this key go to this unit (GSO ward code or department code); default: the city')
    .action(async (o: { name: string; unit?: string }) => {
      for (const line of await runAgainstDatabase('apikey.add', o)) process.stdout.write(`${line}\n`);
    });
}
