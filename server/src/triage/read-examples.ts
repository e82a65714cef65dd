/** Reads labelled examples (corpus line format) from a JSON Lines file; bad lines are reported, not fatal. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGE_TYPES, type LabelledExample } from '../domain/triage/types.ts';
import { REFERENCE_DATA_DIR } from './load-gazetteer.ts';

export const CORPUS_PATH = path.join(REFERENCE_DATA_DIR, 'triage/messages.jsonl');

export type ReadResult = { examples: LabelledExample[]; errors: { line: number; error: string }[] };

function isExample(v: unknown): v is LabelledExample {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.text === 'string' && MESSAGE_TYPES.includes(o.type as never) && typeof o.urgent === 'boolean' &&
    (o.category === null || typeof o.category === 'string') && (o.procedure === null || typeof o.procedure === 'string');
}

export function parseExamples(content: string): ReadResult {
  const result: ReadResult = { examples: [], errors: [] };
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const value: unknown = JSON.parse(line);
      if (isExample(value)) result.examples.push(value);
      else result.errors.push({ line: i + 1, error: 'missing or invalid text/type/category/procedure/urgent' });
    } catch (err) {
      result.errors.push({ line: i + 1, error: err instanceof Error ? err.message : String(err) });
    }
  });
  return result;
}

export function readExamples(file: string): ReadResult {
  return parseExamples(readFileSync(file, 'utf8'));
}
