/**
 * Applies a trained triage model to one text: type, then category or procedure depending on the type,
 * then urgency, each with the probability of the chosen label. Pure.
 *
 * For speed the four linear models are compiled once per model object into one table: hashed feature index →
 * a row holding the weights of all four models side by side, so scoring a message is one pass over its features.
 */
import { HASH_BITS, vectorize, type SparseVector } from './features.ts';
import { analyzeText, type TextAnalysis } from './normalize.ts';
import { urgencyCues, urgencyRule } from './urgency.ts';
import type { LinearModel } from './model.ts';
import { NULL_LABEL, type TriageModel } from './train-model.ts';
import type { MessageType } from './types.ts';

export type PredictedLabels = {
  type: MessageType;
  category: string | null;
  procedure: string | null;
  urgent: boolean;
  /** Probability that the message is urgent according to the model alone (before any rule). */
  pUrgent: number;
  /** The urgency rule (danger + happening now, not habitual/risk/past) fired; see urgency.ts. */
  urgentRule: boolean;
  confidences: { type: number; category: number; procedure: number; urgent: number };
  /** Runner-up type and its probability, for explanations. */
  secondType: { type: MessageType; p: number };
};

type Compiled = {
  /** Feature index → row number + 1, or 0 (16 bits keep the table small enough to stay in cache). */
  rowOf: Uint16Array | Int32Array;
  /**
   * Weight tables, one row per feature: group 0 holds type and urgency (always needed, 7 numbers a row, small
   * enough to stay in cache), group 1 category and procedure (needed for one pass, only for some types).
   */
  groups: { weights: Float32Array; width: number }[];
  models: LinearModel[];
  /** Model i lives in group groupOf[i] at column offsets[i]; its scores start at scoreAt[i]. */
  groupOf: number[];
  offsets: number[];
  scoreAt: number[];
  width: number;
  /** The type model's calibration temperature. */
  typeTemperature: number;
};

const compiledCache = new WeakMap<TriageModel, Compiled>();

function compile(model: TriageModel): Compiled {
  const hit = compiledCache.get(model);
  if (hit) return hit;
  const models = [model.type, model.urgent, model.category, model.procedure];
  const groupOf = [0, 0, 1, 1];
  const offsets: number[] = [];
  const scoreAt: number[] = [];
  const widths = [0, 0];
  let width = 0;
  models.forEach((m, mi) => {
    const g = groupOf[mi] ?? 0;
    offsets.push(widths[g] ?? 0);
    widths[g] = (widths[g] ?? 0) + m.classes.length;
    scoreAt.push(width);
    width += m.classes.length;
  });
  const features = new Set<number>();
  for (const m of models) for (const idx of m.weights.keys()) if (idx >= 0 && idx < 1 << HASH_BITS) features.add(idx);
  const rowOf = features.size < 65535 ? new Uint16Array(1 << HASH_BITS) : new Int32Array(1 << HASH_BITS);
  const groups = widths.map((w) => ({ weights: new Float32Array(features.size * w), width: w }));
  let row = 0;
  for (const idx of features) {
    rowOf[idx] = row + 1;
    models.forEach((m, mi) => {
      const w = m.weights.get(idx);
      const g = groups[groupOf[mi] ?? 0];
      if (w && g) g.weights.set(w, row * g.width + (offsets[mi] ?? 0));
    });
    row++;
  }
  const compiled = { rowOf, groups, models, groupOf, offsets, scoreAt, width, typeTemperature: model.typeTemperature ?? 1 };
  compiledCache.set(model, compiled);
  return compiled;
}

function softmax(scores: Float64Array, from: number, k: number, bias: number[], temperature = 1): number[] {
  const out = new Array<number>(k);
  let max = -Infinity;
  for (let j = 0; j < k; j++) {
    const s = ((scores[from + j] ?? 0) + (bias[j] ?? 0)) / temperature;
    out[j] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let j = 0; j < k; j++) sum += out[j] = Math.exp((out[j] ?? 0) - max);
  for (let j = 0; j < k; j++) out[j] = (out[j] ?? 0) / sum;
  return out;
}

/** Adds the weights of one group (columns [lo, hi) of it) for the features of x into scores, from scores[at]. */
function accumulate(c: Compiled, group: number, x: SparseVector, scores: Float64Array, at: number, lo: number, hi: number, topic: boolean): void {
  const { rowOf } = c;
  const g = c.groups[group];
  if (!g) return;
  const { weights, width } = g;
  const idx = x.indices;
  const vals = topic ? (x.topicValues ?? x.values) : x.values;
  const shift = at - lo;
  for (let i = 0; i < idx.length; i++) {
    const row = (rowOf[idx[i] as number] as number) - 1;
    if (row < 0) continue;
    const v = vals[i] as number;
    const base = row * width;
    for (let k = lo; k < hi; k++) scores[k + shift] = (scores[k + shift] as number) + (weights[base + k] as number) * v;
  }
}

