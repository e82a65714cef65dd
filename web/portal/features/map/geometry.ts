/**
 * Map geometry in the browser: Web Mercator in "world units" (0…WORLD across, like slippy-map tiles, so an
 * optional tile layer lines up), SVG paths for ward polygons, and point-in-polygon to name the ward under a tap.
 */
export type Point = { lat: number; lng: number };
export type Ring = number[][];
export type WardFeature = { properties: { code: string; name: string; nameEn: string | null }; geometry: { type: 'MultiPolygon'; coordinates: Ring[][] } };
export type WardCollection = { features: WardFeature[] };
export type Box = { x: number; y: number; w: number; h: number };

export const WORLD = 100_000;

export function project(lng: number, lat: number): [number, number] {
  const sin = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * WORLD, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD];
}

export function unproject(x: number, y: number): Point {
  const n = Math.PI - (2 * Math.PI * y) / WORLD;
  return { lng: (x / WORLD) * 360 - 180, lat: (180 / Math.PI) * Math.atan(Math.sinh(n)) };
}

/** One SVG path (evenodd) for a ward's polygons and holes, coordinates to 2 decimals of world units (~0.4 m). */
export function wardPath(feature: WardFeature): string {
  let d = '';
  for (const polygon of feature.geometry.coordinates)
    for (const ring of polygon) {
      ring.forEach(([lng = 0, lat = 0], i) => {
        const [x, y] = project(lng, lat);
        d += `${i === 0 ? 'M' : 'L'}${x.toFixed(2)} ${y.toFixed(2)}`;
      });
      d += 'Z';
    }
  return d;
}

function boxOf(features: WardFeature[]): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    for (const polygon of f.geometry.coordinates)
      for (const [lng = 0, lat = 0] of polygon[0] ?? []) {
        const [x, y] = project(lng, lat);
        [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * The box around the city's wards, leaving out far-off islands (Côn Đảo is 180 km out at sea and would shrink
 * the mainland to a corner): features whose centre is more than 6 median deviations from the median centre.
 */
export function boundsOf(collection: WardCollection): Box {
  const centres = collection.features.map((f) => {
    const b = boxOf([f]);
    return [b.x + b.w / 2, b.y + b.h / 2] as const;
  });
  const [mx, my] = [median(centres.map((c) => c[0])), median(centres.map((c) => c[1]))];
  const spread = median(centres.map(([x, y]) => Math.hypot(x - mx, y - my)));
  const main = collection.features.filter((_, i) => Math.hypot((centres[i]?.[0] ?? 0) - mx, (centres[i]?.[1] ?? 0) - my) <= spread * 6);
  return boxOf(main.length > 0 ? main : collection.features);
}

function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The ward containing the point (outer ring in, not in a hole), or undefined outside the city. */
export function findWardAt(collection: WardCollection, p: Point): WardFeature | undefined {
  return collection.features.find((f) => f.geometry.coordinates.some(([outer, ...holes]) => outer !== undefined && inRing(p.lng, p.lat, outer) && !holes.some((h) => inRing(p.lng, p.lat, h))));
}

/** Zooms a box by `factor` (<1 zooms in) keeping the world point (cx, cy) where it is on screen. */
export function zoomBox(box: Box, factor: number, cx: number, cy: number, limits: { minW: number; maxW: number }): Box {
  const w = Math.min(limits.maxW, Math.max(limits.minW, box.w * factor));
  const f = w / box.w;
  return { x: cx - (cx - box.x) * f, y: cy - (cy - box.y) * f, w, h: box.h * f };
}

/** Slippy-map tiles covering the box at the zoom whose tiles are about 256 px on screen (at most 36 tiles). */
export function tilesFor(box: Box, widthPx: number): { z: number; x: number; y: number; size: number }[] {
  const z = Math.max(0, Math.min(19, Math.round(Math.log2((WORLD * (widthPx / box.w)) / 256))));
  const size = WORLD / 2 ** z;
  const tiles = [];
  for (let x = Math.floor(box.x / size); x * size < box.x + box.w; x++)
    for (let y = Math.floor(box.y / size); y * size < box.y + box.h; y++) if (tiles.length < 36) tiles.push({ z, x, y, size });
  return tiles;
}
