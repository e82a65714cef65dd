/**
 * Applies a trained triage model to one text: type, then category or procedure depending on the type,
 * then urgency, each with the probability of the chosen label. Pure.
 *
 * For speed the four linear models are compiled once per model object into two compact tables (weight-table.ts):
 * hashed feature index → a row holding the weights of type and urgency side by side, and a row of category and
 * procedure, so scoring a message is one lookup of its features' rows and one or two passes over them.
 */
import { HASH_BITS, vectorize, type SparseVector } from './features.ts';
import { analyzeText, type TextAnalysis } from './normalize.ts';
import { urgencyCues, urgencyRule } from './urgency.ts';
import type { LinearModel } from './model.ts';
import { buildFeatureRank, packWeights, rankOf, type FeatureRank, type WeightRows } from './weight-table.ts';
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
  /** Feature index → row of the weight tables (see weight-table.ts). */
  rank: FeatureRank;
  /**
   * Weight tables, one row per feature: group 0 holds type and urgency (always needed, 7 numbers a row), group 1
   * category and procedure (needed for one pass, only for some types).
   */
  groups: WeightRows[];
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
  const rank = buildFeatureRank(features, HASH_BITS);
  // Rows padded with zeros to a multiple of 8 numbers, so that scoring always reads 8 columns at a time.
  const plain = widths.map((w) => ({ weights: new Float32Array(rank.size * Math.ceil(w / 8) * 8), width: Math.ceil(w / 8) * 8 }));
  for (const idx of features) {
    const row = rankOf(rank, idx);
    models.forEach((m, mi) => {
      const w = m.weights.get(idx);
      const g = plain[groupOf[mi] ?? 0];
      if (w && g) g.weights.set(w, row * g.width + (offsets[mi] ?? 0));
    });
  }
  const groups = plain.map((g) => packWeights(g.weights, g.width));
  const compiled = { rank, groups, models, groupOf, offsets, scoreAt, width, typeTemperature: model.typeTemperature ?? 1 };
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

/**
 * The features of one vector that the model knows, found once and shared by the scoring passes: `rows[j]` is the
 * weight row of feature `at[j]` (a position in the vector), for j < count. Scratch arrays reused from call to call
 * (the module is synchronous, so calls never interleave).
 */
type FoundRows = { rows: Int32Array; at: Int32Array; count: number; touched: number };
const found: FoundRows = { rows: new Int32Array(256), at: new Int32Array(256), count: 0, touched: 0 };

function findRows(c: Compiled, x: SparseVector): FoundRows {
  const idx = x.indices;
  const n = x.count ?? idx.length;
  if (found.rows.length < n) {
    found.rows = new Int32Array(n * 2);
    found.at = new Int32Array(n * 2);
  }
  const { rows, at } = found;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const row = rankOf(c.rank, idx[i] as number);
    if (row < 0) continue;
    rows[count] = row;
    at[count] = i;
    count++;
  }
  found.count = count;
  return found;
}

/**
 * Adds the weights of one group (columns [lo, hi) of it) for the found features into scores, from scores[at], in
 * the order of the vector's features (the same sums, bit for bit, whatever the layout). Eight columns at a time,
 * summed in local variables rather than in the array; columns past `hi` in the last eight (the row's padding or the
 * next model's columns) are summed and dropped.
 */
function accumulate(c: Compiled, group: number, f: FoundRows, vals: Float32Array, scores: Float64Array, at: number, lo: number, hi: number): void {
  const g = c.groups[group];
  if (!g) return;
  const shift = at - lo;
  touchRows(g, f, lo);
  let k = lo;
  for (; k < hi && k + 8 <= g.width; k += 8) {
    const n = Math.min(8, hi - k);
    for (let d = 0; d < 8; d++) START[d] = d < n ? (scores[k + shift + d] as number) : 0;
    const sums = sum8(g, f, vals, k);
    for (let d = 0; d < n; d++) scores[k + shift + d] = sums[d] as number;
  }
  for (; k < hi; k++) scores[k + shift] = sum1(g, f, vals, k, scores[k + shift] as number);
}

