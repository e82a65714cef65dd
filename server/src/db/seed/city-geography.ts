import { readFileSync } from 'node:fs';

// Resolved from this module, not from the working directory, so seeding works from any cwd.
const REFERENCE_DIR = new URL('../../../../reference-data/', import.meta.url);

/** Reads one JSON file of the shipped reference data (`reference-data/<relativePath>`). */
export function readReferenceJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(relativePath, REFERENCE_DIR), 'utf8')) as T;
}

// Shapes of the reference files (only the fields the seed reads). The files are ours and checked in,
// so they are trusted rather than validated.
type AreaJson = { code: string; name: string; full_name: string; type: string };
type DistrictJson = AreaJson & { wards: AreaJson[] };
type ProvinceJson = { code: string; name: string; full_name: string; districts: DistrictJson[] };
type Share = 'full' | 'partial';
export type NewWardJson = AreaJson & {
  type_key: string;
  name_en: string;
  area_km2: number;
  merged_from: { code: string; share: Share; province_code: string }[];
};
export type Hcmc2025Json = {
  meta: { effective_from: string };
  province: { code: string; name: string; full_name: string; full_name_en: string; type: string; area_km2: number };
  wards: NewWardJson[];
};
type Hcmc2020Json = { meta: { valid_from: string; valid_to: string }; province: ProvinceJson };
type RegionJson = { meta: { valid_from: string; valid_to: string }; provinces: ProvinceJson[] };
type Mapping2020Json = {
  rows: { old_code: string; legal_basis?: string; new: { code: string; share: Share }[] }[];
};
type Mapping2025Json = { rows: { old_code: string; old_province_code: string; new: { code: string }[] }[] };

export type AreaLevel = 'province' | 'district' | 'ward';
export type AdminAreaRow = {
  gsoCode: string;
  level: AreaLevel;
  name: string;
  fullName: string;
  type: string;
  provinceCode: string;
  districtCode: string | null;
  districtName: string | null;
  validFrom: string;
  validTo: string | null;
};
export type SuccessionRow = { fromKey: string; toKey: string; share: Share; effectiveOn: string; legalBasis: string };
export type UnmappedSuccession = { source: string; fromCode: string; toCode: string; reason: string };
export type CityGeography = { areas: AdminAreaRow[]; successions: SuccessionRow[]; unmapped: UnmappedSuccession[] };

/** Identifies an admin_areas row: the same GSO code names different areas in different periods. */
export function areaKey(level: AreaLevel, gsoCode: string, validFrom: string): string {
  return `${level}:${gsoCode}@${validFrom}`;
}

const NQ_1278 = 'Nghị quyết 1278/NQ-UBTVQH15';
const NQ_1685 = 'Nghị quyết 1685/NQ-UBTVQH15';
const NQ_202 = 'Nghị quyết 202/2025/QH15';

/**
 * Builds the historical geography of Ho Chi Minh City from the reference files: the areas of each period
 * and which area became which. Pure apart from reading the files; rows that cannot be placed are returned
 * in `unmapped` rather than dropped.
 */
