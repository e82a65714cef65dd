import { z } from 'zod';
import type { CommandContext } from '../commands/context.ts';
import { computeDueTime } from '../commands/compute-due-time.ts';
import { formatVietnamTime } from '../domain/deadline/local-date.ts';
import { AppError } from '../lib/app-error.ts';

/** Calendar operations run against the product database (in the CLI process or through the server's socket). */
export const CALENDAR_OPERATIONS = {
  'calendar.due': {
    args: z.object({ from: z.string().datetime({ offset: true }), workingDays: z.number().int().min(0).optional(), days: z.number().int().min(0).optional(), unit: z.string().min(1).optional() }),
    run: async (ctx: CommandContext, a: { from: string; workingDays?: number | undefined; days?: number | undefined; unit?: string | undefined }) => {
      const period = a.workingDays !== undefined ? { workingDays: a.workingDays } : { days: a.days ?? 0 };
      const due = await computeDueTime(ctx.db, { from: new Date(a.from), unitCode: a.unit, ...period }).catch((err: unknown) => {
        throw err instanceof AppError && err.code === 'UNIT_NOT_FOUND' ? new Error(`invalid --unit: no unit has code ${a.unit}`) : err;
      });
      return [formatVietnamTime(due)];
    },
  },
} as const;
