/**
 * Compact in-memory layouts for the linear models' weights, built at load time (the model file is unchanged).
 * Scoring reads one row per feature of a message, at random places in the tables, so their size is what costs:
 *
 * - `FeatureRank` finds a feature's row from its hashed index with a bitmap and a running count (the row is the
 *   number of model features with a smaller index), 8 bytes per 32 indices instead of a table over the whole hash
 *   space;
 * - `WeightRows` keeps each weight as a 16-bit code into the table of the distinct values when there are at most
 *   65 536 of them (the shipped model's weights are rounded to three decimals: a few thousand values), so a row is
 *   half the size. Decoding gives back the very same 32-bit float, so scores are bit-for-bit those of the plain
 *   layout, which is kept for models with more distinct values (a freshly trained, unrounded model).
 *
 * Pure.
 */

/** Row lookup for a set of feature indices below 2^bits: per 32-bit word, its bits, then the count before it. */
export type FeatureRank = { words: Int32Array; size: number };

/** Number of bits set in a 32-bit integer. */
export function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The rank structure of a set of indices in [0, 2^bits); indices outside the range are ignored. */
export function buildFeatureRank(indices: Iterable<number>, bits: number): FeatureRank {
  const wordCount = Math.max(1, 2 ** bits / 32);
  const words = new Int32Array(wordCount * 2);
  for (const idx of indices) {
    if (!Number.isInteger(idx) || idx < 0 || idx >= 2 ** bits) continue;
    const at = 2 * (idx >>> 5);
    words[at] = (words[at] as number) | (1 << (idx & 31));
  }
  let size = 0;
  for (let w = 0; w < wordCount; w++) {
    words[2 * w + 1] = size;
    size += popcount32(words[2 * w] as number);
  }
  return { words, size };
}

/** Row of a feature index (its rank among the set's indices), or -1 when the index is not in the set. */
export function rankOf(r: FeatureRank, idx: number): number {
  const at = 2 * (idx >>> 5);
  if (at >= r.words.length) return -1;
  const word = r.words[at] as number;
  const bit = idx & 31;
  if (((word >>> bit) & 1) === 0) return -1;
  return (r.words[at + 1] as number) + popcount32(word & ((1 << bit) - 1));
}

/**
 * Weights in rows of `width` numbers. With `codes`, weight j is `values[codes[j]]` (values: the distinct weights);
 * without, `values` holds the weights themselves.
 */
export type WeightRows = { width: number; codes: Uint16Array | null; values: Float32Array };

/** Packs row-major weights (`width` per row) into 16-bit codes when they have at most 65 536 distinct values. */
export function packWeights(weights: Float32Array, width: number): WeightRows {
  // Distinct by bit pattern, so that even -0 and NaN payloads come back exactly as they were.
  const bitsOf = new Int32Array(weights.buffer, weights.byteOffset, weights.length);
  const codeOf = new Map<number, number>();
  const codes = new Uint16Array(weights.length);
  for (let j = 0; j < weights.length; j++) {
    const key = bitsOf[j] as number;
    let code = codeOf.get(key);
    if (code === undefined) {
      if (codeOf.size === 65536) return { width, codes: null, values: weights };
      codeOf.set(key, (code = codeOf.size));
    }
    codes[j] = code;
  }
  const values = new Float32Array(codeOf.size);
  const valueBits = new Int32Array(values.buffer);
  for (const [key, code] of codeOf) valueBits[code] = key;
  return { width, codes, values };
}

/** Weight j of packed rows (for tests; scoring reads the arrays directly). */
export function weightAt(w: WeightRows, j: number): number {
  return w.codes ? (w.values[w.codes[j] as number] as number) : (w.values[j] as number);
}
