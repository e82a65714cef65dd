/** `gandan triage train`: rebuilds the model from the corpus plus officers' corrections and writes it as JSON. */
import { writeFileSync } from 'node:fs';
import { serializeModel, trainModel } from '../domain/triage/train-model.ts';
import type { LabelledExample } from '../domain/triage/types.ts';
import { MODEL_PATH } from './load-model.ts';
import { CORPUS_PATH, readExamples } from './read-examples.ts';

export type TrainReport = { out: string; examples: number; corrections: number; bytes: number; ms: number; skipped: { file: string; line: number; error: string }[] };

/** Trains on the corpus and the corrections (a correction with a corpus id replaces that line) and saves. */
export function trainAndSave(options: { corpus?: string; corrections?: string; out?: string; extra?: LabelledExample[] } = {}): TrainReport {
  const started = performance.now();
  const corpusFile = options.corpus ?? CORPUS_PATH;
  const corpus = readExamples(corpusFile);
  const corrections = options.corrections ? readExamples(options.corrections) : { examples: [], errors: [] };
  const extra = options.extra ?? [];
  const examples: LabelledExample[] = [...corpus.examples, ...corrections.examples, ...extra];
  const json = JSON.stringify(serializeModel(trainModel(examples)));
  const out = options.out ?? MODEL_PATH;
  writeFileSync(out, json);
  return {
    out, examples: examples.length, corrections: corrections.examples.length + extra.length, bytes: Buffer.byteLength(json), ms: performance.now() - started,
    skipped: [
      ...corpus.errors.map((e) => ({ file: corpusFile, ...e })),
      ...corrections.errors.map((e) => ({ file: options.corrections ?? '', ...e })),
    ],
  };
}
