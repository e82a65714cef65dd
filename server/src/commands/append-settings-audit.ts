import type { Queryable } from '../db/client.ts';
import { findLastAuditRow, lockAuditChain, sealAuditRows } from '../db/repositories/audit.repo.ts';
import { GENESIS_HASH, hashAuditEntry } from '../domain/audit/audit-chain.ts';

/**
 * Links one change to the city's settings (routing rules, calendar, working hours) straight into the audit hash
 * chain, with no case, inside the caller's transaction: it commits or rolls back with the change. Unlike case
 * changes (queued in audit_pending and sealed by the worker) it takes the chain's lock until commit; settings
 * change a few times a year, so that costs nothing, and the entry is readable at once. Call it last.
 */
export async function appendSettingsAudit(
  tx: Queryable,
  e: { at: Date; staffId: string; action: string; payload: Record<string, unknown> },
): Promise<void> {
  await lockAuditChain(tx);
  const last = (await findLastAuditRow(tx)) ?? { seq: 0, hash: GENESIS_HASH };
  // Through JSON once so the hashed payload is exactly what jsonb gives back (no undefined, dates as text).
  const payload = JSON.parse(JSON.stringify(e.payload)) as Record<string, unknown>;
  const entry = {
    seq: last.seq + 1,
    caseId: null,
    at: e.at,
    actor: `staff:${e.staffId}`,
    action: e.action,
    payload,
    prevHash: last.hash,
  };
  await sealAuditRows(tx, [{ ...entry, hash: hashAuditEntry(entry) }], []);
}