/**
 * Reads the first weight of every found row before the sums do: the rows sit at random places in tables larger
 * than the core's cache, and this short loop lets the processor fetch many of them at once, where the sums' long
 * loop body waits for them a few at a time. The total is kept (f.touched) so that the reads are not optimised away.
 */
function touchRows(g: WeightRows, f: FoundRows, k: number): void {
  const { width, codes, values } = g;
  const { rows, count } = f;
  let t = 0;
  if (codes) for (let j = 0; j < count; j++) t += codes[(rows[j] as number) * width + k] as number;
  else for (let j = 0; j < count; j++) t += values[(rows[j] as number) * width + k] as number;
  f.touched = t;
}

/** The sums' starting values, then their results (see sum8). */
const START = new Float64Array(8);
const SUMS = new Float64Array(8);

/** Columns k to k + 7 of the found rows, times each feature's value, added to START[0…7] in feature order, into SUMS. */
function sum8(g: WeightRows, f: FoundRows, vals: Float32Array, k: number): Float64Array {
  const { width, codes, values } = g;
  const { rows, at, count } = f;
  let s0 = START[0] as number, s1 = START[1] as number, s2 = START[2] as number, s3 = START[3] as number;
  let s4 = START[4] as number, s5 = START[5] as number, s6 = START[6] as number, s7 = START[7] as number;
  if (codes) {
    for (let j = 0; j < count; j++) {
      const v = vals[at[j] as number] as number;
      const base = (rows[j] as number) * width + k;
      s0 += (values[codes[base] as number] as number) * v;
      s1 += (values[codes[base + 1] as number] as number) * v;
      s2 += (values[codes[base + 2] as number] as number) * v;
      s3 += (values[codes[base + 3] as number] as number) * v;
      s4 += (values[codes[base + 4] as number] as number) * v;
      s5 += (values[codes[base + 5] as number] as number) * v;
      s6 += (values[codes[base + 6] as number] as number) * v;
      s7 += (values[codes[base + 7] as number] as number) * v;
    }
  } else {
    for (let j = 0; j < count; j++) {
      const v = vals[at[j] as number] as number;
      const base = (rows[j] as number) * width + k;
      s0 += (values[base] as number) * v;
      s1 += (values[base + 1] as number) * v;
      s2 += (values[base + 2] as number) * v;
      s3 += (values[base + 3] as number) * v;
      s4 += (values[base + 4] as number) * v;
      s5 += (values[base + 5] as number) * v;
      s6 += (values[base + 6] as number) * v;
      s7 += (values[base + 7] as number) * v;
    }
  }
  SUMS[0] = s0;
  SUMS[1] = s1;
  SUMS[2] = s2;
  SUMS[3] = s3;
  SUMS[4] = s4;
  SUMS[5] = s5;
  SUMS[6] = s6;
  SUMS[7] = s7;
  return SUMS;
}

/** Column k of the found rows, times each feature's value, added to s in feature order. */
function sum1(g: WeightRows, f: FoundRows, vals: Float32Array, k: number, s: number): number {
  const { width, codes, values } = g;
  const { rows, at, count } = f;
  for (let j = 0; j < count; j++) {
    const base = (rows[j] as number) * width + k;
    s += (values[codes ? (codes[base] as number) : base] as number) * (vals[at[j] as number] as number);
  }
  return s;
}

type Probs = { type: number[]; category: number[]; procedure: number[]; urgent: number[] };

/**
 * Class probabilities of the four models for one vector, in each model's `classes` order. `need` limits the
 * work to the models whose answer is used (category and procedure are only needed for some types).
 */
