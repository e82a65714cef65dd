/**
 * Resolves the places a message names to the 2025 unit the case goes to, through the chained mappings
 * 2021–2024 → 2025-01 (NQ 1278) → 2025-07 (NQ 1685), and explains the result in Vietnamese and English.
 * Split wards give candidates instead of a unit. A map point resolves by point-in-polygon. Pure.
 */
import type { Gazetteer } from './gazetteer.ts';
import type { ExtractedPlaces } from './places.ts';
import type { Bilingual } from './types.ts';

export type PlaceResolution = {
  unitCode: string | null;
  candidates: { code: string; name: string }[];
  explanation: Bilingual[];
  /** The place is known but several 2025 units remain: ask for house number / street, or triage by hand. */
  needsMoreDetail: boolean;
};

/** 2025 unit codes a 2021–2024 ward code ended up in. */
export function unitsForOldWard(g: Gazetteer, wardCode: string): string[] {
  return [...oldWardUnits(g, wardCode)];
}

/**
 * Per gazetteer, the 2025 units of each old ward and of each old district (the distinct units of its wards, in
 * order), memoised: the mappings are fixed once the gazetteer is built. Shared arrays: callers copy before changing.
 */
const unitsCache = new WeakMap<Gazetteer, { ward: Map<string, readonly string[]>; district: Map<string, readonly string[]> }>();
function cacheOf(g: Gazetteer) {
  let c = unitsCache.get(g);
  if (!c) unitsCache.set(g, (c = { ward: new Map(), district: new Map() }));
  return c;
}
function oldWardUnits(g: Gazetteer, wardCode: string): readonly string[] {
  const cache = cacheOf(g).ward;
  let units = cache.get(wardCode);
  if (!units) {
    const jan = g.step2025Jan.get(wardCode) ?? [wardCode];
    units = [...new Set(jan.flatMap((c) => g.step2025Jul.get(c) ?? []))].filter((c) => g.units2025.has(c));
    cache.set(wardCode, units);
  }
  return units;
}
function oldDistrictUnits(g: Gazetteer, districtCode: string): readonly string[] {
  const cache = cacheOf(g).district;
  let units = cache.get(districtCode);
  if (!units) {
    const wardCodes = g.districts.get(districtCode)?.wardCodes ?? [];
    units = [...new Set(wardCodes.flatMap((c) => oldWardUnits(g, c)))];
    cache.set(districtCode, units);
  }
  return units;
}

function unitName(g: Gazetteer, code: string): string {
  return g.units2025.get(code)?.fullName ?? code;
}

function namedAs(g: Gazetteer, p: ExtractedPlaces): string {
  const ward = p.ward ? (/^Phường \d/u.test(p.ward) ? p.ward.toLowerCase() : `phường/xã ${p.ward}`) : '';
  return [ward, p.district].filter(Boolean).join(', ') || (p.street ?? '');
}

/** The 2025 unit for the extracted places, or candidates and a request for detail. Never throws. */
export function resolvePlace(p: ExtractedPlaces, g: Gazetteer): PlaceResolution {
  const named = namedAs(g, p);
  if (p.unit2025Code) {
    const name = unitName(g, p.unit2025Code);
    return { unitCode: p.unit2025Code, candidates: [], needsMoreDetail: false, explanation: [
      { vi: `Nêu '${named}' — tên đơn vị hành chính từ 01/07/2025 (${name})`, en: `named '${named}' — a unit name in force since 2025-07-01 (${name})` },
    ] };
  }
  if (p.wardCodes.length > 0) {
    const units = p.wardCodes.length === 1 ? oldWardUnits(g, p.wardCodes[0] as string) : [...new Set(p.wardCodes.flatMap((c) => oldWardUnits(g, c)))];
    const candidates = units.map((code) => ({ code, name: unitName(g, code) }));
    if (p.wardCodes.length > 1 && units.length > 1) {
      return { unitCode: null, candidates, needsMoreDetail: true, explanation: [
        { vi: `Nêu '${named}' nhưng tên này có ở ${p.wardCodes.length} quận/huyện cũ; cần biết quận/huyện`, en: `named '${named}', a name found in ${p.wardCodes.length} former districts; the district is needed` },
      ] };
    }
    const districtName = g.districts.get(g.wards.get(p.wardCodes[0] ?? '')?.districtCode ?? '')?.name ?? '';
    if (units.length === 1 && units[0]) {
      const name = unitName(g, units[0]);
      return { unitCode: units[0], candidates: [], needsMoreDetail: false, explanation: [
        { vi: `Nêu '${named}' (${districtName}); từ 01/07/2025 sáp nhập vào ${name}`, en: `named '${named}' (${districtName}); merged into ${name} on 2025-07-01` },
      ] };
    }
    return { unitCode: null, candidates, needsMoreDetail: true, explanation: [
      { vi: `Nêu '${named}' (${districtName}); phường/xã cũ này được chia cho ${candidates.map((c) => c.name).join(', ')} — cần số nhà, tên đường để xác định`,
        en: `named '${named}' (${districtName}); this former ward was split between ${candidates.map((c) => c.name).join(', ')} — house number and street are needed` },
    ] };
  }
  if (p.districtCode) {
    const units = oldDistrictUnits(g, p.districtCode);
    const candidates = units.map((code) => ({ code, name: unitName(g, code) }));
    if (units.length === 1 && units[0])
      return { unitCode: units[0], candidates: [], needsMoreDetail: false, explanation: [
        { vi: `Nêu '${named}'; từ 01/07/2025 là ${unitName(g, units[0])}`, en: `named '${named}'; since 2025-07-01 this is ${unitName(g, units[0])}` },
      ] };
    return { unitCode: null, candidates, needsMoreDetail: true, explanation: [
      { vi: `Chỉ nêu '${named}'; quận/huyện cũ này nay thuộc ${units.length} phường/xã — cần tên phường hoặc số nhà, tên đường`,
        en: `only '${named}' is named; that former district now spans ${units.length} wards/communes — the ward or house number and street are needed` },
    ] };
  }
  const explanation: Bilingual[] = p.hasSeveralWards
    ? [{ vi: 'Tin nhắn nêu nhiều phường khác nhau; cần cán bộ xác định', en: 'the message names several wards; an officer must decide' }]
    : [{ vi: 'Không nêu phường/xã hay quận/huyện', en: 'no ward or district named' }];
  return { unitCode: null, candidates: [], needsMoreDetail: p.hasSeveralWards, explanation };
}

/** One 2025 ward polygon set, lon/lat rings as in GeoJSON, with a bounding box for a quick reject. */
export type WardBoundary = { code: string; name: string; bbox: [number, number, number, number]; polygons: number[][][][] };

function inRing(lng: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The 2025 unit containing the point (first ring outer, others holes), or undefined outside the city. */
export function findUnitAtPoint(lat: number, lng: number, boundaries: WardBoundary[]): WardBoundary | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  return boundaries.find(
    (b) =>
      lng >= b.bbox[0] && lat >= b.bbox[1] && lng <= b.bbox[2] && lat <= b.bbox[3] &&
      b.polygons.some(([outer, ...holes]) => outer !== undefined && inRing(lng, lat, outer) && !holes.some((h) => inRing(lng, lat, h))),
  );
}
