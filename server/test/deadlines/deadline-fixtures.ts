import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../src/db/client.ts';

/** A staff member inserted directly (no password hashing: these tests never log in). */
export async function insertStaff(q: Queryable, email: string, role: string, unitCode: string, isActive = true): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO staff_users (email, name, role, unit_id, password_hash, is_active)
     SELECT $1, $1, $2, id, 'x', $4 FROM units WHERE code = $3 RETURNING id`,
    [email, role, unitCode, isActive],
  );
  if (!row) throw new Error(`unit ${unitCode} not found`);
  return row.id;
}

/** A case inserted directly with the fields deadlines read. */
export async function insertCase(
  q: Queryable,
  c: { type: string; category?: string; procedureCode?: string; unitCode: string; createdAt: Date; assigneeId?: string; status?: string },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO cases (tracking_code, type, status, unit_id, channel, intake_method, description, category, procedure_code, assignee_id, created_at, updated_at)
     SELECT $1, $2, $3, id, 'portal', 'portal', 'test', $4, $5, $6, $7, $7 FROM units WHERE code = $8 RETURNING id`,
    [`GD-T${randomBytes(4).toString('hex').toUpperCase()}`, c.type, c.status ?? (c.assigneeId ? 'assigned' : 'new'), c.category ?? null, c.procedureCode ?? null, c.assigneeId ?? null, c.createdAt, c.unitCode],
  );
  if (!row) throw new Error(`unit ${c.unitCode} not found`);
  return row.id;
}

export const at = (local: string) => new Date(`${local}+07:00`);
