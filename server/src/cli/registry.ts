import type { Command } from 'commander';
import { registerApikeyCommand } from './apikey.command.ts';
import { registerAuditCommand } from './audit.command.ts';
import { registerCalendarCommand } from './calendar.command.ts';
import { registerChannelCommand } from './channel.command.ts';
import { registerEmulateCommand } from './emulate.command.ts';
import { registerMigrateCommand } from './migrate.command.ts';
import { registerStartCommand } from './start.command.ts';
import { registerTriageCommand } from './triage.command.ts';
import { registerUserCommand } from './user.command.ts';

/**
 * Every sub-command of `gandan`, one line each. A command file exports `register<Name>Command(program)`,
 * which adds its sub-command (with `--help`) to the program.
 */
export function registerCommands(program: Command): void {
  registerStartCommand(program);
  registerMigrateCommand(program);
  registerUserCommand(program);
  registerChannelCommand(program);
  registerApikeyCommand(program);
  registerEmulateCommand(program);
  registerTriageCommand(program);
  registerCalendarCommand(program);
  registerAuditCommand(program);
}
