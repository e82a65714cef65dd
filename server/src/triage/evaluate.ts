/**
 * `gandan triage eval`: scores the classifier on a labelled file — accuracy, macro-F1 and a confusion table
 * for type/category/procedure/urgent, extraction F1 for ward/district/street, recall for personal data —
 * either with the shipped model or by k-fold cross-validation (train on k−1 folds, test on the rest).
 */
import { classifyMessage, type TriageResult } from '../domain/triage/classify.ts';
import type { Gazetteer } from '../domain/triage/gazetteer.ts';
import { trainModel, type TriageModel } from '../domain/triage/train-model.ts';
import type { LabelledExample } from '../domain/triage/types.ts';
import { extractionF1, formatConfusion, labelKey, scoreField, type FieldReport } from './metrics.ts';

export type EvaluationReport = {
  n: number;
  folds: number | null;
  /** For leave-one-group-out evaluation: the groups held out in turn. */
  heldOutGroups?: string[];
  classification: FieldReport[];
  extraction: Record<'ward' | 'district' | 'street' | 'has_pii', { precision: number; recall: number; f1: number }>;
  urgent: { precision: number; recall: number };
  humanTriageShare: number;
  /** Accuracy of type on the messages that were not sent to human triage. */
  autoRoutedTypeAccuracy: number;
  /**
   * The confidence-threshold trade-off: for each threshold, the share sent to human triage and, on the rest, the
   * accuracy of type and of all three labels together (type, category, procedure).
   */
  thresholdCurve: { threshold: number; humanShare: number; routedTypeAccuracy: number; routedAllAccuracy: number }[];
};

