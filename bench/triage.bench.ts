/** Triage throughput (messages/s on one core) against plain NFC + lower-casing of the same messages, and training time. */
import { classifyMessage } from '../server/src/domain/triage/classify.ts';
import { trainModel } from '../server/src/domain/triage/train-model.ts';
import { loadGazetteer } from '../server/src/triage/load-gazetteer.ts';
import { loadModel } from '../server/src/triage/load-model.ts';
import { CORPUS_PATH, readExamples } from '../server/src/triage/read-examples.ts';

type Result = { name: string; value: number; unit: string; baseline?: { name: string; value: number; unit: string }; notes?: string };

function rate(texts: string[], rounds: number, fn: (t: string) => unknown): number {
  return rates(texts, rounds, fn).wall;
}

/** Messages per wall-clock second and per second of this process's CPU time (the per-core cost on a shared machine). */
function rates(texts: string[], rounds: number, fn: (t: string) => unknown): { wall: number; cpu: number } {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const t of texts) fn(t);
  const cpu = process.cpuUsage(cpu0);
  const n = texts.length * rounds;
  return { wall: n / ((performance.now() - started) / 1000), cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

export async function benchTriage(): Promise<Result[]> {
  const examples = readExamples(CORPUS_PATH).examples;
  const texts = examples.map((e) => e.text);
  const model = loadModel();
  const gazetteer = loadGazetteer();
  // Warm-up rounds so the figure is steady-state throughput (JIT-compiled code, caches filled).
  rate(texts, 3, (t) => classifyMessage(t, model, gazetteer));
  const classifyRates = rates(texts, 10, (t) => classifyMessage(t, model, gazetteer));
  const classify = classifyRates.wall;
  const baseline = rate(texts, 10, (t) => t.normalize('NFC').toLowerCase());
  const started = performance.now();
  trainModel(examples);
  const trainMs = performance.now() - started;
  return [
    { name: 'triage classify', value: Math.round(classify), unit: 'messages/s', baseline: { name: 'NFC + lowercase', value: Math.round(baseline), unit: 'messages/s' }, notes: `${texts.length} corpus messages × 10 after 3 warm-up rounds, one core; ${Math.round(classifyRates.cpu)} per CPU-second` },
    { name: 'triage train (corpus)', value: Math.round(trainMs), unit: 'ms', notes: `${examples.length} messages, 4 classifiers` },
  ];
}
