/**
 * Turns a message into hashed sparse features for the linear models: accent-folded word unigrams and bigrams,
 * cue lexicons (general Vietnamese vocabulary for asking, filing one's own case, suggesting, complaining, danger
 * and immediacy, thanks/spam — not corpus sentences) and shape features (question mark, diacritics, formal letter
 * opening, length bucket). Cue phrases are found in one pass over the tokens through a word trie. Pure.
 */
import { looksEnglish, mayBeEnglish, translateEnglish } from './english.ts';
import { analyzeText, foldAccents, lastSentenceStart, letterFrame, tokenize, type TextAnalysis } from './normalize.ts';
import { analysisCues, CUES, FIX_VERBS, LEXICONS, lexiconId, scanCues, type CueScan } from './cue-lexicons.ts';
import { TOPICS } from './topic-lexicons.ts';

export { CUES, TOPICS };

export const HASH_BITS = 18;
const HASH_MASK = (1 << HASH_BITS) - 1;

/**
 * A sparse feature vector. `values` weight cue features for the type and urgency models; `topicValues` (same
 * indices) weight them less, for the category and procedure models, which depend on topic words.
 */
export type SparseVector = {
  indices: Int32Array;
  values: Float32Array;
  topicValues?: Float32Array;
  /** When set, only the first `count` entries are the vector's (see vectorizeTransient); otherwise all of them. */
  count?: number;
};



/**
 * The tokens the classifier sees: the matching-form tokens, or for an English message (no Vietnamese diacritics)
 * the glossary rewrite of its plain folded words (teencode and Telex repair would mangle English: "this" → "thi").
 */
export function modelTokens(a: TextAnalysis): string[] {
  if (a.modelTokens) return a.modelTokens;
  let out = a.tokens;
  if (!a.hasDiacritics && mayBeEnglish(a.tokens, a.words)) {
    const folded = foldAccents(a.display);
    const plain = tokenize(folded);
    if (looksEnglish(plain)) {
      // Salutation, subject formula, body and closing rewritten apart, so that the body's place in the rewrite is known.
      const frame = letterFrame(folded);
      const part = (from: number, to: number) => (to > from ? translateEnglish(tokenize(folded.slice(from, to))) : []);
      const head = part(0, frame.start);
      const subject = part(frame.start, frame.open);
      const body = frame.open > 0 || frame.end < folded.length ? part(frame.open, frame.end) : translateEnglish(plain);
      const tail = part(frame.end, folded.length);
      out = head.length + subject.length + tail.length > 0 ? [...head, ...subject, ...body, ...tail] : body;
      a.modelBody = { from: head.length, open: head.length + subject.length, to: head.length + subject.length + body.length };
    }
  }
  return (a.modelTokens = out);
}

/** The letter's body in the classifier's tokens, [from, to), and where its opening words are read (see letterFrame). */
function modelBody(a: TextAnalysis): { from: number; to: number; open: number } {
  modelTokens(a);
  return a.modelBody ?? { from: a.bodyFrom, to: a.bodyTo, open: a.openFrom };
}

/** Cue scan of the classifier's tokens (the same object as `analysisCues` unless the message is English). */
function modelCues(a: TextAnalysis): CueScan {
  const tokens = modelTokens(a);
  if (tokens === a.tokens) return analysisCues(a);
  if (a.modelCues) return a.modelCues;
  const body = modelBody(a);
  const scan = scanCues(tokens, null, -1, undefined, body.from, body.to);
  // The rewrite carries state from word to word, so the last sentence is rewritten and scanned on its own.
  const plain = foldAccents(a.display);
  const frame = letterFrame(plain);
  const at = lastSentenceStart(frame.end < plain.length ? plain.slice(0, frame.end) : plain);
  if (at > frame.start) for (const id of scanCues(translateEnglish(tokenize(plain.slice(at, frame.end)))).found) if (id < 32) scan.lastMask |= 1 << id;
  return (a.modelCues = scan);
}

