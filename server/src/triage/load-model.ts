/** Loads the shipped triage model (model.json beside this file), or trains one from the corpus if it is missing. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserializeModel, trainModel, type SerializedTriageModel, type TriageModel } from '../domain/triage/train-model.ts';
import { CORPUS_PATH, readExamples } from './read-examples.ts';

export const MODEL_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'model.json');

const cache = new Map<string, TriageModel>();

/** `version` (e.g. the file's mtime) makes a changed file load again instead of coming from the cache. */
export function loadModel(file = MODEL_PATH, version: number | string = ''): TriageModel {
  const key = `${file}#${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const model = existsSync(file)
    ? deserializeModel(JSON.parse(readFileSync(file, 'utf8')) as SerializedTriageModel)
    : trainModel(readExamples(CORPUS_PATH).examples);
  cache.set(key, model);
  return model;
}
