import type { VisitResultReturn, VisitState } from '../../../../contracts/enums.ts';
import type { VisitSlot } from '../../domain/visit/visit-slots.ts';
import type { Queryable } from '../client.ts';

export type HomeService = { allowed: boolean; conditions: string; basis: string; confidence: string };
export type HomeServiceProcedure = { code: string; shortName: string; feeVnd: number | null; homeService: HomeService };

export type FieldVisitRow = {
  id: string;
  caseId: string;
  unitId: string;
  procedureCode: string;
  procedureName: string;
  state: VisitState;
  confirmedSlot: number | null;
  officerId: string | null;
  officerName: string | null;
  feeVnd: number | null;
  receiptNumber: string | null;
  resultReturn: VisitResultReturn | null;
  closeReason: string | null;
  offeredAt: Date;
  confirmedAt: Date | null;
  dispatchedAt: Date | null;
  departedAt: Date | null;
  collectedAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  firstMessageAt: Date;
  elapsedMs: number | null;
  slots: (VisitSlot & { number: number })[];
};

type DbVisit = {
  id: string;
  case_id: string;
  unit_id: string;
  procedure_code: string;
  procedure_name: string;
  state: VisitState;
  confirmed_slot: number | null;
  officer_id: string | null;
  officer_name: string | null;
  fee_vnd: number | null;
  receipt_number: string | null;
  result_return: VisitResultReturn | null;
  close_reason: string | null;
  offered_at: Date;
  confirmed_at: Date | null;
  dispatched_at: Date | null;
  departed_at: Date | null;
  collected_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  first_message_at: Date;
  elapsed_ms: number | null;
};

const SELECT_VISIT = `
  SELECT v.*, p.short_name AS procedure_name, s.name AS officer_name
    FROM field_visits v
    JOIN procedures p ON p.code = v.procedure_code
    LEFT JOIN staff_users s ON s.id = v.officer_id`;

async function withSlots(q: Queryable, rows: DbVisit[]): Promise<FieldVisitRow[]> {
  if (rows.length === 0) return [];
  const slots = await q.query<{ visit_id: string; number: number; starts_at: Date; ends_at: Date }>(
    'SELECT visit_id, number, starts_at, ends_at FROM field_visit_slots WHERE visit_id = ANY($1::uuid[]) ORDER BY number',
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    unitId: r.unit_id,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    state: r.state,
    confirmedSlot: r.confirmed_slot,
    officerId: r.officer_id,
    officerName: r.officer_name,
    feeVnd: r.fee_vnd,
    receiptNumber: r.receipt_number,
    resultReturn: r.result_return,
    closeReason: r.close_reason,
    offeredAt: r.offered_at,
    confirmedAt: r.confirmed_at,
    dispatchedAt: r.dispatched_at,
    departedAt: r.departed_at,
    collectedAt: r.collected_at,
    completedAt: r.completed_at,
    closedAt: r.closed_at,
    firstMessageAt: r.first_message_at,
    elapsedMs: r.elapsed_ms,
    slots: slots.filter((s) => s.visit_id === r.id).map((s) => ({ number: s.number, startsAt: s.starts_at, endsAt: s.ends_at })),
  }));
}

/** Procedures of the catalogue that may be done at the citizen's home, by name. */
export async function listHomeServiceProcedures(q: Queryable): Promise<HomeServiceProcedure[]> {
  const rows = await q.query<{ code: string; short_name: string; fees: { amount_vnd?: number | null }[]; home_service: HomeService }>(
    `SELECT code, short_name, fees, home_service FROM procedures WHERE (home_service->>'allowed')::boolean ORDER BY short_name`,
  );
  return rows.map((r) => ({ code: r.code, shortName: r.short_name, feeVnd: r.fees[0]?.amount_vnd ?? null, homeService: r.home_service }));
}

/** The case's active visit (not done, cancelled or missed), locked for the rest of the transaction when asked. */
export async function findActiveVisit(q: Queryable, caseId: string, lock = false): Promise<FieldVisitRow | undefined> {
  const rows = await q.query<DbVisit>(
    `${SELECT_VISIT} WHERE v.case_id = $1 AND v.state NOT IN ('done', 'cancelled', 'no_show')${lock ? ' FOR UPDATE OF v' : ''}`,
    [caseId],
  );
  return (await withSlots(q, rows))[0];
}

/** The case's visits, latest first. */
export async function listVisitsOfCase(q: Queryable, caseId: string): Promise<FieldVisitRow[]> {
  return withSlots(q, await q.query<DbVisit>(`${SELECT_VISIT} WHERE v.case_id = $1 ORDER BY v.offered_at DESC, v.id`, [caseId]));
}

