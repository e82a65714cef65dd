import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoutingRule } from '../../domain/routing/route-case.ts';
import type { Queryable } from '../client.ts';

const RULES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../reference-data/routing/rules.json');

type SeedRule = { priority: number; match: RoutingRule['match']; target: 'place' | 'unit'; unit?: string; fallbackUnit?: string; description: { vi: string; en: string } };

/** Seeds the starting routing rules once (when the table is empty); city administrators edit them afterwards. */
export async function seedRoutingRules(q: Queryable, at: Date): Promise<number> {
  const existing = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM routing_rules');
  if ((existing[0]?.n ?? 0) > 0) return 0;
  const { rules } = JSON.parse(readFileSync(RULES_FILE, 'utf8')) as { rules: SeedRule[] };
  for (const r of rules) {
    await q.query(
      `INSERT INTO routing_rules (priority, match, target_kind, target_unit_id, description, updated_at)
       VALUES ($1, $2::jsonb, $3, (SELECT id FROM units WHERE code = $4), $5::jsonb, $6)`,
      [r.priority, JSON.stringify({ ...r.match, ...(r.fallbackUnit ? { fallbackUnit: r.fallbackUnit } : {}) }), r.target, r.unit ?? null, JSON.stringify(r.description), at],
    );
  }
  return rules.length;
}

/** The enabled routing rules with their target unit codes. */
export async function listRoutingRules(q: Queryable): Promise<RoutingRule[]> {
  const rows = await q.query<{ id: string; priority: number; match: RoutingRule['match'] & { fallbackUnit?: string }; target_kind: 'place' | 'unit'; unit_code: string | null; description: { vi: string; en: string } }>(
    `SELECT r.id, r.priority, r.match, r.target_kind, u.code AS unit_code, r.description
       FROM routing_rules r LEFT JOIN units u ON u.id = r.target_unit_id WHERE r.enabled ORDER BY r.priority`,
    [],
    { name: 'routing.list' },
  );
  return rows.map((r) => {
    const { fallbackUnit, ...match } = r.match;
    return {
      id: r.id,
      priority: r.priority,
      match,
      target: r.target_kind === 'unit' && r.unit_code ? { kind: 'unit', unitCode: r.unit_code } : { kind: 'place' },
      fallbackUnitCode: fallbackUnit ?? null,
      description: r.description,
    };
  });
}

export async function insertTriageLabel(
  q: Queryable,
  l: { caseId: string; text: string; type: string; category: string | null; procedure: string | null; urgent: boolean; predicted: unknown; staffId: string; at: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO triage_labels (case_id, text, type, category, procedure, urgent, predicted, labelled_by, labelled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [l.caseId, l.text, l.type, l.category, l.procedure, l.urgent, JSON.stringify(l.predicted), l.staffId, l.at],
  );
}

/** Every officer correction, newest last: training material for `gandan triage train`. */
export async function listTriageLabels(q: Queryable): Promise<{ id: number; text: string; type: string; category: string | null; procedure: string | null; urgent: boolean }[]> {
  return q.query('SELECT id, text, type, category, procedure, urgent FROM triage_labels ORDER BY id');
}
