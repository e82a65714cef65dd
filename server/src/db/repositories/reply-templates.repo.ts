import type { Locale } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';

export type ReplyTemplateRow = { id: string; unitId: string; unitCode: string; unitName: string; unitPath: string; locale: Locale; title: string; body: string; updatedAt: Date };

type Db = { id: string; unit_id: string; unit_code: string; unit_name: string; unit_path: string; locale: Locale; title: string; body: string; updated_at: Date };
const toRow = (r: Db): ReplyTemplateRow => ({ id: r.id, unitId: r.unit_id, unitCode: r.unit_code, unitName: r.unit_name, unitPath: r.unit_path, locale: r.locale, title: r.title, body: r.body, updatedAt: r.updated_at });
const SELECT = `SELECT t.id, t.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, t.locale, t.title, t.body, t.updated_at
                  FROM reply_templates t JOIN units u ON u.id = t.unit_id`;

/**
 * Templates available to a unit: its own and those of the units above it (the city's are city-wide), the
 * nearest unit's first, then by language (Vietnamese first) and title. `unitPath` is the unit's materialised path.
 */
export async function listReplyTemplatesForUnitPath(q: Queryable, unitPath: string): Promise<ReplyTemplateRow[]> {
  const rows = await q.query<Db>(
    `${SELECT} WHERE $1 = u.path OR $1 LIKE u.path || '/%'
      ORDER BY char_length(u.path) DESC, t.locale = 'en', t.title, t.id`,
    [unitPath],
  );
  return rows.map(toRow);
}

export async function findReplyTemplate(q: Queryable, id: string): Promise<ReplyTemplateRow | undefined> {
  const rows = await q.query<Db>(`${SELECT} WHERE t.id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : undefined;
}

export async function insertReplyTemplate(q: Queryable, t: { unitId: string; locale: Locale; title: string; body: string; staffId: string; at: Date }): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO reply_templates (unit_id, locale, title, body, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $5, $6) RETURNING id`,
    [t.unitId, t.locale, t.title, t.body, t.at, t.staffId],
  );
  return rows[0]!.id;
}

export async function updateReplyTemplate(q: Queryable, t: { id: string; locale: Locale; title: string; body: string; staffId: string; at: Date }): Promise<void> {
  await q.query('UPDATE reply_templates SET locale = $2, title = $3, body = $4, updated_at = $5, updated_by = $6 WHERE id = $1', [t.id, t.locale, t.title, t.body, t.at, t.staffId]);
}

export async function deleteReplyTemplate(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM reply_templates WHERE id = $1', [id]);
}
