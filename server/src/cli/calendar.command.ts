import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import { runAgainstDatabase } from './with-database.ts';

const MAX_DAYS = 3650;

/** `2026-02-12T10:00`, `2026-02-12T10:00:00+07:00`, `2026-02-12T03:00Z` or `2026-02-12` (no offset: Vietnam time). */
export function parseFromTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (!m) throw new CliError(`invalid --from: ${value} is not an ISO 8601 time (e.g. 2026-02-12T10:00:00+07:00)`);
  const iso = `${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}${m[4] ?? '+07:00'}`;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime()) || !isRealDate(m[1] ?? '')) throw new CliError(`invalid --from: ${value} is not a valid time`);
  return iso;
}

function isRealDate(on: string): boolean {
  const d = new Date(`${on}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === on;
}

function parseCount(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > MAX_DAYS) throw new CliError(`invalid ${flag}: ${value} is not a whole number from 0 to ${MAX_DAYS}`);
  return Number(value);
}

/** `gandan calendar due --from ISO_TIME (--working-days N | --days N) [--unit CODE]` (CONTRACTS §2). */
export function registerCalendarCommand(program: Command): void {
  const calendar = program.command('calendar').description('working calendars and legal deadlines');
  calendar
    .command('due')
    .description("print the due time (ISO 8601, +07:00) of a period starting at --from under the unit's calendar (the city's without --unit)")
    .addHelpText(
      'after',
      [
        '',
        '--working-days N  ends at the close of working hours on the N-th working day after the day of receipt (that day is',
        '                  not counted; 0 = the same day). A time outside working hours or on a day off counts as received',
        '                  on the next working day.',
        '--days N          ends at the close of working hours on the N-th calendar day after the day of --from; when that day',
        '                  is not a working day (weekend, public holiday, day off) the deadline moves to the next working day',
        '                  (Civil Code 2015 Art. 148(5)).',
        '',
        'Example: gandan calendar due --from 2026-02-12T10:00:00+07:00 --working-days 3   →   2026-02-24T17:00:00+07:00 (Tết)',
      ].join('\n'),
    )
    .requiredOption('--from <iso-time>', 'start, ISO 8601 (e.g. 2026-02-12T10:00:00+07:00; no offset means Vietnam time)')
    .option('--working-days <n>', 'period in working days')
    .option('--days <n>', 'period in calendar days')
    .option('--unit <code>', 'GSO code of a ward/commune (e.g. 26740) or a department code (e.g. SXD)')
    .action(async (o: { from: string; workingDays?: string; days?: string; unit?: string }) => {
      if ((o.workingDays === undefined) === (o.days === undefined)) throw new CliError('give exactly one of --working-days N or --days N');
      const args = {
        from: parseFromTime(o.from),
        ...(o.workingDays !== undefined ? { workingDays: parseCount('--working-days', o.workingDays) } : { days: parseCount('--days', o.days ?? '') }),
        ...(o.unit !== undefined ? { unit: o.unit } : {}),
      };
      for (const line of await runAgainstDatabase('calendar.due', args)) process.stdout.write(`${line}\n`);
    });
}
