import { classifyMessage, type TriageResult } from '../domain/triage/classify.ts';
import type { Gazetteer } from '../domain/triage/gazetteer.ts';
import type { WardBoundary } from '../domain/triage/resolve-place.ts';
import type { TriageModel } from '../domain/triage/train-model.ts';
import { loadWardBoundaries } from './load-boundaries.ts';
import { loadGazetteer } from './load-gazetteer.ts';
import { loadModel } from './load-model.ts';

export type TriageEngine = { classify(text: string, location?: { lat: number; lng: number }): TriageResult };

let shared: { model: TriageModel; gazetteer: Gazetteer; boundaries: WardBoundary[] } | undefined;

/**
 * The first-pass classifier with its model, gazetteer and ward boundaries, loaded once per process on first
 * use (a few hundred milliseconds) and kept: classification itself is pure and takes well under a millisecond.
 */
export function getTriageEngine(): TriageEngine {
  return {
    classify: (text, location) => {
      shared ??= { model: loadModel(), gazetteer: loadGazetteer(), boundaries: loadWardBoundaries() };
      return classifyMessage(text, shared.model, shared.gazetteer, { boundaries: shared.boundaries, ...(location ? { location } : {}) });
    },
  };
}
