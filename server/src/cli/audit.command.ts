import type { Command } from 'commander';
import { runAgainstDatabase } from './with-database.ts';

/** `gandan audit verify`: recomputes the audit hash chain; exit code 1 and the first broken link when it is broken. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('tamper-evident audit log of case changes');
  audit
    .command('verify')
    .description('recompute the hash chain of the audit log and report the first broken link (exit code 1 when broken)')
    .action(async () => {
      const lines = await runAgainstDatabase('audit.verify', {});
      for (const line of lines) process.stdout.write(`${line}\n`);
      if (lines[0]?.startsWith('broken')) process.exitCode = 1;
    });
}
