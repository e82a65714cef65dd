import type { OnTimeCounts } from '../../domain/accountability/on-time-rate.ts';
import { formatDayIndex, instantAt, localDayOf } from '../../domain/deadline/local-date.ts';
import type { Queryable } from '../client.ts';

export type OnTimeRow = OnTimeCounts & { unitCode: string; unitName: string; category: string | null };

/**
 * Per current unit and category of the cases in the subtree that have a due time: finished in [from, to) on time
 * or late, and open past due at `end` (the end of the period, or now when the period has not ended). A case that
 * was finished only after `end` was open then, so it counts as open past due in that period.
 *
 * Finished cases: the whole Vietnamese days of the period from `on_time_daily` (migration 0142, kept by triggers),
 * the partial days at its edges from the cases by their finish instant. Open past due: index ranges of the cases
 * (finished after `end`, and open cases by due time), each an index-only scan (migrations 0090, 0091).
 */
export async function countOnTimeByUnitAndCategory(q: Queryable, f: { scopePath: string; from: Date; to: Date; end: Date }): Promise<OnTimeRow[]> {
  const days = wholeVietnamDays(f.from, f.to);
  // Below the city (a ward, a department) every part reads only the subtree's units; the city reads them all.
  const inScope = (alias: string) => (f.scopePath.includes('/') ? `AND ${alias}.unit_id IN (SELECT id FROM units WHERE path = $1 OR path LIKE $1 || '/%')` : '');
  // Finished cases counted from the cases themselves, over [$a, $b).
  const finishedIn = (a: string, b: string) => `
       SELECT c.unit_id, coalesce(c.category, '') AS category,
              count(*) FILTER (WHERE coalesce(c.resolved_at, c.closed_at) <= c.due_at)::int AS closed_on_time,
              count(*) FILTER (WHERE coalesce(c.resolved_at, c.closed_at) > c.due_at)::int AS closed_late, 0 AS open_past_due
         FROM cases c
        WHERE c.status IN ('resolved', 'closed', 'rejected') AND c.due_at IS NOT NULL
          AND coalesce(c.resolved_at, c.closed_at) >= ${a} AND coalesce(c.resolved_at, c.closed_at) < ${b} ${inScope('c')}
        GROUP BY 1, 2`;
  const finished = days
    ? `${finishedIn('$2::timestamptz', '$5::timestamptz')}
       UNION ALL
       SELECT d.unit_id, d.category, sum(d.on_time)::int, sum(d.late)::int, 0
         FROM on_time_daily d
        WHERE d.day >= $7::date AND d.day < $8::date ${inScope('d')}
        GROUP BY 1, 2
       UNION ALL
       ${finishedIn('$6::timestamptz', '$3::timestamptz')}`
    : finishedIn('$2::timestamptz', '$3::timestamptz');
  const rows = await q.query<{ code: string; full_name: string; category: string; closed_on_time: number; closed_late: number; open_past_due: number }>(
    `WITH counted AS (
       -- Finished in the period, on time or late.
       ${finished}
       UNION ALL
       -- Open past due at the end: finished only after it (or with no finish time recorded) ...
       SELECT c.unit_id, coalesce(c.category, ''), 0, 0, count(*)::int
         FROM cases c
        WHERE c.status IN ('resolved', 'closed', 'rejected') AND c.due_at IS NOT NULL AND c.due_at < $4::timestamptz
          AND coalesce(c.resolved_at, c.closed_at) >= $4::timestamptz ${inScope('c')}
        GROUP BY 1, 2
       UNION ALL
       SELECT c.unit_id, coalesce(c.category, ''), 0, 0, count(*)::int
         FROM cases c
        WHERE c.status IN ('resolved', 'closed', 'rejected') AND c.due_at IS NOT NULL AND c.due_at < $4::timestamptz
          AND coalesce(c.resolved_at, c.closed_at) IS NULL ${inScope('c')}
        GROUP BY 1, 2
       UNION ALL
       -- ... or still open.
       SELECT c.unit_id, coalesce(c.category, ''), 0, 0, count(*)::int
         FROM cases c
        WHERE c.status IN ('new', 'assigned', 'in_progress', 'waiting_citizen') AND coalesce(c.due_at, 'infinity'::timestamptz) < $4::timestamptz ${inScope('c')}
        GROUP BY 1, 2
     )
     SELECT u.code, u.full_name, k.category,
            sum(k.closed_on_time)::int AS closed_on_time, sum(k.closed_late)::int AS closed_late, sum(k.open_past_due)::int AS open_past_due
       FROM counted k JOIN units u ON u.id = k.unit_id
      WHERE u.path = $1 OR u.path LIKE $1 || '/%'
      GROUP BY u.code, u.full_name, k.category
     HAVING sum(k.closed_on_time + k.closed_late + k.open_past_due) > 0
      ORDER BY u.code, k.category`,
    days ? [f.scopePath, f.from, f.to, f.end, days.start, days.end, days.firstDay, days.endDay] : [f.scopePath, f.from, f.to, f.end],
  );
  return rows.map((r) => ({
    unitCode: r.code,
    unitName: r.full_name,
    category: r.category === '' ? null : r.category,
    closedOnTime: r.closed_on_time,
    closedLate: r.closed_late,
    openPastDue: r.open_past_due,
  }));
}

