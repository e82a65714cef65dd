import type { Db } from '../db/client.ts';
import { findLastAuditRow, listPendingAudit, lockAuditChain, sealAuditRows, type AuditRow } from '../db/repositories/audit.repo.ts';
import { GENESIS_HASH, hashAuditEntry } from '../domain/audit/audit-chain.ts';

/**
 * Links up to `limit` committed audit entries into the hash chain, oldest first, under the chain's lock (one
 * sealer at a time across processes; a second waits and then finds the entries gone). Returns how many it
 * sealed. The worker runs it continuously; readers of the chain run it before reading.
 */
export async function sealAuditLog(db: Db, limit = 500): Promise<number> {
  return db.transaction(async (tx) => {
    await lockAuditChain(tx);
    const pending = await listPendingAudit(tx, limit);
    if (pending.length === 0) return 0;
    let last = (await findLastAuditRow(tx)) ?? { seq: 0, hash: GENESIS_HASH };
    const rows: AuditRow[] = [];
    for (const p of pending) {
      const entry = { seq: last.seq + 1, caseId: p.caseId, at: p.at, actor: p.actor, action: p.action, payload: p.payload, prevHash: last.hash };
      const row = { ...entry, hash: hashAuditEntry(entry) };
      rows.push(row);
      last = row;
    }
    await sealAuditRows(tx, rows, pending.map((p) => p.id));
    return rows.length;
  });
}

/** Seals everything committed so far (readers call this so the chain they read holds every change). */
export async function sealAllAudit(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealAuditLog(db, 2000);
    total += n;
    if (n < 2000) return total;
  }
}
