/** `gandan triage classify | eval | train` — the triage engine on the command line (CONTRACTS §5). */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { classifyMessage } from '../domain/triage/classify.ts';
import { crossValidate, crossValidateByGroup, evaluateWithModel, formatReport } from '../triage/evaluate.ts';
import { loadGazetteer } from '../triage/load-gazetteer.ts';
import { loadModel, MODEL_PATH } from '../triage/load-model.ts';
import { readExamples } from '../triage/read-examples.ts';
import { trainAndSave } from '../triage/train.ts';
import { dataDirModelPath } from '../triage/triage-engine.ts';
import { loadConfig } from '../config.ts';
import type { LabelledExample } from '../domain/triage/types.ts';
import { runAgainstDatabase } from './with-database.ts';
import { CliError } from './cli-error.ts';

/** One output line per input line, same order; a bad line yields {"id": null, "error": ...}. */
async function runClassify(options: { model?: string; explain?: boolean }): Promise<void> {
  const model = loadModel(options.model ?? MODEL_PATH);
  const gazetteer = loadGazetteer();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let out: Record<string, unknown>;
    try {
      const input: unknown = JSON.parse(line);
      if (typeof input !== 'object' || input === null || typeof (input as { text?: unknown }).text !== 'string')
        throw new Error('expected an object with "id" and "text"');
      const { id, text } = input as { id?: unknown; text: string };
      const r = classifyMessage(text, model, gazetteer);
      out = {
        id: id ?? null, type: r.type, category: r.category, procedure: r.procedure, urgent: r.urgent, ward: r.ward,
        district: r.district, street: r.street, unitCode: r.unitCode, hasPii: r.hasPii, confidence: Math.round(r.confidence * 1000) / 1000,
        ...(options.explain ? { needsHumanTriage: r.needsHumanTriage, legalTrack: r.legalTrack, explanation: r.explanation } : {}),
      };
    } catch (err) {
      out = { id: null, error: err instanceof Error ? err.message : String(err) };
    }
    if (!process.stdout.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
}

export function registerTriageCommand(program: Command): void {
  const triage = program.command('triage').description('Classify citizen messages, evaluate and retrain the triage model');
  triage
    .command('classify')
    .description('Read JSON Lines ({"id","text"}) on stdin, write one classification per line on stdout')
    .option('--model <path>', 'model file', MODEL_PATH)
    .option('--explain', 'add needsHumanTriage, legalTrack and the explanation to each line')
    .action(async (opts: { model: string; explain?: boolean }) => runClassify(opts));
  triage
    .command('eval')
    .description('Print accuracy, macro-F1 and a confusion table per field for a labelled JSON Lines file')
    .argument('<file>', 'labelled messages in the corpus line format')
    .option('--folds <k>', 'stratified k-fold cross-validation on the file instead of the shipped model')
    .option('--seed <n>', 'seed for the fold assignment (with --folds)', '1')
    .option('--by <field>', 'leave-one-group-out cross-validation: hold out each value of this field (e.g. channel) in turn')
    .option('--model <path>', 'model file (without --folds)', MODEL_PATH)
    .option('--json', 'print the report as JSON')
    .action((file: string, opts: { folds?: string; seed: string; by?: string; model: string; json?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
      const { examples, errors } = readExamples(file);
      for (const e of errors) process.stderr.write(`gandan: ${file}:${e.line}: skipped (${e.error})\n`);
      if (examples.length === 0) throw new CliError(`no labelled messages in ${file}`);
      const k = opts.folds === undefined ? null : Number(opts.folds);
      if (k !== null && (!Number.isInteger(k) || k < 2 || k > examples.length)) throw new CliError('--folds must be an integer ≥ 2');
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed)) throw new CliError('--seed must be an integer');
      const by = opts.by;
      if (by && new Set(examples.map((e) => (e as Record<string, unknown>)[by])).size < 2) throw new CliError(`--by ${by}: the file needs at least two values of ${by}`);
      const report = by
        ? crossValidateByGroup(examples, (e) => String((e as Record<string, unknown>)[by] ?? '(none)'), loadGazetteer())
        : k
          ? crossValidate(examples, k, loadGazetteer(), seed)
          : evaluateWithModel(examples, loadModel(opts.model), loadGazetteer());
      process.stdout.write(`${opts.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
    });
  triage
    .command('train')
    .description('Rebuild the model from the corpus plus corrections (corpus line format) and save it')
    .option('--corrections <file>', 'JSON Lines of officer corrections')
    .option('--corpus <file>', 'labelled corpus (default: reference-data/triage/messages.jsonl)')
    .option('--from-database', "also learn from the officers' corrections stored in the product database (DATABASE_URL / GANDAN_DATA_DIR); the model then goes to <GANDAN_DATA_DIR>/triage-model.json, which running servers pick up within a minute")
    .option('--out <path>', `where to write the model (default: ${MODEL_PATH}, or the data directory with --from-database)`)
    .action(async (opts: { corrections?: string; corpus?: string; out?: string; fromDatabase?: boolean }) => {
      for (const f of [opts.corrections, opts.corpus]) if (f && !existsSync(f)) throw new CliError(`no such file: ${f}`);
      const extra = opts.fromDatabase ? (await runAgainstDatabase('triage.labels', {})).map((line) => JSON.parse(line) as LabelledExample) : [];
      const out = opts.out ?? (opts.fromDatabase ? dataDirModelPath(loadConfig().dataDir) : MODEL_PATH);
      const r = trainAndSave({ ...opts, out, extra });
      for (const s of r.skipped) process.stderr.write(`gandan: ${s.file}:${s.line}: skipped (${s.error})\n`);
      process.stdout.write(`trained on ${r.examples} messages (${r.corrections} corrections) in ${Math.round(r.ms)} ms; wrote ${r.out} (${Math.round(r.bytes / 1024)} KB)\n`);
    });
}
