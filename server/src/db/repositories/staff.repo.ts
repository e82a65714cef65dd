import type { StaffRole } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';

export type StaffRow = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
  isActive: boolean;
};

type DbStaff = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  is_active: boolean;
};

const selectStaff = (extra = '') => `SELECT ${extra} s.id, s.email, s.name, s.role, s.unit_id, s.is_active,
                             u.code AS unit_code, u.full_name AS unit_name, u.path AS unit_path
                        FROM staff_users s JOIN units u ON u.id = s.unit_id`;
const SELECT_STAFF = selectStaff();

function toStaff(r: DbStaff): StaffRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    isActive: r.is_active,
  };
}

/** Inserts a staff account; returns null when the email is taken. */
export async function insertStaffUser(
  q: Queryable,
  u: { email: string; name: string; role: StaffRole; unitId: string; passwordHash: string; at: Date },
): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO staff_users (email, name, role, unit_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
    [u.email, u.name, u.role, u.unitId, u.passwordHash, u.at],
  );
  return rows[0]?.id ?? null;
}

export async function findStaffById(q: Queryable, id: string): Promise<StaffRow | undefined> {
  const rows = await q.query<DbStaff>(`${SELECT_STAFF} WHERE s.id = $1`, [id]);
  return rows[0] ? toStaff(rows[0]) : undefined;
}

export async function findStaffCredentials(q: Queryable, email: string): Promise<(StaffRow & { passwordHash: string }) | undefined> {
  const rows = await q.query<DbStaff & { password_hash: string }>(
    `${selectStaff('s.password_hash,')} WHERE lower(s.email) = lower($1)`,
    [email],
  );
  return rows[0] ? { ...toStaff(rows[0]), passwordHash: rows[0].password_hash } : undefined;
}

export async function recordStaffLogin(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('UPDATE staff_users SET last_login_at = $2 WHERE id = $1', [id, at]);
}

/** Active staff of one unit (for assignment). */
export async function listStaffOfUnit(q: Queryable, unitId: string): Promise<StaffRow[]> {
  const rows = await q.query<DbStaff>(`${SELECT_STAFF} WHERE s.unit_id = $1 AND s.is_active ORDER BY s.name`, [unitId]);
  return rows.map(toStaff);
}

/**
 * Active staff whose scope reaches one of the unit paths (a case's audience: its lead, coordinating and incoming
 * units), nearest units first: who may read the case, and so who may be mentioned in its notes.
 * `ids` narrows the list to those staff members.
 */
export async function listStaffReaching(q: Queryable, paths: readonly string[], opts: { ids?: readonly string[]; limit?: number } = {}): Promise<StaffRow[]> {
  const rows = await q.query<DbStaff>(
    `${SELECT_STAFF}
      WHERE s.is_active AND EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE p = u.path OR p LIKE u.path || '/%')
        AND ($2::uuid[] IS NULL OR s.id = ANY($2::uuid[]))
      ORDER BY length(u.path) DESC, u.path, s.name LIMIT $3`,
    [paths, opts.ids ?? null, opts.limit ?? 500],
  );
  return rows.map(toStaff);
}

export async function countStaff(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_users');
  return rows[0]?.n ?? 0;
}