export function predictAll(model: TriageModel, x: SparseVector, need: { type?: boolean; category?: boolean; procedure?: boolean } = { type: true, category: true, procedure: true }): Probs {
  const c = compile(model);
  const f = findRows(c, x);
  const scores = new Float64Array(c.width);
  const withType = need.type !== false;
  // Type and urgency are adjacent in group 0: one pass.
  if (withType) scoreTypeAndUrgency(c, f, x, scores);
  if (need.category) runModel(c, 2, f, x, scores);
  if (need.procedure) runModel(c, 3, f, x, scores);
  return {
    type: withType ? modelProbs(c, 0, scores) : [],
    category: need.category ? modelProbs(c, 2, scores) : [],
    procedure: need.procedure ? modelProbs(c, 3, scores) : [],
    urgent: withType ? modelProbs(c, 1, scores) : [],
  };
}

function scoreTypeAndUrgency(c: Compiled, f: FoundRows, x: SparseVector, scores: Float64Array): void {
  accumulate(c, 0, f, x.values, scores, c.scoreAt[0] ?? 0, 0, (c.models[0]?.classes.length ?? 0) + (c.models[1]?.classes.length ?? 0));
}

/** Scores of compiled model `mi` (category or procedure: the topic-weighted values) into `scores`. */
function runModel(c: Compiled, mi: number, f: FoundRows, x: SparseVector, scores: Float64Array): void {
  const lo = c.offsets[mi] ?? 0;
  accumulate(c, c.groupOf[mi] ?? 0, f, x.topicValues ?? x.values, scores, c.scoreAt[mi] ?? 0, lo, lo + (c.models[mi]?.classes.length ?? 0));
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
 * The most and second most probable types: the first two of the types sorted by falling probability, ties kept in
 * class order (as a stable sort would), without sorting. Exported for tests.
 */
export function topTwo(classes: MessageType[], probs: number[]): { top: { type: MessageType; p: number }; second: { type: MessageType; p: number } } {
  let first = -1;
  let next = -1;
  for (let k = 0; k < probs.length; k++) {
    const p = probs[k] as number;
    if (first < 0 || p > (probs[first] as number)) [first, next] = [k, first];
    else if (next < 0 || p > (probs[next] as number)) next = k;
  }
  const at = (k: number) => (k < 0 ? { type: 'khac' as MessageType, p: 0 } : { type: classes[k] as MessageType, p: probs[k] as number });
  return { top: at(first), second: at(next) };
}

/** Scores of the four models for one message, reused from call to call (calls never interleave). */
let scoreScratch = new Float64Array(64);

/**
 * Predicts the four labels for a text (or its analysis and vector, when the caller already has them). Urgency is
 * the rule in urgency.ts applied to complaints; the urgency model's probability only sets its confidence.
 */
export function predictLabels(model: TriageModel, text: string | TextAnalysis, x?: SparseVector): PredictedLabels {
  const analysis = typeof text === 'string' ? analyzeText(text) : text;
  x ??= vectorize(analysis);
  // One lookup of the features' rows for both passes (type and urgency, then category or procedure), whose scores
  // go to separate columns of one array.
  const c = compile(model);
  const f = findRows(c, x);
  if (scoreScratch.length < c.width) scoreScratch = new Float64Array(c.width);
  const scores = scoreScratch.fill(0);
  scoreTypeAndUrgency(c, f, x, scores);
  const probs = { type: modelProbs(c, 0, scores), urgent: modelProbs(c, 1, scores) };
  const { top, second } = topTwo(model.type.classes as MessageType[], probs.type);
  let category: { label: string | null; p: number } = { label: null, p: 1 };
  let procedure: { label: string | null; p: number } = { label: null, p: 1 };
  if (top.type === 'phan_anh' || top.type === 'gop_y') {
    runModel(c, 2, f, x, scores);
    category = best(model.category, modelProbs(c, 2, scores), top.type === 'gop_y');
  }
  if (top.type === 'thu_tuc' || top.type === 'hoi_dap') {
    runModel(c, 3, f, x, scores);
    procedure = best(model.procedure, modelProbs(c, 3, scores), top.type === 'hoi_dap');
  }
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
