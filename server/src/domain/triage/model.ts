/**
 * A small multinomial logistic regression over hashed sparse features, trained with AdaGrad and L2.
 * Deterministic (fixed-seed shuffling), so the same examples always give the same model. Pure.
 */
import type { SparseVector } from './features.ts';

/** One softmax classifier. `weights` maps a feature index to one weight per class (sparse over features). */
export type LinearModel = {
  classes: string[];
  bias: number[];
  weights: Map<number, Float32Array>;
};

export type TrainOptions = {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Per-class weight on the loss, e.g. to favour recall of a rare class. */
  classWeights?: Record<string, number>;
};

/** Deterministic PRNG (mulberry32) used only to shuffle training order. */
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

/** Class probabilities for one vector, in `model.classes` order. */
export function predictProbabilities(model: LinearModel, x: SparseVector): number[] {
  const scores = model.bias.slice();
  for (let i = 0; i < x.indices.length; i++) {
    const w = model.weights.get(x.indices[i] ?? -1);
    if (!w) continue;
    const v = x.values[i] ?? 0;
    for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) + (w[k] ?? 0) * v;
  }
  const max = Math.max(...scores);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp((scores[k] ?? 0) - max);
    scores[k] = e;
    sum += e;
  }
  return scores.map((s) => s / sum);
}

/** Trains a softmax classifier on (vector, label) pairs. Labels not in `classes` are ignored. */
export function trainLinear(
  data: { x: SparseVector; label: string }[],
  classes: string[],
  options: TrainOptions = {},
): LinearModel {
  const { epochs = 25, learningRate = 0.5, l2 = 1e-4, classWeights = {} } = options;
  const K = classes.length;
  // Features are remapped to a compact range so the weights fit one flat array during training.
  const slot = new Map<number, number>();
  const rows = data
    .filter((d) => classes.includes(d.label))
    .map((d) => ({
      slots: Int32Array.from(d.x.indices, (idx) => {
        let s = slot.get(idx);
        if (s === undefined) slot.set(idx, (s = slot.size));
        return s;
      }),
      values: d.x.values,
      y: classes.indexOf(d.label),
      cw: classWeights[d.label] ?? 1,
    }));
  const W = new Float32Array(slot.size * K);
  const G2 = new Float32Array(slot.size * K).fill(1e-8);
  const bias = new Float64Array(K);
  const biasG2 = new Float64Array(K).fill(1e-8);
  const scores = new Float64Array(K);
  const rng = makeRng(42);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const r of order) {
      const row = rows[r];
      if (!row) continue;
      const n = row.slots.length;
      scores.set(bias);
      for (let i = 0; i < n; i++) {
        const base = (row.slots[i] ?? 0) * K;
        const v = row.values[i] ?? 0;
        for (let k = 0; k < K; k++) scores[k] = (scores[k] ?? 0) + (W[base + k] ?? 0) * v;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, scores[k] ?? 0);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += scores[k] = Math.exp((scores[k] ?? 0) - max);
      for (let k = 0; k < K; k++) {
        const g = ((scores[k] ?? 0) / sum - (k === row.y ? 1 : 0)) * row.cw;
        biasG2[k] = (biasG2[k] ?? 0) + g * g;
        bias[k] = (bias[k] ?? 0) - (learningRate * g) / Math.sqrt(biasG2[k] ?? 1);
        for (let i = 0; i < n; i++) {
          const at = (row.slots[i] ?? 0) * K + k;
          const w = W[at] ?? 0;
          const gi = g * (row.values[i] ?? 0) + l2 * w;
          const g2 = (G2[at] ?? 0) + gi * gi;
          G2[at] = g2;
          W[at] = w - (learningRate * gi) / Math.sqrt(g2);
        }
      }
    }
  }
  const weights = new Map<number, Float32Array>();
  for (const [idx, s] of slot) weights.set(idx, W.slice(s * K, (s + 1) * K));
  return { classes, bias: Array.from(bias), weights };
}

/** Drops features whose largest absolute weight is below `minWeight`, to keep the saved model small. */
export function pruneModel(model: LinearModel, minWeight: number): LinearModel {
  const weights = new Map<number, Float32Array>();
  for (const [idx, w] of model.weights) if (w.some((v) => Math.abs(v) >= minWeight)) weights.set(idx, w);
  return { ...model, weights };
}

export type SerializedLinearModel = { classes: string[]; bias: number[]; features: number[]; weights: number[] };

/** JSON-friendly form: weights flattened feature-major and rounded to 3 decimals. */
export function serializeLinearModel(model: LinearModel): SerializedLinearModel {
  const features = [...model.weights.keys()].sort((a, b) => a - b);
  const weights: number[] = [];
  for (const idx of features) for (const v of model.weights.get(idx) ?? []) weights.push(Math.round(v * 1000) / 1000);
  return { classes: model.classes, bias: model.bias.map((b) => Math.round(b * 1000) / 1000), features, weights };
}

export function deserializeLinearModel(data: SerializedLinearModel): LinearModel {
  const K = data.classes.length;
  const weights = new Map<number, Float32Array>();
  data.features.forEach((idx, i) => weights.set(idx, Float32Array.from(data.weights.slice(i * K, (i + 1) * K))));
  return { classes: data.classes, bias: data.bias, weights };
}