export function planCityGeography(): CityGeography {
  const hcmc2020 = readReferenceJson<Hcmc2020Json>('admin-units/hcmc-2020.json');
  const region = readReferenceJson<RegionJson>('admin-units/hcmc-region-2025-03.json');
  const hcmc2025 = readReferenceJson<Hcmc2025Json>('admin-units/hcmc-2025.json');
  const to2025Jan = readReferenceJson<Mapping2020Json>('admin-units/hcmc-2020-to-2025-01.json');
  const to2025Jul = readReferenceJson<Mapping2025Json>('admin-units/hcmc-old-to-new-2025.json');

  const p2021 = { from: hcmc2020.meta.valid_from, to: hcmc2020.meta.valid_to };
  // HCMC's 273-ward structure starts with NQ 1278 on 2025-01-01, the day after the 2021–2024 snapshot
  // ends; the region file is a 2025-03-01 snapshot, but every HCMC ward in it is a destination of the
  // 2025-01 mapping, so nothing changed in HCMC between the two dates.
  const pHcmc2025 = { from: dayAfter(p2021.to), to: region.meta.valid_to };
  // Bình Dương and Bà Rịa - Vũng Tàu: the file only proves these structures as of 2025-03-01 (its meta's
  // valid_from). Both provinces rearranged communes under their own resolutions before that, which no file
  // here covers, so we claim no earlier start: a lookup before 2025-03-01 finds nothing rather than
  // something possibly wrong. They end with the merger into HCMC (valid_to 2025-06-30).
  const pNeighbours = { from: region.meta.valid_from, to: region.meta.valid_to };
  const p2025 = { from: hcmc2025.meta.effective_from, to: null };
  const periodOf = (provinceCode: string) => (provinceCode === hcmc2025.province.code ? pHcmc2025 : pNeighbours);

  const areas: AdminAreaRow[] = [];
  const province2025 = { ...hcmc2025.province, districts: [] };
  // Old HCMC spans both of our pre-reform periods; earlier history is out of scope of the data.
  areas.push(provinceRow(province2025, { from: p2021.from, to: pHcmc2025.to }));
  areas.push(...threeTierRows(hcmc2020.province, p2021));
  for (const province of region.provinces) {
    if (province.code !== hcmc2025.province.code) areas.push(provinceRow(province, periodOf(province.code)));
    areas.push(...threeTierRows(province, periodOf(province.code)));
  }
  areas.push(provinceRow(province2025, p2025));
  for (const w of hcmc2025.wards) areas.push(wardRow(w, hcmc2025.province.code, null, p2025));

  const known = new Set(areas.map((a) => areaKey(a.level, a.gsoCode, a.validFrom)));
  const successions: SuccessionRow[] = [];
  const unmapped: UnmappedSuccession[] = [];
  const add = (source: string, fromKeys: string[], toKey: string, row: Omit<SuccessionRow, 'fromKey' | 'toKey'>) => {
    const fromKey = fromKeys.find((k) => known.has(k));
    const [fromCode, toCode] = [codeOf(fromKeys[0] ?? ''), codeOf(toKey)];
    if (!fromKey) unmapped.push({ source, fromCode, toCode, reason: 'no area of the earlier period has this code' });
    else if (!known.has(toKey)) unmapped.push({ source, fromCode, toCode, reason: 'no area of the later period has this code' });
    else successions.push({ fromKey, toKey, ...row });
  };

  for (const r of to2025Jan.rows) {
    for (const n of r.new) {
      add('hcmc-2020-to-2025-01.json', [areaKey('ward', r.old_code, p2021.from)], areaKey('ward', n.code, pHcmc2025.from), {
        share: n.share,
        effectiveOn: pHcmc2025.from,
        legalBasis: r.legal_basis ? r.legal_basis.replace(/^NQ /, 'Nghị quyết ') : NQ_1278,
      });
    }
  }

  // 2025-07: hcmc-old-to-new-2025.json is the primary list (an old unit with several new ones was split,
  // so each part is 'partial'); merged_from in hcmc-2025.json is the same relation seen from the new ward
  // and adds what the other file lacks: the old Côn Đảo district (755), which had no wards and became the
  // special zone whole. Its code is a district code, hence the district fallback.
  const pairs = new Map<string, { provinceCode: string; oldCode: string; newCode: string; share: Share }>();
  for (const r of to2025Jul.rows) {
    for (const n of r.new) {
      const share: Share = r.new.length > 1 ? 'partial' : 'full';
      pairs.set(`${r.old_province_code}/${r.old_code}>${n.code}`, {
        provinceCode: r.old_province_code,
        oldCode: r.old_code,
        newCode: n.code,
        share,
      });
    }
  }
  for (const w of hcmc2025.wards) {
    for (const m of w.merged_from) {
      const key = `${m.province_code}/${m.code}>${w.code}`;
      if (!pairs.has(key)) pairs.set(key, { provinceCode: m.province_code, oldCode: m.code, newCode: w.code, share: m.share });
    }
  }
  for (const p of pairs.values()) {
    const from = periodOf(p.provinceCode).from;
    add(
      'hcmc-old-to-new-2025.json',
      [areaKey('ward', p.oldCode, from), areaKey('district', p.oldCode, from)],
      areaKey('ward', p.newCode, p2025.from),
      {
        share: p.share,
        effectiveOn: p2025.from,
        legalBasis: NQ_1685,
      },
    );
  }

  // The three provinces merged whole into the new Ho Chi Minh City.
  for (const province of region.provinces) {
    const from = province.code === hcmc2025.province.code ? p2021.from : pNeighbours.from;
    add(
      'hcmc-region-2025-03.json',
      [areaKey('province', province.code, from)],
      areaKey('province', hcmc2025.province.code, p2025.from),
      {
        share: 'full',
        effectiveOn: p2025.from,
        legalBasis: NQ_202,
      },
    );
  }
  return { areas, successions, unmapped };
}

type Period = { from: string; to: string | null };

function provinceRow(p: { code: string; name: string; full_name: string }, period: Period): AdminAreaRow {
  return { ...base(p, 'province', period), type: typeOf(p), provinceCode: p.code, districtCode: null, districtName: null };
}

function threeTierRows(p: ProvinceJson, period: Period): AdminAreaRow[] {
  return p.districts.flatMap((d) => [
    { ...base(d, 'district', period), type: d.type, provinceCode: p.code, districtCode: null, districtName: null },
    ...d.wards.map((w) => wardRow(w, p.code, d, period)),
  ]);
}

function wardRow(w: AreaJson, provinceCode: string, district: AreaJson | null, period: Period): AdminAreaRow {
  return {
    ...base(w, 'ward', period),
    type: w.type,
    provinceCode,
    districtCode: district?.code ?? null,
    districtName: district?.full_name ?? null,
  };
}

function base(a: { code: string; name: string; full_name: string }, level: AreaLevel, period: Period) {
  return { gsoCode: a.code, level, name: a.name, fullName: a.full_name, validFrom: period.from, validTo: period.to };
}

/** 'Tỉnh Bình Dương' with name 'Bình Dương' → 'Tỉnh' (the pre-reform province records carry no type). */
function typeOf(p: { name: string; full_name: string }): string {
  return p.full_name.endsWith(p.name) ? p.full_name.slice(0, -p.name.length).trim() : p.full_name;
}

function codeOf(key: string): string {
  return key.slice(key.indexOf(':') + 1, key.indexOf('@'));
}

function dayAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
