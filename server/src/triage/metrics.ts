/** Accuracy, per-class precision/recall/F1, macro-F1 and a confusion table for one field. */

export type FieldReport = {
  field: string;
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: { labels: string[]; matrix: number[][] };
};

export function labelKey(v: string | boolean | null | undefined): string {
  return v === null || v === undefined ? '(null)' : String(v);
}

/** Scores gold vs predicted labels; null counts as a label of its own. */
export function scoreField(field: string, gold: string[], predicted: string[]): FieldReport {
  const labels = [...new Set([...gold, ...predicted])].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? '(null)';
    const row = matrix[index.get(g) ?? 0];
    if (row) row[index.get(p) ?? 0] = (row[index.get(p) ?? 0] ?? 0) + 1;
    if (g === p) correct++;
  });
  const perClass: FieldReport['perClass'] = {};
  const f1s: number[] = [];
  labels.forEach((label, i) => {
    const tp = matrix[i]?.[i] ?? 0;
    const support = (matrix[i] ?? []).reduce((a, b) => a + b, 0);
    const predictedN = matrix.reduce((a, row) => a + (row[i] ?? 0), 0);
    const precision = predictedN ? tp / predictedN : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support };
    if (support > 0) f1s.push(f1);
  });
  return {
    field,
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    perClass,
    confusion: { labels, matrix },
  };
}

/**
 * Extraction-style F1 for place fields: a prediction counts as a true positive when it equals a non-null gold
 * value; a wrong non-null prediction is both a false positive and a false negative.
 */
export function extractionF1(gold: (string | null)[], predicted: (string | null)[]): { precision: number; recall: number; f1: number } {
  let tp = 0, fp = 0, fn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? null;
    if (g !== null && p !== null && g === p) tp++;
    else {
      if (p !== null) fp++;
      if (g !== null) fn++;
    }
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Fixed-width confusion table, gold in rows, predictions in columns. */
export function formatConfusion(report: FieldReport): string {
  const { labels, matrix } = report.confusion;
  const short = labels.map((l) => l.slice(0, 8));
  const width = Math.max(10, ...labels.map((l) => l.length)) + 1;
  const head = ''.padEnd(width) + short.map((s) => s.padStart(9)).join('');
  const rows = labels.map((l, i) => l.padEnd(width) + (matrix[i] ?? []).map((n) => String(n).padStart(9)).join(''));
  return [head, ...rows].join('\n');
}
