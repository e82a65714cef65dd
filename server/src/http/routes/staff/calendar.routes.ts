import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarDayEditSchema,
  CalendarEntrySchema,
  CalendarQuerySchema,
  CalendarYearSchema,
  SettingsHistoryQuerySchema,
  SettingsHistorySchema,
  WorkingHoursUpdateSchema,
} from '../../../../../contracts/api.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { editCalendarDay } from '../../../commands/edit-calendar-day.ts';
import { getCalendarYear } from '../../../commands/get-calendar-year.ts';
import { listSettingsChangesForStaff } from '../../../commands/list-settings-changes.ts';
import { setWorkingHours } from '../../../commands/set-working-hours.ts';
import { requireStaff, staffOf } from '../../staff-auth.ts';
import { staffErrors as errors } from './error-responses.ts';

/** The working-day calendar (city administrators edit days), per-unit working hours, and the settings' change history. */
export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: CommandContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireStaff(ctx));

  app.get(
    '/calendar',
    {
      schema: {
        tags: ['staff'],
        summary: 'A year of the working calendar of the city or a unit',
        querystring: CalendarQuerySchema,
        response: { 200: CalendarYearSchema, ...errors },
      },
    },
    async (request) => getCalendarYear(ctx, staffOf(request), request.query),
  );

  app.put(
    '/calendar/days/:on',
    {
      schema: {
        tags: ['staff'],
        summary: 'Add, change or switch off a holiday, day off or make-up working day (city administrators)',
        params: z.object({ on: z.iso.date() }),
        body: CalendarDayEditSchema,
        response: { 200: CalendarEntrySchema, ...errors },
      },
    },
    async (request) => {
      const { unitCode, ...day } = request.body;
      const saved = await editCalendarDay(ctx, staffOf(request), { ...day, unitCode, on: request.params.on });
      return {
        on: saved.on,
        kind: saved.kind,
        name: saved.name,
        nameEn: saved.nameEn,
        basis: saved.basis,
        status: saved.status,
        isActive: saved.isActive,
        origin: saved.origin,
        scope: saved.unitId === null ? ('city' as const) : ('unit' as const),
      };
    },
  );

  app.put(
    '/calendar/hours',
    {
      schema: {
        tags: ['staff'],
        summary: 'Set the weekly working hours of a unit or the city default',
        body: WorkingHoursUpdateSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await setWorkingHours(ctx, staffOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/settings/history',
    {
      schema: {
        tags: ['staff'],
        summary: 'Latest changes to the routing rules or the calendar (from the audit log)',
        querystring: SettingsHistoryQuerySchema,
        response: { 200: SettingsHistorySchema, ...errors },
      },
    },
    async (request) => listSettingsChangesForStaff(ctx, staffOf(request), request.query.area),
  );
};
