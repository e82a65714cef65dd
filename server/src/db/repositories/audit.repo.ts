import type { AuditEntry } from '../../domain/audit/audit-chain.ts';
import type { Queryable } from '../client.ts';

/** A stored audit row: the hashed entry plus its hash. */
export type AuditRow = AuditEntry & { hash: string };

type DbAudit = { seq: number; case_id: string | null; at: Date; actor: string; action: string; payload: Record<string, unknown>; prev_hash: string; hash: string };

const toRow = (r: DbAudit): AuditRow => ({ seq: Number(r.seq), caseId: r.case_id, at: r.at, actor: r.actor, action: r.action, payload: r.payload, prevHash: r.prev_hash, hash: r.hash });

/** Serialises sealers of the chain until the transaction ends (one order, no two rows with the same prev_hash). */
export async function lockAuditChain(q: Queryable): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('gandan.audit'))");
}

export async function findLastAuditRow(q: Queryable): Promise<{ seq: number; hash: string } | undefined> {
  const rows = await q.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : undefined;
}

/** An entry waiting to be linked into the chain (written by the change it describes, without any lock). */
export type PendingAudit = { id: number; caseId: string; at: Date; actor: string; action: string; payload: Record<string, unknown> };

export async function insertPendingAudit(q: Queryable, e: Omit<PendingAudit, 'id'>): Promise<void> {
  await q.query('INSERT INTO audit_pending (case_id, at, actor, action, payload) VALUES ($1, $2, $3, $4, $5::jsonb)', [e.caseId, e.at, e.actor, e.action, JSON.stringify(e.payload)], {
    name: 'audit_pending_insert',
  });
}

/** The oldest committed pending entries, in the order they were written. */
export async function listPendingAudit(q: Queryable, limit: number): Promise<PendingAudit[]> {
  const rows = await q.query<{ id: number; case_id: string; at: Date; actor: string; action: string; payload: Record<string, unknown> }>(
    'SELECT id, case_id, at, actor, action, payload FROM audit_pending ORDER BY id LIMIT $1',
    [limit],
  );
  return rows.map((r) => ({ id: Number(r.id), caseId: r.case_id, at: r.at, actor: r.actor, action: r.action, payload: r.payload }));
}

/** Links rows into the chain and removes their pending entries (one statement each, inside the sealer's transaction). */
export async function sealAuditRows(q: Queryable, rows: readonly AuditRow[], pendingIds: readonly number[]): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (seq, case_id, at, actor, action, payload, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[])`,
    [
      rows.map((r) => r.seq),
      rows.map((r) => r.caseId),
      rows.map((r) => r.at),
      rows.map((r) => r.actor),
      rows.map((r) => r.action),
      rows.map((r) => JSON.stringify(r.payload)),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
    ],
  );
  await q.query('DELETE FROM audit_pending WHERE id = ANY($1::bigint[])', [pendingIds]);
}

/** Rows with seq > afterSeq, in chain order (verification reads the chain in pages). */
export async function listAuditRowsAfter(q: Queryable, afterSeq: number, limit: number): Promise<AuditRow[]> {
  const rows = await q.query<DbAudit>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
  return rows.map(toRow);
}

/** Rows in [from, to) of cases whose current unit is in the subtree, in chain order. */
export async function listAuditRowsInScope(q: Queryable, f: { scopePath: string; from: Date | undefined; to: Date | undefined; afterSeq: number; limit: number }): Promise<AuditRow[]> {
  const rows = await q.query<DbAudit>(
    `SELECT a.* FROM audit_log a JOIN cases c ON c.id = a.case_id JOIN units u ON u.id = c.unit_id
      WHERE (u.path = $1 OR u.path LIKE $1 || '/%') AND ($2::timestamptz IS NULL OR a.at >= $2) AND ($3::timestamptz IS NULL OR a.at < $3) AND a.seq > $4
      ORDER BY a.seq LIMIT $5`,
    [f.scopePath, f.from ?? null, f.to ?? null, f.afterSeq, f.limit],
  );
  return rows.map(toRow);
}
