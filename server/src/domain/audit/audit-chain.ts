import { createHash } from 'node:crypto';

/** One audit row as it is hashed: every column except `hash` itself. */
export type AuditEntry = {
  seq: number;
  /** Null for a change to the city's settings (routing rules, calendar, working hours). */
  caseId: string | null;
  at: Date;
  actor: string;
  action: string;
  payload: Record<string, unknown>;
  prevHash: string;
};

/** The previous hash of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same row always gives the same bytes
 * (jsonb does not keep key order). Undefined object members are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256(prev_hash || canonical JSON of the row), hex. */
export function hashAuditEntry(e: AuditEntry): string {
  const row = { seq: e.seq, caseId: e.caseId, at: e.at.toISOString(), actor: e.actor, action: e.action, payload: e.payload, prevHash: e.prevHash };
  return createHash('sha256').update(e.prevHash).update(canonicalJson(row)).digest('hex');
}

export type ChainBreak = { seq: number; reason: 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' };

/**
 * Checks consecutive rows (ordered by seq) against the last verified row before them (`after`, or the start of
 * the chain). Returns the first broken link, or null when every row is intact.
 */
export function findChainBreak(rows: readonly (AuditEntry & { hash: string })[], after: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): ChainBreak | null {
  let prev = after;
  for (const r of rows) {
    if (r.seq !== prev.seq + 1) return { seq: r.seq, reason: 'seq_gap' };
    if (r.prevHash !== prev.hash) return { seq: r.seq, reason: 'prev_hash_mismatch' };
    if (hashAuditEntry(r) !== r.hash) return { seq: r.seq, reason: 'hash_mismatch' };
    prev = { seq: r.seq, hash: r.hash };
  }
  return null;
}