/**
 * The whole Vietnamese calendar days inside [from, to): days [firstDay, endDay) (ISO dates) covering the instants
 * [start, end); undefined when there is none. The rest of the period, [from, start) and [end, to), is partial days.
 */
export function wholeVietnamDays(from: Date, to: Date): { start: Date; end: Date; firstDay: string; endDay: string } | undefined {
  // The first day that starts at or after `from`, and the day `to` falls in (it ends after `to`).
  const fromDay = localDayOf(from);
  const firstDay = instantAt(fromDay, 0) === from.getTime() ? fromDay : fromDay + 1;
  const endDay = localDayOf(to);
  if (endDay <= firstDay) return undefined;
  return { start: new Date(instantAt(firstDay, 0)), end: new Date(instantAt(endDay, 0)), firstDay: formatDayIndex(firstDay), endDay: formatDayIndex(endDay) };
}

export type MisrouteRow = { unitCode: string; unitName: string; returned: number; passedOnQuickly: number };

/**
 * Per unit of the subtree, transfers decided in [from, to): those the unit asked for and got back (returned), and
 * those it passed on (accepted elsewhere) within `days` of receiving the case (when it was opened there, or the
 * latest transfer into the unit before the request was accepted).
 */
export async function countMisroutesByUnit(q: Queryable, f: { scopePath: string; from: Date; to: Date; days: number }): Promise<MisrouteRow[]> {
  const rows = await q.query<{ code: string; full_name: string; returned: number; passed_on_quickly: number }>(
    `WITH decided AS (
       SELECT t.from_unit_id, t.status, t.requested_at,
              coalesce((SELECT max(i.decided_at) FROM case_transfers i
                         WHERE i.case_id = t.case_id AND i.to_unit_id = t.from_unit_id AND i.status = 'accepted' AND i.decided_at <= t.requested_at),
                       c.created_at) AS received_at
         FROM case_transfers t JOIN cases c ON c.id = t.case_id
        WHERE t.status <> 'pending' AND t.decided_at >= $2::timestamptz AND t.decided_at < $3::timestamptz
     ), counted AS (
       SELECT from_unit_id,
              count(*) FILTER (WHERE status = 'returned')::int AS returned,
              count(*) FILTER (WHERE status = 'accepted' AND requested_at < received_at + make_interval(days => $4::int))::int AS passed_on_quickly
         FROM decided GROUP BY from_unit_id
     )
     SELECT u.code, u.full_name, k.returned, k.passed_on_quickly
       FROM counted k JOIN units u ON u.id = k.from_unit_id
      WHERE (u.path = $1 OR u.path LIKE $1 || '/%') AND k.returned + k.passed_on_quickly > 0
      ORDER BY k.returned + k.passed_on_quickly DESC, u.code`,
    [f.scopePath, f.from, f.to, f.days],
  );
  return rows.map((r) => ({ unitCode: r.code, unitName: r.full_name, returned: r.returned, passedOnQuickly: r.passed_on_quickly }));
}
