import type { UnitKind } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';

/** One organisation of the city: the city itself, a department, or a ward/commune/special zone. */
export type UnitRow = {
  id: string;
  code: string;
  kind: UnitKind;
  name: string;
  fullName: string;
  nameEn: string | null;
  parentId: string | null;
  parentCode: string | null;
  path: string;
};

/** A units row as SQL returns it (with the parent's code joined in). */
export type UnitRecord = {
  id: string;
  code: string;
  kind: UnitKind;
  name: string;
  full_name: string;
  name_en: string | null;
  parent_id: string | null;
  parent_code: string | null;
  path: string;
};

const SELECT_UNITS = `
  SELECT u.id, u.code, u.kind, u.name, u.full_name, u.name_en, u.parent_id, p.code AS parent_code, u.path
  FROM units u LEFT JOIN units p ON p.id = u.parent_id`;

// Ids come from URLs and tokens; a malformed one is simply not found instead of a uuid cast error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// PGlite ships without ICU collations, so Vietnamese ordering happens here (Đ after D, tones in order).
const collator = new Intl.Collator('vi');
const KIND_RANK: Record<UnitKind, number> = { city: 0, department: 1, ward: 2, commune: 2, special_zone: 2 };

/** All units: the city, then departments by name, then wards, communes and the special zone by name. */
export async function listUnits(q: Queryable): Promise<UnitRow[]> {
  return sortUnits((await q.query<UnitRecord>(SELECT_UNITS)).map(toUnitRow));
}

export async function findUnitByCode(q: Queryable, code: string): Promise<UnitRow | undefined> {
  const [row] = await q.query<UnitRecord>(`${SELECT_UNITS} WHERE u.code = $1`, [code]);
  return row && toUnitRow(row);
}

/** Like findUnitByCode, but throws when no unit has this code. */
export async function getUnitByCode(q: Queryable, code: string): Promise<UnitRow> {
  const unit = await findUnitByCode(q, code);
  if (!unit) throw new Error(`unit ${code} not found`);
  return unit;
}

export async function findUnitById(q: Queryable, id: string): Promise<UnitRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await q.query<UnitRecord>(`${SELECT_UNITS} WHERE u.id = $1`, [id]);
  return row && toUnitRow(row);
}

/** True when `unitId` is `ancestorId` itself or lies below it in the unit tree (by materialised path). */
export async function isUnitInSubtree(q: Queryable, unitId: string, ancestorId: string): Promise<boolean> {
  if (!UUID.test(unitId) || !UUID.test(ancestorId)) return false;
  const rows = await q.query(
    `SELECT 1 FROM units u, units a
     WHERE u.id = $1 AND a.id = $2 AND (u.path = a.path OR starts_with(u.path, a.path || '/'))`,
    [unitId, ancestorId],
  );
  return rows.length > 0;
}

/** The ancestor and every unit below it, in listUnits order; empty when the ancestor does not exist. */
export async function listUnitsInSubtree(q: Queryable, ancestorId: string): Promise<UnitRow[]> {
  if (!UUID.test(ancestorId)) return [];
  const rows = await q.query<UnitRecord>(
    `${SELECT_UNITS} JOIN units a ON a.id = $1
     WHERE u.path = a.path OR starts_with(u.path, a.path || '/')`,
    [ancestorId],
  );
  return sortUnits(rows.map(toUnitRow));
}

function sortUnits(units: UnitRow[]): UnitRow[] {
  return units.sort(
    (x, y) => KIND_RANK[x.kind] - KIND_RANK[y.kind] || collator.compare(x.name, y.name) || x.code.localeCompare(y.code),
  );
}

export function toUnitRow(r: UnitRecord): UnitRow {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    fullName: r.full_name,
    nameEn: r.name_en,
    parentId: r.parent_id,
    parentCode: r.parent_code,
    path: r.path,
  };
}
