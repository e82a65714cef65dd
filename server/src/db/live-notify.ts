/**
 * The one PostgreSQL notification channel that carries live updates to consoles. Payloads hold ids and kinds
 * only (never personal data): clients refetch what they show. `pg_notify` inside the writing statement makes the
 * notification part of its transaction, so it is delivered on commit and never for a rolled-back change.
 */
export const LIVE_CHANNEL = 'gandan_live';

/**
 * SQL expression notifying that a case changed (`caseId`, `kind` and `alsoUnitId` are SQL expressions).
 * `alsoUnitId`: a unit that no longer reads the case after this change (the lead unit it moved away from, a
 * coordinating unit removed, a unit that returned a transfer), whose consoles must hear of it too.
 */
export function notifyCaseChangedSql(caseId: string, kind: string, alsoUnitId = 'NULL::uuid'): string {
  return `pg_notify('${LIVE_CHANNEL}', json_strip_nulls(json_build_object('t', 'case', 'c', ${caseId}, 'k', ${kind}, 'u', ${alsoUnitId}))::text)`;
}

/** SQL expression notifying a staff member that their notifications changed. */
export function notifyStaffSql(staffId: string): string {
  return `pg_notify('${LIVE_CHANNEL}', json_build_object('t', 'notification', 's', ${staffId})::text)`;
}
