import type { Queryable } from '../db/client.ts';
import { insertPendingAudit } from '../db/repositories/audit.repo.ts';

export type AuditActor = { type: 'staff' | 'citizen'; id: string | null } | { type: 'system' };

/**
 * Records one audit entry inside the caller's transaction, so it commits or rolls back with the change it
 * describes. It takes no lock: the sealer (seal-audit-log.ts) links committed entries into the hash chain.
 */
export async function appendAudit(tx: Queryable, e: { caseId: string; at: Date; actor: AuditActor; action: string; payload?: Record<string, unknown> }): Promise<void> {
  await insertPendingAudit(tx, { caseId: e.caseId, at: e.at, actor: auditActorName(e.actor), action: e.action, payload: e.payload ?? {} });
}

/** How an entry names its actor ('staff:<id>', 'citizen:<id>', 'system'); intake writes its entry itself. */
export function auditActorName(actor: AuditActor): string {
  return actor.type === 'system' ? 'system' : `${actor.type}:${actor.id ?? 'unknown'}`;
}
