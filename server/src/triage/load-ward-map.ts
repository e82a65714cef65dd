/**
 * The ward polygons the public map draws: the simplified 2025 file made smaller once per process
 * (Douglas–Peucker at ~22 m, 4 decimals ≈ 11 m), kept as JSON and gzip bytes with a content hash for ETag.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compactWards } from '../domain/public/map-geometry.ts';
import { REFERENCE_DATA_DIR } from './load-gazetteer.ts';

export type WardMapFile = { json: Buffer; gzip: Buffer; etag: string };

let cached: WardMapFile | undefined;

export function loadWardMap(file = 'admin-units/geo/hcmc-wards-2025-simplified.geojson'): WardMapFile {
  if (cached) return cached;
  const source = JSON.parse(readFileSync(path.join(REFERENCE_DATA_DIR, file), 'utf8')) as { features: Parameters<typeof compactWards>[0] };
  const json = Buffer.from(JSON.stringify(compactWards(source.features, { tolerance: 0.0002, decimals: 4 })));
  cached = { json, gzip: gzipSync(json, { level: 9 }), etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"` };
  return cached;
}
