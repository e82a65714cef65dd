import type { RoutingRule } from '../../domain/routing/route-case.ts';
import type { Queryable } from '../client.ts';

/** A stored rule as administrators see it: enabled or not, with who changed it last. */
export type StoredRoutingRule = RoutingRule & { enabled: boolean; updatedAt: Date; updatedBy: string | null };

type DbRule = {
  id: string;
  priority: number;
  match: RoutingRule['match'] & { fallbackUnit?: string };
  target_kind: 'place' | 'unit';
  unit_code: string | null;
  description: { vi: string; en: string };
  enabled: boolean;
  updated_at: Date;
  updated_by_name: string | null;
};

const SELECT_RULES = `SELECT r.id, r.priority, r.match, r.target_kind, u.code AS unit_code, r.description, r.enabled, r.updated_at, s.name AS updated_by_name
                        FROM routing_rules r LEFT JOIN units u ON u.id = r.target_unit_id LEFT JOIN staff_users s ON s.id = r.updated_by`;

function toRule(r: DbRule): StoredRoutingRule {
  const { fallbackUnit, ...match } = r.match;
  return {
    id: r.id,
    priority: r.priority,
    match,
    target: r.target_kind === 'unit' && r.unit_code ? { kind: 'unit', unitCode: r.unit_code } : { kind: 'place' },
    fallbackUnitCode: fallbackUnit ?? null,
    description: r.description,
    enabled: r.enabled,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name,
  };
}

/** Every rule, enabled or not, in priority order. */
export async function listAllRoutingRules(q: Queryable): Promise<StoredRoutingRule[]> {
  return (await q.query<DbRule>(`${SELECT_RULES} ORDER BY r.priority, r.id`)).map(toRule);
}

export async function findRoutingRule(q: Queryable, id: string): Promise<StoredRoutingRule | undefined> {
  const rows = await q.query<DbRule>(`${SELECT_RULES} WHERE r.id = $1`, [id]);
  return rows[0] && toRule(rows[0]);
}

export type RoutingRuleWrite = {
  priority: number;
  match: RoutingRule['match'];
  target: RoutingRule['target'];
  fallbackUnitCode: string | null;
  description: { vi: string; en: string };
  enabled: boolean;
  staffId: string;
  at: Date;
};

// The fallback unit lives in the match document, as the seed data has it (no column of its own).
const matchDocument = (w: RoutingRuleWrite) =>
  JSON.stringify({ ...w.match, ...(w.fallbackUnitCode ? { fallbackUnit: w.fallbackUnitCode } : {}) });

/** Inserts a rule; returns its id. Unit codes must exist (checked by the caller). */
export async function insertRoutingRule(q: Queryable, w: RoutingRuleWrite): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO routing_rules (priority, match, target_kind, target_unit_id, description, enabled, updated_at, updated_by)
     VALUES ($1, $2::jsonb, $3, (SELECT id FROM units WHERE code = $4), $5::jsonb, $6, $7, $8) RETURNING id`,
    [
      w.priority,
      matchDocument(w),
      w.target.kind,
      w.target.kind === 'unit' ? w.target.unitCode : null,
      JSON.stringify(w.description),
      w.enabled,
      w.at,
      w.staffId,
    ],
  );
  return rows[0]!.id;
}

export async function updateRoutingRule(q: Queryable, id: string, w: RoutingRuleWrite): Promise<void> {
  await q.query(
    `UPDATE routing_rules SET priority = $2, match = $3::jsonb, target_kind = $4, target_unit_id = (SELECT id FROM units WHERE code = $5),
            description = $6::jsonb, enabled = $7, updated_at = $8, updated_by = $9
      WHERE id = $1`,
    [
      id,
      w.priority,
      matchDocument(w),
      w.target.kind,
      w.target.kind === 'unit' ? w.target.unitCode : null,
      JSON.stringify(w.description),
      w.enabled,
      w.at,
      w.staffId,
    ],
  );
}

/** Sets the priorities of the given rules in one statement. */
export async function setRoutingPriorities(
  q: Queryable,
  priorities: readonly { id: string; priority: number }[],
  staffId: string,
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE routing_rules r SET priority = p.priority, updated_at = $3, updated_by = $4
       FROM unnest($1::uuid[], $2::int[]) AS p(id, priority)
      WHERE r.id = p.id AND r.priority IS DISTINCT FROM p.priority`,
    [priorities.map((p) => p.id), priorities.map((p) => p.priority), at, staffId],
  );
}
