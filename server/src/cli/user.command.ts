import type { Command } from 'commander';
import { STAFF_ROLES } from '../../../contracts/enums.ts';
import { runAgainstDatabase } from './with-database.ts';

/** `gandan user add --email E --name N --role ROLE --unit CODE [--password P]` (CONTRACTS §2). */
export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('manage staff accounts');
  user
    .command('add')
    .description('create a staff account; prints a generated password once when --password is not given')
    .requiredOption('--email <email>', 'login e-mail')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${STAFF_ROLES.join(', ')}`)
    .requiredOption('--unit <code>', 'GSO code of a ward/commune (e.g. 26740) or a department code (e.g. SXD)')
    .option('--password <password>', 'initial password (10 characters or more)')
    .action(async (o: { email: string; name: string; role: string; unit: string; password?: string }) => {
      for (const line of await runAgainstDatabase('user.add', o)) process.stdout.write(`${line}\n`);
    });
}
