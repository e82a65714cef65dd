import { Command, CommanderError } from 'commander';
import { registerCommands } from './registry.ts';

/** Thrown by a sub-command for bad input or a refused operation: printed as one line, exit code 2. */
export class CliError extends Error {}

const program = new Command('gandan')
  .description('Gần Dân — citizen engagement and case management for city governments')
  .showHelpAfterError(false)
  .exitOverride();
program.configureOutput({ outputError: () => undefined });
registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) process.exit(0);
    process.stderr.write(`gandan: ${err.message.replace(/^error: /, '')}\n`);
    process.exit(2);
  }
  process.stderr.write(`gandan: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof CliError ? 2 : 1);
}
