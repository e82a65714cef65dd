/**
 * Geometry for the public map: ward polygons made small enough for a phone (Douglas–Peucker, fewer decimals),
 * bounding boxes given as "minLng,minLat,maxLng,maxLat", and points blurred to about 50 m. Pure.
 */

export type Ring = number[][];
export type WardFeature = {
  type: 'Feature';
  properties: { code: string; name: string; nameEn: string | null };
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] };
};
export type Bbox = { minLng: number; minLat: number; maxLng: number; maxLat: number };

function distanceToSegment(p: number[], a: number[], b: number[]): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker on an open polyline; keeps both ends. Iterative, so long rings cannot overflow the stack. */
export function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = -1;
    let worstAt = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i] ?? [], points[first] ?? [], points[last] ?? []);
      if (d > worst) [worst, worstAt] = [d, i];
    }
    if (worst > tolerance && worstAt > 0) {
      keep[worstAt] = 1;
      stack.push([first, worstAt], [worstAt, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A closed ring simplified and rounded; undefined when fewer than 4 positions (a triangle) remain. */
export function compactRing(ring: Ring, tolerance: number, decimals: number): Ring | undefined {
  const f = 10 ** decimals;
  const rounded: Ring = [];
  for (const [x = 0, y = 0] of simplifyLine(ring, tolerance)) {
    const point = [Math.round(x * f) / f, Math.round(y * f) / f];
    const prev = rounded[rounded.length - 1];
    if (!prev || prev[0] !== point[0] || prev[1] !== point[1]) rounded.push(point);
  }
  return rounded.length >= 4 ? rounded : undefined;
}

type SourceFeature = { properties: { code: string; fullName?: string; name?: string; nameEn?: string | null }; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };

/** Ward polygons as a compact MultiPolygon FeatureCollection (code, full name, English name only). */
export function compactWards(features: SourceFeature[], opts: { tolerance: number; decimals: number }): { type: 'FeatureCollection'; features: WardFeature[] } {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => {
      const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
      const coordinates = polygons
        .map(([outer, ...holes]) => {
          const o = outer && compactRing(outer, opts.tolerance, opts.decimals);
          return o ? [o, ...holes.flatMap((h) => compactRing(h, opts.tolerance, opts.decimals) ?? [])] : undefined;
        })
        .filter((p): p is Ring[] => p !== undefined);
      const name = f.properties.fullName ?? f.properties.name ?? f.properties.code;
      return { type: 'Feature', properties: { code: f.properties.code, name, nameEn: f.properties.nameEn ?? null }, geometry: { type: 'MultiPolygon', coordinates } };
    }),
  };
}

/** "minLng,minLat,maxLng,maxLat" → a box, or undefined when malformed, inverted or not on Earth. */
export function parseBbox(text: string): Bbox | undefined {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [minLng = 0, minLat = 0, maxLng = 0, maxLat = 0] = parts;
  if (minLng > maxLng || minLat > maxLat || minLat < -90 || maxLat > 90 || minLng < -180 || maxLng > 180) return undefined;
  return { minLng, minLat, maxLng, maxLat };
}

// 0.0005° is 55 m of latitude and 55 m of longitude at 10° N: enough to find a pothole, not a front door.
const GRID_DEGREES = 0.0005;

/** A coordinate snapped to the ~50 m grid the public map shows. */
export function blurCoordinate(value: number): number {
  return Math.round(Math.round(value / GRID_DEGREES) * GRID_DEGREES * 1e4) / 1e4;
}
