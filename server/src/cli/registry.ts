import type { Command } from 'commander';

/**
 * Every sub-command of `gandan`, one line each. A command file exports `register<Name>Command(program)`,
 * which adds its sub-command (with `--help`) to the program.
 */
export function registerCommands(program: Command): void {
  void program;
}
