import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference-data/procedures/triage-topics.json');
let topics: Record<string, string[]> | undefined;

/** The catalogue codes answering a triage procedure topic (e.g. 'khai_sinh' → ['1.001193']); [] when none. */
export function procedureCodesForTopic(topic: string): string[] {
  topics ??= (JSON.parse(readFileSync(FILE, 'utf8')) as { topics: Record<string, string[]> }).topics;
  return topics[topic] ?? [];
}
