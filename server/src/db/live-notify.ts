/**
 * The one PostgreSQL notification channel that carries live updates to consoles. Payloads hold ids and kinds
 * only (never personal data): clients refetch what they show. `pg_notify` inside the writing statement makes the
 * notification part of its transaction, so it is delivered on commit and never for a rolled-back change.
 */
export const LIVE_CHANNEL = 'gandan_live';

/** SQL expression notifying that a case changed (`caseId` and `kind` are SQL expressions). */
export function notifyCaseChangedSql(caseId: string, kind: string): string {
  return `pg_notify('${LIVE_CHANNEL}', json_build_object('t', 'case', 'c', ${caseId}, 'k', ${kind})::text)`;
}

/** SQL expression notifying a staff member that their notifications changed. */
export function notifyStaffSql(staffId: string): string {
  return `pg_notify('${LIVE_CHANNEL}', json_build_object('t', 'notification', 's', ${staffId})::text)`;
}
