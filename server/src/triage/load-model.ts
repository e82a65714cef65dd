/** Loads the shipped triage model (model.json beside this file), or trains one from the corpus if it is missing. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserializeModel, trainModel, type SerializedTriageModel, type TriageModel } from '../domain/triage/train-model.ts';
import { CORPUS_PATH, readExamples } from './read-examples.ts';

export const MODEL_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'model.json');

const cache = new Map<string, TriageModel>();

export function loadModel(file = MODEL_PATH): TriageModel {
  const hit = cache.get(file);
  if (hit) return hit;
  const model = existsSync(file)
    ? deserializeModel(JSON.parse(readFileSync(file, 'utf8')) as SerializedTriageModel)
    : trainModel(readExamples(CORPUS_PATH).examples);
  cache.set(file, model);
  return model;
}
