import type { Queryable } from '../client.ts';

export type TransferStatus = 'pending' | 'accepted' | 'returned';

export type TransferRow = {
  id: string;
  caseId: string;
  fromUnit: { id: string; code: string; name: string; path: string };
  toUnit: { id: string; code: string; name: string; path: string };
  requestedBy: { id: string; name: string };
  requestedAt: Date;
  reason: string;
  status: TransferStatus;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  returnReason: string | null;
};

type DbTransfer = {
  id: string;
  case_id: string;
  from_unit_id: string;
  from_code: string;
  from_name: string;
  from_path: string;
  to_unit_id: string;
  to_code: string;
  to_name: string;
  to_path: string;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  reason: string;
  status: TransferStatus;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  return_reason: string | null;
};

const SELECT_TRANSFER = `
  SELECT t.*, fu.code AS from_code, fu.full_name AS from_name, fu.path AS from_path,
         tu.code AS to_code, tu.full_name AS to_name, tu.path AS to_path,
         rs.name AS requested_by_name, ds.name AS decided_by_name
    FROM case_transfers t
    JOIN units fu ON fu.id = t.from_unit_id
    JOIN units tu ON tu.id = t.to_unit_id
    JOIN staff_users rs ON rs.id = t.requested_by
    LEFT JOIN staff_users ds ON ds.id = t.decided_by`;

function toTransfer(r: DbTransfer): TransferRow {
  return {
    id: r.id,
    caseId: r.case_id,
    fromUnit: { id: r.from_unit_id, code: r.from_code, name: r.from_name, path: r.from_path },
    toUnit: { id: r.to_unit_id, code: r.to_code, name: r.to_name, path: r.to_path },
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    requestedAt: r.requested_at,
    reason: r.reason,
    status: r.status,
    decidedBy: r.decided_by && r.decided_by_name ? { id: r.decided_by, name: r.decided_by_name } : null,
    decidedAt: r.decided_at,
    returnReason: r.return_reason,
  };
}

export async function insertTransfer(
  q: Queryable,
  t: { caseId: string; fromUnitId: string; toUnitId: string; requestedBy: string; reason: string; at: Date },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    'INSERT INTO case_transfers (case_id, from_unit_id, to_unit_id, requested_by, requested_at, reason) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [t.caseId, t.fromUnitId, t.toUnitId, t.requestedBy, t.at, t.reason],
  );
  return rows[0]!.id;
}

export async function findTransfer(q: Queryable, id: string): Promise<TransferRow | undefined> {
  const rows = await q.query<DbTransfer>(`${SELECT_TRANSFER} WHERE t.id = $1`, [id]);
  return rows[0] ? toTransfer(rows[0]) : undefined;
}

export async function findPendingTransfer(q: Queryable, caseId: string): Promise<TransferRow | undefined> {
  const rows = await q.query<DbTransfer>(`${SELECT_TRANSFER} WHERE t.case_id = $1 AND t.status = 'pending'`, [caseId]);
  return rows[0] ? toTransfer(rows[0]) : undefined;
}

export async function listTransfersOfCase(q: Queryable, caseId: string): Promise<TransferRow[]> {
  const rows = await q.query<DbTransfer>(`${SELECT_TRANSFER} WHERE t.case_id = $1 ORDER BY t.requested_at, t.id`, [caseId]);
  return rows.map(toTransfer);
}

/** Records the receiving unit's decision; false when the transfer was no longer pending. */
export async function decideTransfer(q: Queryable, id: string, d: { status: 'accepted' | 'returned'; by: string; at: Date; returnReason: string | null }): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    "UPDATE case_transfers SET status = $2, decided_by = $3, decided_at = $4, return_reason = $5 WHERE id = $1 AND status = 'pending' RETURNING id",
    [id, d.status, d.by, d.at, d.returnReason],
  );
  return rows.length === 1;
}

/** The lead unit changes: nobody is in charge there yet and the case starts again as new. */
export async function moveCaseToUnit(q: Queryable, caseId: string, unitId: string, at: Date): Promise<void> {
  await q.query("UPDATE cases SET unit_id = $2, assignee_id = NULL, status = 'new', updated_at = $3 WHERE id = $1", [caseId, unitId, at]);
  await q.query('DELETE FROM case_coordinating_units WHERE case_id = $1 AND unit_id = $2', [caseId, unitId]);
}

export type CoordinatingUnitRow = { unitId: string; code: string; name: string; addedAt: Date };

export async function listCoordinatingUnits(q: Queryable, caseId: string): Promise<CoordinatingUnitRow[]> {
  const rows = await q.query<{ unit_id: string; code: string; full_name: string; added_at: Date }>(
    'SELECT cu.unit_id, u.code, u.full_name, cu.added_at FROM case_coordinating_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.case_id = $1 ORDER BY cu.added_at, u.code',
    [caseId],
  );
  return rows.map((r) => ({ unitId: r.unit_id, code: r.code, name: r.full_name, addedAt: r.added_at }));
}

/** False when the unit already coordinates the case. */
export async function insertCoordinatingUnit(q: Queryable, c: { caseId: string; unitId: string; by: string; at: Date }): Promise<boolean> {
  const rows = await q.query<{ unit_id: string }>(
    'INSERT INTO case_coordinating_units (case_id, unit_id, added_by, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING unit_id',
    [c.caseId, c.unitId, c.by, c.at],
  );
  return rows.length === 1;
}

/** False when the unit did not coordinate the case. */
export async function deleteCoordinatingUnit(q: Queryable, caseId: string, unitId: string): Promise<boolean> {
  const rows = await q.query<{ unit_id: string }>('DELETE FROM case_coordinating_units WHERE case_id = $1 AND unit_id = $2 RETURNING unit_id', [caseId, unitId]);
  return rows.length === 1;
}

/** True when a unit of the subtree coordinates the case (its staff may read it and add notes). */
export async function isCoordinatingInScope(q: Queryable, caseId: string, scopePath: string): Promise<boolean> {
  const rows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM case_coordinating_units cu JOIN units u ON u.id = cu.unit_id
      WHERE cu.case_id = $1 AND (u.path = $2 OR u.path LIKE $2 || '/%')`,
    [caseId, scopePath],
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** True when the case waits for a unit of the subtree to accept it (its staff may read it to decide). */
export async function isIncomingInScope(q: Queryable, caseId: string, scopePath: string): Promise<boolean> {
  const rows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM case_transfers t JOIN units u ON u.id = t.to_unit_id
      WHERE t.case_id = $1 AND t.status = 'pending' AND (u.path = $2 OR u.path LIKE $2 || '/%')`,
    [caseId, scopePath],
  );
  return (rows[0]?.n ?? 0) > 0;
}
