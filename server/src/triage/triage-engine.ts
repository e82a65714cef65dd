import { statSync } from 'node:fs';
import path from 'node:path';
import { classifyMessage, type TriageResult } from '../domain/triage/classify.ts';
import type { Gazetteer } from '../domain/triage/gazetteer.ts';
import type { WardBoundary } from '../domain/triage/resolve-place.ts';
import type { TriageModel } from '../domain/triage/train-model.ts';
import { loadWardBoundaries } from './load-boundaries.ts';
import { loadGazetteer } from './load-gazetteer.ts';
import { loadModel, MODEL_PATH } from './load-model.ts';

export type TriageEngine = { classify(text: string, location?: { lat: number; lng: number }): TriageResult };

/** Where `gandan triage train --from-database` writes a model retrained with the officers' corrections. */
export function dataDirModelPath(dataDir: string): string {
  return path.join(dataDir, 'triage-model.json');
}

let places: { gazetteer: Gazetteer; boundaries: WardBoundary[] } | undefined;
const RECHECK_MS = 60_000;

/**
 * The first-pass classifier, loaded on first use (a few hundred milliseconds) and kept. With `retrainedModel`,
 * a model retrained from corrections replaces the shipped one as soon as the file appears or changes (checked
 * at most once a minute), without a restart.
 */
export function getTriageEngine(options: { retrainedModel?: string; now?: () => number } = {}): TriageEngine {
  const now = options.now ?? Date.now;
  let model: TriageModel | undefined;
  let loadedMtime = -1;
  let checkedAt = -Infinity;
  const currentModel = (): TriageModel => {
    if (model && now() - checkedAt < RECHECK_MS) return model;
    checkedAt = now();
    const mtime = options.retrainedModel ? fileMtime(options.retrainedModel) : -1;
    if (!model || mtime !== loadedMtime) {
      model = mtime >= 0 && options.retrainedModel ? loadModel(options.retrainedModel, mtime) : loadModel(MODEL_PATH);
      loadedMtime = mtime;
    }
    return model;
  };
  return {
    classify: (text, location) => {
      places ??= { gazetteer: loadGazetteer(), boundaries: loadWardBoundaries() };
      return classifyMessage(text, currentModel(), places.gazetteer, { boundaries: places.boundaries, ...(location ? { location } : {}) });
    },
  };
}

function fileMtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