const FNV_OFFSET = 0x811c9dc5;
function fnvStr(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
const SEED_W = fnvStr(FNV_OFFSET, 'w:');
const SEED_B = fnvStr(FNV_OFFSET, 'b:');

export function hashName(name: string): number {
  return (fnvStr(FNV_OFFSET, name) >>> 0) & HASH_MASK;
}

/**
 * Feature-family settings chosen by 5-fold cross-validation (docs/triage.md): first/last-word features on; cue and
 * shape features weighted ×3 for the type/urgency models and ×0.5 for the category/procedure models; topic-lexicon
 * features ×1 for type and ×2 for category/procedure.
 */
export const FEATURE_FLAGS = { edges: true, typeCueScale: 3, topicCueScale: 0.5, typeTopicScale: 1, topicTopicScale: 2, firstTopic: true };
/** Vocative and greeting openers skipped when looking at a message's first words ("ad ơi", "chào phường", "kính gửi"). */
const OPENERS = new Set(['admin', 'oi', 'chao', 'xin', 'kinh', 'gui', 'ubnd', 'uy', 'ban', 'phuong', 'anh', 'chi', 'em', 'da', 'hello', 'hi', 'dear', 'a', 'moi', 'nguoi']);

const FORMAL_RE = /^\s*(kính gửi|kinh gui|dear|to whom)/iu;

/** Precomputed feature names per lexicon id, so that the per-message path builds no strings for them. */
const LEXICON_NAME = LEXICONS.map((name) => (name.charCodeAt(1) === 58 ? `topic:${name}` : `cue:${name}`));
const LEXICON_LEVEL_NAME = LEXICONS.map((name) => [1, 2, 3].map((n) => `cue:${name}:${n}`));
const FIRST_TOPIC_NAME = LEXICONS.map((name) => `topic:first:${name}`);
const LEN_NAME = [0, 1, 2, 3, 4, 5, 6].map((n) => `shape:len:${n}`);
const FINAL_PARTICLES = new Set(['khong', 'chua', 'a', 'vay', 'nhi', 'ha', 'sao', 'ko']);
const FINAL_NAME = new Map([...FINAL_PARTICLES].map((p) => [p, `shape:final:${p}`]));
const ID = {
  hazard: lexiconId('hazard'), acute: lexiconId('acute'), now: lexiconId('now'), habitual: lexiconId('habitual'),
  ask: lexiconId('ask'), own: lexiconId('own'), suggest: lexiconId('suggest'), ad: lexiconId('ad'),
  intent: lexiconId('intent'), propose: lexiconId('propose'), fix: lexiconId('fix'),
};
/**
 * A message that opens with a first-person intent ("Em cần làm…", "Chúng tôi định đăng ký…", "I want to register…")
 * states its own case before any question it asks: within its first INTENT_OPENING tokens (5, chosen by
 * cross-validation from 5, 8 and 12).
 */
const INTENT_OPENING = 5;
/** The speech-act lexicons whose presence in the last sentence is a feature (`last:cue:…`). */
const ACT_IDS = ['ask', 'rule', 'own', 'suggest', 'complain', 'other', 'praise', 'ad'].map(lexiconId);
const LAST_SENTENCE_NAME = LEXICONS.map((name) => `last:cue:${name}`);
const LONG_NUMBER_RE = /\d[\d .-]{7,}\d/u;

/** Feature names for a text (exported for tests and explanations). Unigrams/bigrams are `w:`/`b:` names. */
export function featureNames(input: string | TextAnalysis): string[] {
  const a = typeof input === 'string' ? analyzeText(input) : input;
  const out: string[] = [];
  const words = modelTokens(a);
  const body = modelBody(a);
  for (let i = body.from; i < body.to; i++) {
    out.push(`w:${words[i]}`);
    if (i + 1 < body.to) out.push(`b:${words[i]}_${words[i + 1]}`);
  }
  out.push(...shapeAndCueNames(a));
  return out;
}

/** The features named after a word at the start or end of a message: `first:w`, `first2:w_next`, `last:w`. */
type EdgePrefix = 'first:' | 'first2:' | 'last:';

/**
 * Receives the cue and shape features of a text: `name` for a feature with a fixed name, `edge` for one named after
 * the message's words (`${prefix}${word}`, or `${prefix}${word}_${next}`), which the vector path hashes without
 * building its name.
 */
type Emitter = { name: (name: string) => void; edge: (prefix: EdgePrefix, word: string, next?: string) => void };

/** Cue and shape features (everything except the word n-grams). */
export function shapeAndCueNames(a: TextAnalysis): string[] {
  const out: string[] = [];
  emitShapeAndCues(a, {
    name: (name) => out.push(name),
    edge: (prefix, word, next) => out.push(next === undefined ? `${prefix}${word}` : `${prefix}${word}_${next}`),
  });
  return out;
}

/**
 * A message that opens with a proposal ("Đề nghị phường lắp thêm…", "Nên gắn camera…", "Đề xuất làm làn riêng…")
 * puts the idea first: within its first PROPOSAL_OPENING tokens, unless a verb of fixing, checking or issuing
 * follows the proposal word within PROPOSAL_OBJECT tokens ("Đề nghị UBND phường Tam Phú giải quyết…", "Đề nghị
 * cấp…"): that is a request about a concrete fault or one's own paper, a complaint or a filing.
 */
const PROPOSAL_OPENING = 5;
const PROPOSAL_OBJECT = 8;
/** FIX_VERBS as word lists, without `dọn` and `thông`, which fold like `đơn` and `thống`. */
const FIX_VERB_WORDS = FIX_VERBS.filter((v) => v !== 'don' && v !== 'thong').map((v) => v.split(' '));
function fixVerbAfter(tokens: readonly string[], at: number, to: number): boolean {
  for (let i = at + 1; i < Math.min(to, at + 1 + PROPOSAL_OBJECT); i++)
    for (const v of FIX_VERB_WORDS) if (tokens[i] === v[0] && (v.length === 1 || tokens[i + 1] === v[1])) return true;
  return false;
}

/** Emits every cue and shape feature of a text, in a fixed order (one code path for names and vectors). */
function emitShapeAndCues(a: TextAnalysis, out: Emitter): void {
  const emit = out.name;
  const scan = modelCues(a);
  const { counts } = scan;
  const tokens = modelTokens(a);
  const body = modelBody(a);
  for (let f = 0; f < scan.found.length; f++) {
    const id = scan.found[f] as number;
    if (id === ID.intent) {
      if ((scan.foundAt[f] as number) - body.open < INTENT_OPENING) emit('cue:intent:opening');
      continue;
    }
    if (id === ID.fix) {
      // Presence only (no count level): a request to fix or check a concrete fault.
      emit('cue:fix');
      continue;
    }
    if (id === ID.propose) {
      const at = scan.foundAt[f] as number;
      if (at - body.open < PROPOSAL_OPENING && !fixVerbAfter(tokens, at, body.to)) emit('cue:propose:opening');
    }
    emit(LEXICON_NAME[id] as string);
    if (LEXICONS[id]?.charCodeAt(1) !== 58) emit(LEXICON_LEVEL_NAME[id]?.[Math.min(counts[id] as number, 3) - 1] as string);
  }
  // Which speech act closes a message of several sentences: a question after a described problem or one's own
  // filing ("… Nộp ở đâu ạ?"), a request after a complaint ("… Đề nghị phường xử lý").
  if (scan.lastMask !== 0) for (const id of ACT_IDS) if ((scan.lastMask >>> id) & 1) emit(LAST_SENTENCE_NAME[id] as string);
  if (FEATURE_FLAGS.firstTopic) {
    if (scan.firstCategory >= 0) emit(FIRST_TOPIC_NAME[scan.firstCategory] as string);
    if (scan.firstProcedure >= 0) emit(FIRST_TOPIC_NAME[scan.firstProcedure] as string);
  }
  // Combinations a linguist would name: danger happening now; asking while filing one's own case.
  const has = (id: number) => (counts[id] as number) > 0;
  if ((has(ID.hazard) || has(ID.acute)) && has(ID.now)) emit(has(ID.habitual) ? 'cue:hazard+now+habitual' : 'cue:hazard+now');
  if (has(ID.ask) && has(ID.own)) emit('cue:ask+own');
  if (has(ID.ask) && !has(ID.own)) emit('cue:ask-own');
  if (has(ID.suggest) && !has(ID.ask)) emit('cue:suggest-ask');
  const longNumber = LONG_NUMBER_RE.test(a.display);
  if (has(ID.ad) && longNumber) emit('cue:ad+number');
  if (a.display.includes('?')) emit('shape:question');
  const last = tokens[body.to - 1] ?? '';
  // Sentence-final question particles: "... không?", "... chưa?", "... ạ", "... vậy", "... nhỉ".
  const final = FINAL_NAME.get(last);
  if (final) emit(final);
  if (a.hasDiacritics) emit('shape:diacritics');
  if (FORMAL_RE.test(a.display)) emit('shape:formal');
  const n = tokens.length;
  emit(LEN_NAME[Math.min(6, Math.floor(Math.log2(n + 1)))] as string);
  if (n === 0) emit('shape:empty');
  if (FEATURE_FLAGS.edges) {
    // Where a word sits matters: requests and questions open ("Đề nghị…", "Cho hỏi…") or close a message; a letter's
    // body, not its salutation or closing formula.
    const end = body.to;
    let start = body.open;
    while (start < end && OPENERS.has(tokens[start] ?? '')) start++;
    for (let i = start; i < Math.min(end, start + 2); i++) out.edge('first:', tokens[i] as string);
    if (start + 1 < end) out.edge('first2:', tokens[start] as string, tokens[start + 1] as string);
    for (let i = Math.max(start, end - 2); i < end; i++) out.edge('last:', tokens[i] as string);
  }
  if (longNumber) emit('shape:longnumber');
}

/** Hashed index of a feature name with its kind in the top bits (1 cue/shape, 2 topic), memoised. */
const NAME_HASH = new Map<string, number>();
function nameHash(name: string): number {
  let h = NAME_HASH.get(name);
  if (h === undefined) {
    h = hashName(name) | ((name.charCodeAt(0) === 116 /* 't' */ && name.startsWith('topic:') ? 2 : 1) << HASH_BITS);
    if (NAME_HASH.size > 100_000) NAME_HASH.clear();
    NAME_HASH.set(name, h);
  }
  return h;
}
function bumpName(name: string): void {
  const h = nameHash(name);
  slotIsCue[bump(h & HASH_MASK)] = h >>> HASH_BITS;
}

/** FNV state after each edge prefix: the hash of `${prefix}${word}` continues from it over the word. */
const EDGE_SEED: Record<EdgePrefix, number> = { 'first:': fnvStr(FNV_OFFSET, 'first:'), 'first2:': fnvStr(FNV_OFFSET, 'first2:'), 'last:': fnvStr(FNV_OFFSET, 'last:') };
/** The hash of an edge feature's name (see Emitter), computed over its parts: equal to `hashName` of the name. */
export function edgeHash(prefix: EdgePrefix, word: string, next?: string): number {
  let h = fnvStr(EDGE_SEED[prefix], word);
  if (next !== undefined) h = fnvStr(fnvStr(h, '_'), next);
  return (h >>> 0) & HASH_MASK;
}
/** Edge features are cue/shape features (kind 1), like every name that does not start with "topic:". */
function bumpEdge(prefix: EdgePrefix, word: string, next?: string): void {
  slotIsCue[bump(edgeHash(prefix, word, next))] = 1;
}
const VECTOR_EMITTER: Emitter = { name: bumpName, edge: bumpEdge };

// A small open-addressing table reused across calls (the module is synchronous, so calls never interleave):
// feature index → count. Small enough to stay in cache, unlike an array over the whole hash space.
let slotKeys = new Int32Array(4096).fill(-1);
let slotCounts = new Float32Array(4096);
let slotIsCue = new Uint8Array(4096);
let rawScratch = new Float32Array(1024);
let indexScratch = new Int32Array(1024);
let isCueScratch = new Uint8Array(1024);
const TOUCHED: number[] = [];
function bump(h: number): number {
  const mask = slotKeys.length - 1;
  let s = Math.imul(h, 0x9e3779b1) >>> 20 & mask;
  for (;;) {
    const k = slotKeys[s] as number;
    if (k === h) break;
    if (k === -1) {
      slotKeys[s] = h;
      TOUCHED.push(s);
      break;
    }
    s = (s + 1) & mask;
  }
  slotCounts[s] = (slotCounts[s] as number) + 1;
  return s;
}
function ensureCapacity(features: number): void {
  let size = slotKeys.length;
  while (size < features * 2) size *= 2;
  if (size !== slotKeys.length) {
    slotKeys = new Int32Array(size).fill(-1);
    slotCounts = new Float32Array(size);
    slotIsCue = new Uint8Array(size);
  }
}

/** Hashed, de-duplicated, L2-normalised sparse vector (log-scaled counts). */
export function vectorize(input: string | TextAnalysis): SparseVector {
  const a = typeof input === 'string' ? analyzeText(input) : input;
  const n = countFeatures(a);
  const F = FEATURE_FLAGS;
  return {
    indices: indexScratch.slice(0, n),
    values: scaled(rawScratch, isCueScratch, n, F.typeCueScale, F.typeTopicScale, new Float32Array(n)),
    topicValues: scaled(rawScratch, isCueScratch, n, F.topicCueScale, F.topicTopicScale, new Float32Array(n)),
  };
}

/**
 * `vectorize` into arrays reused from call to call: the same numbers, in arrays that may be longer than `count` and
 * that the next call overwrites. For the classifier, which uses the vector at once and keeps nothing of it.
 */
export function vectorizeTransient(a: TextAnalysis): SparseVector & { count: number } {
  const n = countFeatures(a);
  if (typeScratch.length < n) {
    typeScratch = new Float32Array(indexScratch.length);
    topicScratch = new Float32Array(indexScratch.length);
  }
  const F = FEATURE_FLAGS;
  return {
    indices: indexScratch,
    values: scaled(rawScratch, isCueScratch, n, F.typeCueScale, F.typeTopicScale, typeScratch),
    topicValues: scaled(rawScratch, isCueScratch, n, F.topicCueScale, F.topicTopicScale, topicScratch),
    count: n,
  };
}
let typeScratch = new Float32Array(1024);
let topicScratch = new Float32Array(1024);

/**
 * Counts the features of a text into the scratch arrays: their indices in first-seen order (deterministic; nothing
 * downstream needs them sorted) in `indexScratch`, log-scaled counts in `rawScratch`, kinds in `isCueScratch`.
 * Returns how many there are.
 */
function countFeatures(a: TextAnalysis): number {
  TOUCHED.length = 0;
  const words = modelTokens(a);
  ensureCapacity(words.length * 2 + 64);
  // A letter's salutation, closing formula and signature say nothing of its type: only its body's words count.
  const body = modelBody(a);
  for (let i = body.from; i < body.to; i++) {
    const w = words[i] ?? '';
    bump((fnvStr(SEED_W, w) >>> 0) & HASH_MASK);
    if (i + 1 < body.to) bump((fnvStr(fnvStr(fnvStr(SEED_B, w), '_'), words[i + 1] ?? '') >>> 0) & HASH_MASK);
  }
  emitShapeAndCues(a, VECTOR_EMITTER);
  const n = TOUCHED.length;
  if (rawScratch.length < n) {
    rawScratch = new Float32Array(n * 2);
    isCueScratch = new Uint8Array(n * 2);
    indexScratch = new Int32Array(n * 2);
  }
  const raw = rawScratch;
  const isCue = isCueScratch;
  const indices = indexScratch;
  for (let i = 0; i < n; i++) {
    const s = TOUCHED[i] as number;
    indices[i] = slotKeys[s] as number;
    isCue[i] = slotIsCue[s] as number;
    const count = slotCounts[s] as number;
    raw[i] = count === 1 ? 1 : 1 + Math.log(count);
    slotCounts[s] = 0;
    slotIsCue[s] = 0;
    slotKeys[s] = -1;
  }
  return n;
}

/** Log-scaled counts with cue/shape features multiplied by `cueScale`, then L2-normalised, into out[0, n). */
function scaled(raw: Float32Array, isCue: Uint8Array, n: number, cueScale: number, topicScale: number, out: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const kind = isCue[i];
    const v = (raw[i] as number) * (kind === 1 ? cueScale : kind === 2 ? topicScale : 1);
    out[i] = v;
    norm += v * v;
  }
  const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) * k;
  return out;
}
