/**
 * The place gazetteer: districts and wards of 2021–2024, the 168 units of 2025, the chained old→new mappings,
 * landmarks and streets, indexed by accent-folded name. Built from already-parsed reference data (the loader in
 * server/src/triage/ reads the files), so this module stays pure.
 */
import { foldAccents } from './normalize.ts';
import { HCMC_STREETS, STREET_ALIASES } from './streets.ts';

export type District2020 = { code: string; name: string; type: string; wardCodes: string[] };
export type Ward2020 = { code: string; name: string; type: string; districtCode: string };
export type Unit2025 = { code: string; name: string; fullName: string };
export type Landmark = { pattern: string; ward: string; districtCode: string };

export type Gazetteer = {
  districts: Map<string, District2020>;
  wards: Map<string, Ward2020>;
  units2025: Map<string, Unit2025>;
  /** 2020 ward code → 2025-01 ward codes (NQ 1278). */
  step2025Jan: Map<string, string[]>;
  /** 2025-01 ward code → 2025-07 unit codes (NQ 1685); several codes = the ward was split. */
  step2025Jul: Map<string, string[]>;
  /** Folded name → codes, for lookup. Numbered wards are keyed "7" (no leading zero). */
  districtByFolded: Map<string, string[]>;
  wardByFolded: Map<string, string[]>;
  unit2025ByFolded: Map<string, string[]>;
  /** Folded street name → spellings (several when folding collides: Lượng/Luông), and written aliases. */
  streetByFolded: Map<string, string[]>;
  /** A written alias among those spellings (CMT8, Ba Tháng Hai) → the official street name it stands for. */
  streetAliasOf: Map<string, { name: string; keyed: boolean }>;
  landmarks: Landmark[];
  maxStreetWords: number;
};

export type AdminUnitsInput = {
  hcmc2020: { province: { districts: { code: string; name: string; type: string; wards: { code: string; name: string; type: string }[] }[] } };
  to2025Jan: { rows: { old_code: string; new: { code: string }[] }[] };
  to2025Jul: { rows: { old_code: string; new: { code: string }[] }[] };
  hcmc2025: { wards: { code: string; name: string; full_name: string }[] };
};

/** Old-style tone placement (hoà, thuỷ) → the modern one used in labels (hòa, thủy). */
export function modernizeTone(name: string): string {
  const map: Record<string, string> = { oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa', oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe', uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy' };
  return name.normalize('NFC').replace(/([Qq])ú([yY])/gu, '$1uý').replace(/(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/gu, (m) => map[m] ?? m);
}

/** Official short ward name as labelled: "Phường 7" for numbered wards, the plain name otherwise. */
export function wardDisplayName(name: string): string {
  return /^\d+$/u.test(name) ? `Phường ${Number(name)}` : modernizeTone(name);
}

/** District display name: "Quận 7", "Thủ Đức", "Bình Thạnh". */
export function districtDisplayName(name: string): string {
  return /^\d+$/u.test(name) ? `Quận ${Number(name)}` : modernizeTone(name);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** General-knowledge landmarks that identify a ward unambiguously (labelling convention of the corpus README). */
const LANDMARKS: Landmark[] = [
  { pattern: 'cho ba chieu', ward: 'Phường 1', districtCode: '765' },
  { pattern: 'cho binh tay', ward: 'Phường 2', districtCode: '775' },
  { pattern: 'vinhomes central park', ward: 'Phường 22', districtCode: '765' },
  { pattern: 'landmark 81', ward: 'Phường 22', districtCode: '765' },
  { pattern: 'ky tuc xa khu a', ward: 'Linh Trung', districtCode: '769' },
  { pattern: 'benh vien nhi dong 2', ward: 'Bến Nghé', districtCode: '760' },
  { pattern: 'cho ben thanh', ward: 'Bến Thành', districtCode: '760' },
  { pattern: 'nha tho duc ba', ward: 'Bến Nghé', districtCode: '760' },
  { pattern: 'dinh doc lap', ward: 'Bến Thành', districtCode: '760' },
  { pattern: 'pho di bo nguyen hue', ward: 'Bến Nghé', districtCode: '760' },
  { pattern: 'cho tan dinh', ward: 'Tân Định', districtCode: '760' },
];

export function buildGazetteer(input: AdminUnitsInput, extraStreets: readonly string[] = []): Gazetteer {
  const g: Gazetteer = {
    districts: new Map(), wards: new Map(), units2025: new Map(), step2025Jan: new Map(), step2025Jul: new Map(),
    districtByFolded: new Map(), wardByFolded: new Map(), unit2025ByFolded: new Map(), streetByFolded: new Map(), streetAliasOf: new Map(),
    landmarks: LANDMARKS, maxStreetWords: 1,
  };
  for (const d of input.hcmc2020.province.districts) {
    const name = districtDisplayName(d.name);
    g.districts.set(d.code, { code: d.code, name, type: d.type, wardCodes: d.wards.map((w) => w.code) });
    push(g.districtByFolded, /^\d+$/u.test(d.name) ? String(Number(d.name)) : foldAccents(name), d.code);
    // Quận 2 and Quận 9 became part of Thành phố Thủ Đức in 2021; people still name them.
    if (d.code === '769') for (const old of ['2', '9']) push(g.districtByFolded, old, d.code);
    for (const w of d.wards) {
      const wardName = wardDisplayName(w.name);
      g.wards.set(w.code, { code: w.code, name: wardName, type: w.type, districtCode: d.code });
      push(g.wardByFolded, /^\d+$/u.test(w.name) ? String(Number(w.name)) : foldAccents(wardName), w.code);
    }
  }
  for (const row of input.to2025Jan.rows) g.step2025Jan.set(row.old_code, row.new.map((n) => n.code));
  for (const row of input.to2025Jul.rows) g.step2025Jul.set(row.old_code, row.new.map((n) => n.code));
  // Numbered wards merged on 2020-12-31 (NQ 1111/NQ-UBTVQH14): Quận 3 Phường 6, 7, 8 → Phường Võ Thị Sáu.
  for (const n of ['6', '7', '8']) push(g.wardByFolded, n, '27139');
  for (const u of input.hcmc2025.wards) {
    g.units2025.set(u.code, { code: u.code, name: modernizeTone(u.name), fullName: modernizeTone(u.full_name) });
    push(g.unit2025ByFolded, foldAccents(u.name), u.code);
  }
  const addStreet = (s: string) => {
    const folded = foldAccents(s).replace(/[^a-z0-9 ]/gu, ' ').replace(/\s+/gu, ' ').trim();
    push(g.streetByFolded, folded, s);
    g.maxStreetWords = Math.max(g.maxStreetWords, folded.split(' ').length);
  };
  for (const s of [...HCMC_STREETS, ...extraStreets]) addStreet(s);
  for (const a of STREET_ALIASES) {
    addStreet(a.written);
    g.streetAliasOf.set(a.written, { name: a.name, keyed: a.keyed ?? false });
  }
  return g;
}
