import { Command, CommanderError } from 'commander';
import { AppError } from '../lib/app-error.ts';
import { CliError } from './cli-error.ts';
import { registerCommands } from './registry.ts';

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
  process.stderr.write(`gandan: ${describeError(err)}\n`);
  process.exit(err instanceof CliError || err instanceof AppError ? 2 : 1);
}

function describeError(err: unknown): string {
  if (err instanceof AppError) return `${err.code}${err.details ? ` ${JSON.stringify(err.details)}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}