/** When the case began for the citizen: their first message, or the case's creation when there is none (phone). */
export async function findFirstMessageAt(q: Queryable, caseId: string): Promise<Date> {
  const [row] = await q.query<{ at: Date }>(
    `SELECT coalesce((SELECT min(created_at) FROM messages WHERE case_id = c.id AND direction = 'in'), c.created_at) AS at
       FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  if (!row) throw new Error('case not found');
  return row.at;
}

export async function insertVisit(
  q: Queryable,
  v: { caseId: string; unitId: string; procedureCode: string; officerId: string | null; offeredBy: string; firstMessageAt: Date; slots: readonly VisitSlot[]; at: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO field_visits (case_id, unit_id, procedure_code, state, officer_id, offered_by, offered_at, first_message_at, updated_at)
     VALUES ($1, $2, $3, 'offered', $4, $5, $6, $7, $6) RETURNING id`,
    [v.caseId, v.unitId, v.procedureCode, v.officerId, v.offeredBy, v.at, v.firstMessageAt],
  );
  const id = row!.id;
  for (const [i, s] of v.slots.entries()) {
    await q.query('INSERT INTO field_visit_slots (visit_id, number, starts_at, ends_at) VALUES ($1, $2, $3, $4)', [id, i + 1, s.startsAt, s.endsAt]);
  }
  return id;
}

/** The fields a step of the visit sets; the timestamp column follows the new state. */
export type VisitChange = {
  state: VisitState;
  at: Date;
  confirmedSlot?: number;
  officerId?: string;
  feeVnd?: number;
  receiptNumber?: string | null;
  resultReturn?: VisitResultReturn;
  closeReason?: string;
  elapsedMs?: number;
};

const STAMP: Record<VisitState, string> = {
  offered: 'offered_at',
  confirmed: 'confirmed_at',
  dispatched: 'dispatched_at',
  on_the_way: 'departed_at',
  collected: 'collected_at',
  done: 'completed_at',
  cancelled: 'closed_at',
  no_show: 'closed_at',
};

export async function updateVisit(q: Queryable, id: string, c: VisitChange): Promise<void> {
  await q.query(
    `UPDATE field_visits SET state = $2, ${STAMP[c.state]} = $3, updated_at = $3,
        confirmed_slot = coalesce($4, confirmed_slot), officer_id = coalesce($5, officer_id), fee_vnd = coalesce($6, fee_vnd),
        receipt_number = coalesce($7, receipt_number), result_return = coalesce($8, result_return),
        close_reason = coalesce($9, close_reason), elapsed_ms = coalesce($10, elapsed_ms)
      WHERE id = $1`,
    [id, c.state, c.at, c.confirmedSlot ?? null, c.officerId ?? null, c.feeVnd ?? null, c.receiptNumber ?? null, c.resultReturn ?? null, c.closeReason ?? null, c.elapsedMs ?? null],
  );
}

/** Confirmed slots of the officer's other active visits (what they are already booked for). */
export async function listOfficerBookings(q: Queryable, officerId: string, exceptVisitId: string | null): Promise<VisitSlot[]> {
  const rows = await q.query<{ starts_at: Date; ends_at: Date }>(
    `SELECT s.starts_at, s.ends_at
       FROM field_visits v JOIN field_visit_slots s ON s.visit_id = v.id AND s.number = v.confirmed_slot
      WHERE v.officer_id = $1 AND v.state IN ('confirmed', 'dispatched', 'on_the_way', 'collected') AND v.id IS DISTINCT FROM $2::uuid`,
    [officerId, exceptVisitId],
  );
  return rows.map((r) => ({ startsAt: r.starts_at, endsAt: r.ends_at }));
}

export type VisitReportRow = { unitCode: string; unitName: string; elapsedMs: number[]; cancelled: number; noShow: number };

/**
 * Per unit of the scope: elapsed times of the visits completed in [from, to), and the visits cancelled or missed
 * in that period.
 */
export async function listVisitOutcomesByUnit(q: Queryable, f: { scopePath: string; from: Date; to: Date }): Promise<VisitReportRow[]> {
  const rows = await q.query<{ unit_code: string; unit_name: string; elapsed: (number | string)[] | null; cancelled: number; no_show: number }>(
    `SELECT u.code AS unit_code, u.full_name AS unit_name,
            array_agg(v.elapsed_ms ORDER BY v.elapsed_ms) FILTER (WHERE v.state = 'done') AS elapsed,
            count(*) FILTER (WHERE v.state = 'cancelled')::int AS cancelled,
            count(*) FILTER (WHERE v.state = 'no_show')::int AS no_show
       FROM field_visits v JOIN units u ON u.id = v.unit_id
      WHERE (u.path = $1 OR u.path LIKE $1 || '/%')
        AND ((v.state = 'done' AND v.completed_at >= $2 AND v.completed_at < $3)
          OR (v.state IN ('cancelled', 'no_show') AND v.closed_at >= $2 AND v.closed_at < $3))
      GROUP BY u.code, u.full_name
      ORDER BY u.full_name`,
    [f.scopePath, f.from, f.to],
  );
  return rows.map((r) => ({ unitCode: r.unit_code, unitName: r.unit_name, elapsedMs: (r.elapsed ?? []).map(Number), cancelled: r.cancelled, noShow: r.no_show }));
}
