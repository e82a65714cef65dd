import type { Queryable } from '../client.ts';

/**
 * For each case, the unit paths whose staff may read it: the lead unit, coordinating units and units asked to
 * take it over (the same reach as `getCaseForActor` for case.read). Cases that no longer exist are absent.
 */
export async function findCaseAudiences(q: Queryable, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await q.query<{ case_id: string; path: string }>(
    `SELECT c.id AS case_id, u.path FROM cases c JOIN units u ON u.id = c.unit_id WHERE c.id = ANY($1::uuid[])
     UNION SELECT cu.case_id, u.path FROM case_coordinating_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.case_id = ANY($1::uuid[])
     UNION SELECT t.case_id, u.path FROM case_transfers t JOIN units u ON u.id = t.to_unit_id WHERE t.case_id = ANY($1::uuid[]) AND t.status = 'pending'`,
    [caseIds],
  );
  const audiences = new Map<string, string[]>();
  for (const r of rows) audiences.set(r.case_id, [...(audiences.get(r.case_id) ?? []), r.path]);
  return audiences;
}

/** The paths of units by id (units that stopped reading a case, for live updates). */
export async function findUnitPaths(q: Queryable, unitIds: readonly string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await q.query<{ id: string; path: string }>('SELECT id, path FROM units WHERE id = ANY($1::uuid[])', [unitIds]);
  return new Map(rows.map((r) => [r.id, r.path]));
}