const CURVE_THRESHOLDS = [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

const CLASS_FIELDS = ['type', 'category', 'procedure', 'urgent'] as const;

/** Scores predictions against gold labels (same order). */
export function scorePredictions(gold: LabelledExample[], predicted: TriageResult[], folds: number | null): EvaluationReport {
  const classification = CLASS_FIELDS.map((f) => scoreField(f, gold.map((g) => labelKey(g[f])), predicted.map((p) => labelKey(p[f]))));
  const place = (f: 'ward' | 'district' | 'street') => extractionF1(gold.map((g) => g[f] ?? null), predicted.map((p) => p[f]));
  const pii = extractionF1(gold.map((g) => (g.has_pii ? 'yes' : null)), predicted.map((p) => (p.hasPii ? 'yes' : null)));
  const urgent = classification[3]?.perClass.true ?? { precision: 0, recall: 0 };
  const auto = predicted.map((p, i) => ({ p, g: gold[i] })).filter((x) => !x.p.needsHumanTriage);
  return {
    n: gold.length, folds, classification,
    extraction: { ward: place('ward'), district: place('district'), street: place('street'), has_pii: pii },
    urgent: { precision: urgent.precision, recall: urgent.recall },
    humanTriageShare: predicted.filter((p) => p.needsHumanTriage).length / Math.max(1, predicted.length),
    autoRoutedTypeAccuracy: auto.filter((x) => x.p.type === x.g?.type).length / Math.max(1, auto.length),
    thresholdCurve: CURVE_THRESHOLDS.map((threshold) => {
      const routed = predicted.map((p, i) => ({ p, g: gold[i] })).filter((x) => x.p.confidence >= threshold && x.p.legalTrack === null);
      const all = (x: { p: TriageResult; g?: LabelledExample }) =>
        x.p.type === x.g?.type && x.p.category === (x.g?.category ?? null) && x.p.procedure === (x.g?.procedure ?? null);
      return {
        threshold,
        humanShare: 1 - routed.length / Math.max(1, predicted.length),
        routedTypeAccuracy: routed.filter((x) => x.p.type === x.g?.type).length / Math.max(1, routed.length),
        routedAllAccuracy: routed.filter(all).length / Math.max(1, routed.length),
      };
    }),
  };
}

export function evaluateWithModel(examples: LabelledExample[], model: TriageModel, gazetteer: Gazetteer): EvaluationReport {
  return scorePredictions(examples, examples.map((e) => classifyMessage(e.text, model, gazetteer)), null);
}

/** Deterministic PRNG (mulberry32) for the fold assignment. */
function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Stratified, seeded fold numbers: examples are grouped by their type/category/procedure labels, shuffled within
 * each group with the seed, and dealt round-robin (continuing from group to group), so every fold has the same
 * share of each label combination, and the same seed always gives the same folds.
 */
export function stratifiedFolds(examples: LabelledExample[], k: number, seed = 1): number[] {
  const rng = makeRng(seed);
  const groups = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const key = `${e.type}/${e.category ?? ''}/${e.procedure ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  const fold = new Array<number>(examples.length).fill(0);
  let next = 0;
  for (const key of [...groups.keys()].sort()) {
    const ids = groups.get(key) ?? [];
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [ids[i], ids[j]] = [ids[j] ?? 0, ids[i] ?? 0];
    }
    for (const i of ids) fold[i] = next++ % k;
  }
  return fold;
}

/** Trains on all folds but one and classifies the held-out fold, for each fold. */
function predictHeldOut(examples: LabelledExample[], fold: number[], gazetteer: Gazetteer): TriageResult[] {
  const predicted: TriageResult[] = new Array<TriageResult>(examples.length);
  for (const f of new Set(fold)) {
    const model = trainModel(examples.filter((_, i) => fold[i] !== f));
    examples.forEach((e, i) => {
      if (fold[i] === f) predicted[i] = classifyMessage(e.text, model, gazetteer);
    });
  }
  return predicted;
}

/** Stratified k-fold cross-validation with seeded folds (see stratifiedFolds). */
export function crossValidate(examples: LabelledExample[], k: number, gazetteer: Gazetteer, seed = 1): EvaluationReport {
  return scorePredictions(examples, predictHeldOut(examples, stratifiedFolds(examples, k, seed), gazetteer), k);
}

/**
 * Leave-one-group-out: each value of `group` (e.g. the channel) is held out in turn and predicted by a model trained
 * on the other groups only — an estimate of how the model does on messages written in a way it has not seen.
 */
export function crossValidateByGroup(examples: LabelledExample[], group: (e: LabelledExample) => string, gazetteer: Gazetteer): EvaluationReport {
  const names = [...new Set(examples.map(group))].sort();
  const report = scorePredictions(examples, predictHeldOut(examples, examples.map((e) => names.indexOf(group(e))), gazetteer), names.length);
  return { ...report, heldOutGroups: names };
}

const pct = (x: number) => x.toFixed(3);

/** Human-readable report: one block per field. */
export function formatReport(r: EvaluationReport): string {
  const how = r.heldOutGroups ? `, leave-one-group-out (${r.heldOutGroups.join(', ')})` : r.folds ? `, ${r.folds}-fold stratified cross-validation` : ', shipped model';
  const lines = [`messages: ${r.n}${how}`, ''];
  for (const f of r.classification) {
    lines.push(`## ${f.field}: accuracy ${pct(f.accuracy)}, macro-F1 ${pct(f.macroF1)}`);
    lines.push(formatConfusion(f), '');
  }
  lines.push(`urgent: recall ${pct(r.urgent.recall)}, precision ${pct(r.urgent.precision)}`);
  for (const [k, v] of Object.entries(r.extraction)) lines.push(`${k}: precision ${pct(v.precision)}, recall ${pct(v.recall)}, F1 ${pct(v.f1)}`);
  lines.push(`sent to human triage: ${pct(r.humanTriageShare)}; type accuracy on auto-routed: ${pct(r.autoRoutedTypeAccuracy)}`, '');
  lines.push('## confidence threshold: share to human triage, accuracy of the auto-routed rest (type; type+category+procedure)');
  for (const c of r.thresholdCurve)
    lines.push(`${c.threshold.toFixed(2)}  human ${pct(c.humanShare)}  type ${pct(c.routedTypeAccuracy)}  all ${pct(c.routedAllAccuracy)}`);
  return lines.join('\n');
}