type Probs = { type: number[]; category: number[]; procedure: number[]; urgent: number[] };

/**
 * Class probabilities of the four models for one vector, in each model's `classes` order. `need` limits the
 * work to the models whose answer is used (category and procedure are only needed for some types).
 */
export function predictAll(model: TriageModel, x: SparseVector, need: { type?: boolean; category?: boolean; procedure?: boolean } = { type: true, category: true, procedure: true }): Probs {
  const c = compile(model);
  const scores = new Float64Array(c.width);
  const withType = need.type !== false;
  // Type and urgency are adjacent in group 0: one pass.
  if (withType) accumulate(c, 0, x, scores, c.scoreAt[0] ?? 0, 0, (c.models[0]?.classes.length ?? 0) + (c.models[1]?.classes.length ?? 0), false);
  if (need.category) runModel(c, 2, x, scores);
  if (need.procedure) runModel(c, 3, x, scores);
  return {
    type: withType ? modelProbs(c, 0, scores) : [],
    category: need.category ? modelProbs(c, 2, scores) : [],
    procedure: need.procedure ? modelProbs(c, 3, scores) : [],
    urgent: withType ? modelProbs(c, 1, scores) : [],
  };
}

/** Scores of compiled model `mi` (category or procedure: the topic-weighted values) into `scores`. */
function runModel(c: Compiled, mi: number, x: SparseVector, scores: Float64Array): void {
  const lo = c.offsets[mi] ?? 0;
  accumulate(c, c.groupOf[mi] ?? 0, x, scores, c.scoreAt[mi] ?? 0, lo, lo + (c.models[mi]?.classes.length ?? 0), true);
}

function modelProbs(c: Compiled, mi: number, scores: Float64Array): number[] {
  const m = c.models[mi];
  return softmax(scores, c.scoreAt[mi] ?? 0, m?.classes.length ?? 0, m?.bias ?? [], mi === 0 ? c.typeTemperature : 1);
}

function best(model: LinearModel, probs: number[], allowNull: boolean): { label: string | null; p: number } {
  let bestK = -1;
  let bestP = -1;
  let nullP = 0;
  probs.forEach((p, k) => {
    if (model.classes[k] === NULL_LABEL) nullP = p;
    if ((allowNull || model.classes[k] !== NULL_LABEL) && p > bestP) [bestK, bestP] = [k, p];
  });
  const label = model.classes[bestK] ?? NULL_LABEL;
  // When null is not allowed, the chosen label's confidence is renormalised over the non-null classes.
  const p = allowNull ? bestP : bestP / Math.max(1e-9, 1 - nullP);
  return { label: label === NULL_LABEL ? null : label, p };
}

/**
 * Predicts the four labels for a text (or its analysis and vector, when the caller already has them). Urgency is
 * the rule in urgency.ts applied to complaints; the urgency model's probability only sets its confidence.
 */
export function predictLabels(model: TriageModel, text: string | TextAnalysis, x?: SparseVector): PredictedLabels {
  const analysis = typeof text === 'string' ? analyzeText(text) : text;
  x ??= vectorize(analysis);
  const probs = predictAll(model, x, { type: true });
  const ranked = probs.type.map((p, k) => ({ type: model.type.classes[k] as MessageType, p })).sort((a, b) => b.p - a.p);
  const top = ranked[0] ?? { type: 'khac' as MessageType, p: 0 };
  const second = ranked[1] ?? { type: 'khac' as MessageType, p: 0 };
  let category: { label: string | null; p: number } = { label: null, p: 1 };
  let procedure: { label: string | null; p: number } = { label: null, p: 1 };
  if (top.type === 'phan_anh' || top.type === 'gop_y')
    category = best(model.category, predictAll(model, x, { type: false, category: true }).category, top.type === 'gop_y');
  if (top.type === 'thu_tuc' || top.type === 'hoi_dap')
    procedure = best(model.procedure, predictAll(model, x, { type: false, procedure: true }).procedure, top.type === 'hoi_dap');
  const pUrgent = probs.urgent[model.urgent.classes.indexOf('yes')] ?? 0;
  const urgentRule = urgencyRule(urgencyCues(analysis));
  const urgent = urgentRule && top.type === 'phan_anh';
  // Confidence: the model's probability when model and rule agree, a middling 0.6 when the rule overrides it.
  const modelSays = pUrgent >= model.urgentThreshold;
  const urgentConfidence = modelSays === urgent ? (urgent ? pUrgent : 1 - pUrgent) : 0.6;
  return {
    type: top.type,
    category: category.label,
    procedure: procedure.label,
    urgent,
    pUrgent,
    urgentRule,
    confidences: { type: top.p, category: category.p, procedure: procedure.p, urgent: urgentConfidence },
    secondType: second,
  };
}
