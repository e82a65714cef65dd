/** Reads the 2025 ward polygons (reference-data/admin-units/geo/) for point-in-polygon, once per process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WardBoundary } from '../domain/triage/resolve-place.ts';
import { REFERENCE_DATA_DIR } from './load-gazetteer.ts';

type Feature = { properties: { code: string; fullName: string }; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };

let cached: WardBoundary[] | undefined;

export function loadWardBoundaries(file = 'admin-units/geo/hcmc-wards-2025.geojson'): WardBoundary[] {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(path.join(REFERENCE_DATA_DIR, file), 'utf8')) as { features: Feature[] };
  cached = data.features.map((f) => {
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of polygons) for (const [x = 0, y = 0] of poly[0] ?? []) {
      bbox[0] = Math.min(bbox[0], x); bbox[1] = Math.min(bbox[1], y); bbox[2] = Math.max(bbox[2], x); bbox[3] = Math.max(bbox[3], y);
    }
    return { code: f.properties.code, name: f.properties.fullName, bbox, polygons };
  });
  return cached;
}
