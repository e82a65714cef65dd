/** Reads the admin-unit reference data and builds the triage gazetteer (cached per process). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteer, type AdminUnitsInput, type Gazetteer } from '../domain/triage/gazetteer.ts';

export const REFERENCE_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference-data');

let cached: Gazetteer | undefined;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(REFERENCE_DATA_DIR, file), 'utf8')) as T;
}

/** The gazetteer built from reference-data/admin-units/ (read once). */
export function loadGazetteer(): Gazetteer {
  cached ??= buildGazetteer({
    hcmc2020: readJson<AdminUnitsInput['hcmc2020']>('admin-units/hcmc-2020.json'),
    to2025Jan: readJson<AdminUnitsInput['to2025Jan']>('admin-units/hcmc-2020-to-2025-01.json'),
    to2025Jul: readJson<AdminUnitsInput['to2025Jul']>('admin-units/hcmc-old-to-new-2025.json'),
    hcmc2025: readJson<AdminUnitsInput['hcmc2025']>('admin-units/hcmc-2025.json'),
  });
  return cached;
}
