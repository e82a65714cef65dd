import type { UnitKind } from '../../../../contracts/enums.ts';
import type { Db, Queryable } from '../client.ts';
import { areaKey, planCityGeography, readReferenceJson, type CityGeography, type Hcmc2025Json } from './city-geography.ts';

export type SeedCityResult = { unitsCreated: number; areasCreated: number; successionsCreated: number };
export type SeedCityOptions = { warn?: (message: string) => void };

type DepartmentsJson = { departments: { code: string; name: string; name_en: string }[] };
type UnitInsert = {
  code: string;
  kind: UnitKind;
  name: string;
  fullName: string;
  nameEn: string | null;
  gsoCode: string | null;
  gsoValidFrom: string | null;
  areaKm2: number | null;
};

const WARD_KINDS: Record<string, UnitKind> = { phuong: 'ward', xa: 'commune', dac_khu: 'special_zone' };

/**
 * Seeds Ho Chi Minh City: the unit tree (city, departments, the 168 wards/communes/special zone of 2025)
 * and the historical geography (admin areas of 2021–2024, 2025-01..06 and from 2025-07, with successions).
 * Idempotent: existing rows are kept and not counted. Runs in one transaction. Returns the rows created.
 */
export async function seedCity(db: Db, options: SeedCityOptions = {}): Promise<SeedCityResult> {
  const hcmc2025 = readReferenceJson<Hcmc2025Json>('admin-units/hcmc-2025.json');
  const departments = readReferenceJson<DepartmentsJson>('departments/hcmc-departments.json').departments;
  const geography = planCityGeography();
  if (geography.unmapped.length > 0) {
    const warn = options.warn ?? ((m: string) => process.emitWarning(m, 'GandanSeedWarning'));
    warn(`seedCity: ${geography.unmapped.length} succession rows could not be mapped to admin areas and were skipped`);
  }
  return db.transaction(async (tx) => {
    const unitsCreated = await insertUnits(tx, hcmc2025, departments);
    const areasCreated = await insertAreas(tx, geography);
    const successionsCreated = await insertSuccessions(tx, geography);
    return { unitsCreated, areasCreated, successionsCreated };
  });
}

async function insertUnits(tx: Queryable, hcmc2025: Hcmc2025Json, departments: DepartmentsJson['departments']): Promise<number> {
  const city = hcmc2025.province;
  const validFrom = hcmc2025.meta.effective_from;
  const created = await tx.query(
    `INSERT INTO units (code, kind, name, full_name, name_en, parent_id, path, gso_code, gso_valid_from, area_km2)
     VALUES ($1, 'city', $2, $3, $4, NULL, $1, $1, $5::date, $6)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [city.code, city.name, city.full_name, city.full_name_en, validFrom, city.area_km2],
  );
  const [root] = await tx.query<{ id: string }>('SELECT id FROM units WHERE code = $1', [city.code]);
  if (!root) throw new Error(`city unit ${city.code} missing after insert`);

  const children: UnitInsert[] = [
    ...departments.map((d) => ({
      code: d.code,
      kind: 'department' as const,
      name: d.name,
      fullName: d.name,
      nameEn: d.name_en,
      gsoCode: null,
      gsoValidFrom: null,
      areaKm2: null,
    })),
    ...hcmc2025.wards.map((w) => ({
      code: w.code,
      kind: wardKind(w.type_key),
      name: w.name,
      fullName: w.full_name,
      nameEn: w.name_en,
      gsoCode: w.code,
      gsoValidFrom: validFrom,
      areaKm2: w.area_km2,
    })),
  ];
  const rows = await tx.query(
    `INSERT INTO units (code, kind, name, full_name, name_en, parent_id, path, gso_code, gso_valid_from, area_km2)
     SELECT c.code, c.kind, c.name, c.full_name, c.name_en, $1::uuid, $2 || '/' || c.code, c.gso_code, c.gso_valid_from, c.area_km2
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::float8[])
       AS c (code, kind, name, full_name, name_en, gso_code, gso_valid_from, area_km2)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [
      root.id,
      city.code,
      children.map((c) => c.code),
      children.map((c) => c.kind),
      children.map((c) => c.name),
      children.map((c) => c.fullName),
      children.map((c) => c.nameEn),
      children.map((c) => c.gsoCode),
      children.map((c) => c.gsoValidFrom),
      children.map((c) => c.areaKm2),
    ],
  );
  return created.length + rows.length;
}

async function insertAreas(tx: Queryable, { areas }: CityGeography): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO admin_areas (gso_code, level, name, full_name, type, province_code, district_code, district_name, valid_from, valid_to)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::date[])
     ON CONFLICT (gso_code, level, valid_from) DO NOTHING RETURNING id`,
    [
      areas.map((a) => a.gsoCode),
      areas.map((a) => a.level),
      areas.map((a) => a.name),
      areas.map((a) => a.fullName),
      areas.map((a) => a.type),
      areas.map((a) => a.provinceCode),
      areas.map((a) => a.districtCode),
      areas.map((a) => a.districtName),
      areas.map((a) => a.validFrom),
      areas.map((a) => a.validTo),
    ],
  );
  return rows.length;
}

async function insertSuccessions(tx: Queryable, { successions }: CityGeography): Promise<number> {
  // Dates as text: pg and PGlite would otherwise turn them into Date objects in local time.
  const ids = new Map(
    (
      await tx.query<{ id: number; level: 'province' | 'district' | 'ward'; gso_code: string; valid_from: string }>(
        'SELECT id, level, gso_code, valid_from::text AS valid_from FROM admin_areas',
      )
    ).map((r) => [areaKey(r.level, r.gso_code, r.valid_from), r.id]),
  );
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`admin area ${key} missing after insert`);
    return id;
  };
  const rows = await tx.query(
    `INSERT INTO admin_area_successions (from_area_id, to_area_id, share, effective_on, legal_basis)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::date[], $5::text[])
     ON CONFLICT (from_area_id, to_area_id) DO NOTHING RETURNING from_area_id`,
    [
      successions.map((s) => idOf(s.fromKey)),
      successions.map((s) => idOf(s.toKey)),
      successions.map((s) => s.share),
      successions.map((s) => s.effectiveOn),
      successions.map((s) => s.legalBasis),
    ],
  );
  return rows.length;
}

function wardKind(typeKey: string): UnitKind {
  const kind = WARD_KINDS[typeKey];
  if (!kind) throw new Error(`unknown ward type_key '${typeKey}' in hcmc-2025.json`);
  return kind;
}
