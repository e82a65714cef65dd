import type { Locale } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';

/** The unit's own acknowledgement template, else the city-wide default (unit_id NULL), else undefined. */
export async function findAckTemplate(q: Queryable, unitId: string, locale: Locale): Promise<{ body: string; isDefault: boolean } | undefined> {
  const rows = await q.query<{ body: string; unit_id: string | null }>(
    `SELECT body, unit_id FROM message_templates
      WHERE kind = 'acknowledgement' AND locale = $2 AND (unit_id = $1 OR unit_id IS NULL)
      ORDER BY unit_id NULLS LAST LIMIT 1`,
    [unitId, locale],
  );
  return rows[0] ? { body: rows[0].body, isDefault: rows[0].unit_id === null } : undefined;
}

export async function upsertAckTemplate(
  q: Queryable,
  t: { unitId: string | null; locale: Locale; body: string; at: Date; staffId: string | null },
): Promise<void> {
  const updated = await q.query(
    `UPDATE message_templates SET body = $3, updated_at = $4, updated_by = $5
      WHERE kind = 'acknowledgement' AND locale = $2 AND unit_id IS NOT DISTINCT FROM $1::uuid RETURNING id`,
    [t.unitId, t.locale, t.body, t.at, t.staffId],
  );
  if (updated.length > 0) return;
  await q.query(
    `INSERT INTO message_templates (unit_id, kind, locale, body, updated_at, updated_by) VALUES ($1, 'acknowledgement', $2, $3, $4, $5)`,
    [t.unitId, t.locale, t.body, t.at, t.staffId],
  );
}
