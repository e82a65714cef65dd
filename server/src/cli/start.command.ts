import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { startGandan } from '../main.ts';

/** `gandan start`: migrate, seed on first run, serve (same as `npm start`). */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('migrate, seed the city on first run, and serve the API, console and portal (and the worker)')
    .action(async () => {
      const config = loadConfig();
      const running = await startGandan(config);
      for (const a of running.demoAccounts) {
        process.stdout.write(`demo account created: ${a.email}  password: ${a.password}  (${a.role}, unit ${a.unitCode})\n`);
      }
      if (running.url) {
        const base = config.publicUrl;
        process.stdout.write(`Gần Dân is running (${running.db.engine}, role ${config.role}): portal ${base}/  console ${base}/console/  API docs ${base}/docs\n`);
      } else {
        process.stdout.write(`Gần Dân worker is running (${running.db.engine})\n`);
      }
      const shutdown = (signal: string) => {
        process.stdout.write(`received ${signal}, shutting down gracefully…\n`);
        running.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            process.stderr.write(`shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    });
}
