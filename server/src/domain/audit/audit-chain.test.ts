import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, findChainBreak, GENESIS_HASH, hashAuditEntry, type AuditEntry } from './audit-chain.ts';

test('canonical JSON sorts keys at every depth', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } }), '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
});

function chain(n: number): (AuditEntry & { hash: string })[] {
  const rows: (AuditEntry & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: AuditEntry = { seq, caseId: '00000000-0000-0000-0000-00000000000a', at: new Date(Date.UTC(2026, 0, seq)), actor: 'staff:x', action: 'note.added', payload: { n: seq }, prevHash: prev };
    const hash = hashAuditEntry(e);
    rows.push({ ...e, hash });
    prev = hash;
  }
  return rows;
}

test('an intact chain verifies; each kind of tampering is the first broken link', () => {
  const rows = chain(5);
  assert.equal(findChainBreak(rows), null);
  const edited = rows.map((r) => (r.seq === 3 ? { ...r, payload: { n: 33 } } : r));
  assert.deepEqual(findChainBreak(edited), { seq: 3, reason: 'hash_mismatch' });
  const rehashed = edited.map((r) => (r.seq === 3 ? { ...r, hash: hashAuditEntry(r) } : r));
  assert.deepEqual(findChainBreak(rehashed), { seq: 4, reason: 'prev_hash_mismatch' });
  assert.deepEqual(findChainBreak(rows.filter((r) => r.seq !== 2)), { seq: 3, reason: 'seq_gap' });
});
