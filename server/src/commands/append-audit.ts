import type { Queryable } from '../db/client.ts';
import { findLastAuditRow, insertAuditRow, lockAuditChain } from '../db/repositories/audit.repo.ts';
import { GENESIS_HASH, hashAuditEntry } from '../domain/audit/audit-chain.ts';

export type AuditActor = { type: 'staff' | 'citizen'; id: string | null } | { type: 'system' };

/**
 * Appends one link to the audit chain inside the caller's transaction, so the record commits or rolls back with
 * the change it describes. Call it last in the transaction: it holds the chain's lock until commit.
 */
export async function appendAudit(tx: Queryable, e: { caseId: string; at: Date; actor: AuditActor; action: string; payload?: Record<string, unknown> }): Promise<void> {
  await lockAuditChain(tx);
  const last = await findLastAuditRow(tx);
  const actor = e.actor.type === 'system' ? 'system' : `${e.actor.type}:${e.actor.id ?? 'unknown'}`;
  // Through JSON once so the hashed payload is exactly what jsonb will give back (no undefined, dates as text).
  const payload = JSON.parse(JSON.stringify(e.payload ?? {})) as Record<string, unknown>;
  const entry = { seq: (last?.seq ?? 0) + 1, caseId: e.caseId, at: e.at, actor, action: e.action, payload, prevHash: last?.hash ?? GENESIS_HASH };
  await insertAuditRow(tx, { ...entry, hash: hashAuditEntry(entry) });
}
