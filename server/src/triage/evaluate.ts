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

/** Stratified-by-position k-fold: example i is in fold i mod k (the corpus is already shuffled). */
export function crossValidate(examples: LabelledExample[], k: number, gazetteer: Gazetteer): EvaluationReport {
  const predicted: TriageResult[] = new Array<TriageResult>(examples.length);
  for (let fold = 0; fold < k; fold++) {
    const model = trainModel(examples.filter((_, i) => i % k !== fold));
    examples.forEach((e, i) => {
      if (i % k === fold) predicted[i] = classifyMessage(e.text, model, gazetteer);
    });
  }
  return scorePredictions(examples, predicted, k);
}

const pct = (x: number) => x.toFixed(3);

/** Human-readable report: one block per field. */
export function formatReport(r: EvaluationReport): string {
  const lines = [`messages: ${r.n}${r.folds ? `, ${r.folds}-fold cross-validation` : ', shipped model'}`, ''];
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
