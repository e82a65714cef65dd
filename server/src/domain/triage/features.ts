/**
 * Turns a message into hashed sparse features for the linear models: accent-folded word unigrams and bigrams,
 * cue lexicons (general Vietnamese vocabulary for asking, filing one's own case, suggesting, complaining, danger
 * and immediacy, thanks/spam — not corpus sentences) and shape features (question mark, diacritics, formal letter
 * opening, length bucket). Cue phrases are found in one pass over the tokens through a first-token index. Pure.
 */
import { looksEnglish, translateEnglish } from './english.ts';
import { analyzeText, foldAccents, tokenize, type TextAnalysis } from './normalize.ts';
import { TOPICS } from './topic-lexicons.ts';

export { TOPICS };

export const HASH_BITS = 18;
const HASH_MASK = (1 << HASH_BITS) - 1;

/**
 * A sparse feature vector. `values` weight cue features for the type and urgency models; `topicValues` (same
 * indices) weight them less, for the category and procedure models, which depend on topic words.
 */
export type SparseVector = { indices: Int32Array; values: Float32Array; topicValues?: Float32Array };

/**
 * Cue lexicons, folded. Each is general vocabulary a linguist would recognise as a marker of the class:
 * question particles and interrogatives, first-person filing, suggestion verbs, complaint markers, hazard nouns
 * and verbs, immediacy adverbs, habitual/recurring markers, greetings/thanks/advertising.
 */
export const CUES: Record<string, readonly string[]> = {
  // Interrogatives and question frames.
  ask: [
    'cho hoi', 'xin hoi', 'cho em hoi', 'cho minh hoi', 'cho toi hoi', 'cho chau hoi', 'hoi chut', 'hoi xiu', 'thac mac',
    'bao nhieu', 'o dau', 'cho nao', 'the nao', 'nhu the nao', 'ra sao', 'lam sao', 'khi nao', 'bao gio', 'bao lau',
    'co duoc khong', 'duoc khong', 'phai khong', 'co can', 'can gi', 'nhung gi', 'giay gi', 'giay to gi', 'gom nhung',
    'co phai', 'hay khong', 'hay phai', 'how', 'what', 'where', 'when', 'do i', 'can i', 'is there', 'are there', 'how much',
    'how long', 'which',
  ],
  // Asking about a rule in general (eligibility, fees, validity, penalties), not one's own file.
  rule: [
    'quy dinh', 'dieu kien', 'truong hop', 'bat buoc', 'bi phat', 'phat khong', 'muc dong', 'muc phi', 'le phi', 'gia tri',
    'hieu luc', 'thoi han', 'nguoi nuoc ngoai', 'co phai dong', 'co phai lam', 'co can phai', 'moi nguoi', 'nguoi dan',
    'ai cung', 'thi co', 'co bat buoc', 'required', 'allowed', 'fee', 'rules',
  ],
  // First-person filing or need ("tôi cần", "em muốn làm", "đã nộp hồ sơ").
  own: [
    'toi can', 'em can', 'minh can', 'tui can', 'chung toi can', 'toi muon', 'em muon', 'minh muon', 'tui muon',
    'chung toi muon', 'toi dinh', 'em dinh', 'minh dinh', 'chung toi dinh', 'toi sap', 'em sap', 'toi xin', 'em xin',
    'xin cap', 'de nghi cap', 'dang ky cho', 'lam cho', 'cho con', 'cho be', 'cho vo', 'cho chong', 'cho ba', 'cho me',
    'con toi', 'con em', 'be nha', 'nha em', 'ho so cua', 'da nop', 'vua nop', 'nop ho so', 'nop roi', 'dat lich',
    'hen lich', 'hen tra', 'lay ket qua', 'nhan ket qua', 'ma ho so', 'bi tra ve', 'can lam', 'muon lam', 'phai lam',
    'tui em', 'tui minh', 'chung em', 'vo chong em', 'len phuong', 'mai em', 'mai toi', 'mai minh', 'sang nay len',
    'da co', 'dang ky roi', 'nop lai', 'bi tra', 'ho so em', 'ho so toi', 'giay cua em', 'giay cua toi',
    'i need', 'i want', 'i would like', 'we need', 'we want', 'we would like', 'i lost', 'my', 'our',
  ],
  // Suggestion and consultation vocabulary.
  suggest: [
    'gop y', 'de xuat', 'kien nghi', 'y kien', 'nen', 'nen co', 'nen lam', 'sao khong', 'tai sao khong', 'lam them',
    'lap them', 'trong them', 'mo them', 'bo tri them', 'them', 'bo sung', 'du thao', 'phuong an', 'lay y kien',
    'tan thanh', 'dong y', 'theo toi', 'toi nghi', 'em nghi', 'minh nghi', 'thay vi', 'tot hon', 'cai thien', 'mong',
    'hy vong', 'neu co', 'co the', 'to chuc', 'khuyen khich', 'van dong', 'suggest', 'suggestion', 'idea', 'should',
    'propose', 'would be', 'could', 'i think', 'recommend', 'it would', 'please add', 'consider',
  ],
  // Complaint markers: affliction ("bị"), excess ("quá", "lắm"), neglect ("không ai", "chưa thấy"), duration.
  complain: [
    'phan anh', 'bi', 'qua', 'lam', 'khong ai', 'chua ai', 'chua thay', 'van chua', 'suot', 'hoai', 'lau roi', 'may ngay',
    'ca tuan', 'ca thang', 'buc xuc', 'kinh khung', 'hoi thoi', 'boc mui', 'on ao', 'lan chiem', 'hu hong', 'hong',
    'xuong cap', 'ngap', 'ket xe', 'tre hen', 'qua han', 'cham', 'hach sach', 'nhung nhieu', 'vo trach nhiem', 'vi pham',
    'trai phep', 'khong phep', 'tu y', 'complain', 'broken', 'terrible', 'nobody', 'dirty', 'noise', 'for months',
    'for weeks', 'still',
  ],
  // Thanks, greetings, apologies, advertising and spam.
  other: [
    'cam on', 'chuc', 'chuc mung', 'xin chao', 'chao', 'hello', 'hi', 'happy', 'thank', 'thanks', 'test', 'alo',
    'xin loi', 'nham', 'gui nham', 'urltoken', 'khao sat', 'form', 'thank you',
  ],
  // Praise and gratitude for a service or an officer.
  praise: [
    'tan tinh', 'nhiet tinh', 'chu dao', 'kien nhan', 'am long', 'khen', 'bieu duong', 'tuyet voi', 'hai long',
    'chan thanh cam on', 'rat cam on', 'cam on nhieu', 'vui ve', 'chuyen nghiep', 'nhanh chong', 'kind', 'patient',
    'helpful', 'great job',
  ],
  // Advertising, selling, lending, hiring, prize scams.
  ad: [
    'lien he', 'lh', 'inbox', 'ib', 'hotline', 'zalo', 'gia re', 'gia tot', 'gia uu dai', 'khuyen mai', 'giam gia',
    'ban nha', 'ban dat', 'dat nen', 'mat tien', 'chinh chu', 'thien chi', 'can ban', 'can mua', 'thanh ly', 'cho thue',
    'cho vay', 'vay von', 'lai suat', 'tuyen dung', 'tuyen', 'dich vu', 'nhan lam', 'lam nhanh', 'bao dau', 'uy tin',
    'cam ket', 'si le', 'dang bai', 'quang cao', 'du ve', 'trung thuong', 'nhan thuong', 'giai thuong',
    'shop', 'sale', 'offer', 'our company', 'warranty', 'prize',
  ],
  // Hazards: fire, electricity, collapse, accidents, violence, water entering homes, gas, medical collapse.
  // Acute events: by themselves they describe harm happening (an accident, a fight, a fire, water entering homes).
  acute: [
    'tai nan', 'bi thuong', 'can cap cuu', 'di cap cuu', 'goi cap cuu', 'danh nhau', 'bi danh', 'danh hoi dong', 'chem nhau',
    'bi chem', 'dam chem', 'chan het', 'chan loi', 'mui ga', 'ro ri ga', 'xi ga', 'cam dao', 'hung khi',
    'ruot duoi', 'toe lua', 'xet lua', 'dang chay', 'chay nha', 'boc chay', 'chay lon', 'dam chay', 'hoa hoan',
    'phat no', 'no lon', 'chan ngang', 'do chan', 'nga de', 'de len', 'nuoc vao nha', 'ngap vao nha', 'tran vao nha',
    'tran vo nha', 'nuoc vo nha', 'ngap vo nha', 'vao nha roi', 'bat tinh', 'nam bat dong', 'dot quy', 'ngung tho', 'khong tho', 'kho tho',
    'duoi nuoc', 'chet duoi', 'nhay song', 'nhay cau', 'di lac', 'mac ket', 'ket trong', 'ro ri gas', 'xi gas', 'mui gas',
    'fire', 'explosion', 'collapsed', 'unconscious', 'injured', 'accident', 'trapped', 'drowning', 'gas leak', 'bleeding',
    'flooding into', 'fight',
  ],
  // Hazard states: dangerous, but urgent only when described as happening now.
  hazard: [
    'lua', 'khoi den', 'boc khoi', 'khoi mu', 'tieng no', 'chap dien', 'giat dien', 'dien giat', 'ho dien', 'ho day',
    'day dien', 'dut', 'roi xuong', 'cot dien', 'tru dien', 'bien ap', 'bi sap', 'sap xuong', 'so sap', 'sap do', 'sup',
    'sat lo', 'sut', 'lun', 'nut toac', 'nut', 'nghieng', 'do xuong', 'do ngang', 'nga xuong', 'cay nga', 'cay do',
    'bi nga', 'bi gay', 'gay do', 'tong', 'dam vao', 'lat', 'chay mau', 'ngat', 'dam', 'cuop', 'trom', 'cay khoa',
    'dap pha', 'dau goi', 'ngang hong', 'nuoc dang', 'ngap', 'tu tu', 'ro ri', 'gas', 'ga', 'lot xuong', 'rao chan', 'suyt', 'mat nap', 'ho sau', 'vo ong',
    'ong nuoc vo', 'tre con', 'tre em', 'hoc sinh', 'em be', 'nguoi gia', 'smoke', 'collapse', 'knife', 'flooding',
    'sparking', 'fallen', 'breathing',
  ],
  // Immediacy: it is happening now, or help is needed now.
  now: [
    'dang', 'vua', 'vua moi', 'ngay bay gio', 'bay gio', 'luc nay', 'hien gio', 'ngay luc nay', 'gap', 'khan cap',
    'cuu', 'cuu voi', 'toi ngay', 'xuong ngay', 'ngay lap tuc', 'xu ly ngay', 'toi lien', 'di lien', 'chua thay toi',
    'chua thay den', 'chua toi', 'chua ai den', 'chua ai toi', 'chua thay ai', 'ngay di', 'ngay giup', 'ngay voi', 'lien di',
    'van dang', '113', '114', '115', 'nguy hiem', 'now', 'right now', 'urgent', 'emergency', 'help',
    'immediately', 'still rising', 'asap',
  ],
  // Risk rather than harm: "could cause", "is at risk of".
  risk: ['de gay', 'co the gay', 'nguy co', 'tiem an', 'de xay ra', 'de bi', 'lo ngai', 'could cause', 'risk of'],
  // Past time: the event is over unless an ongoing marker says otherwise.
  past: ['toi qua', 'hom qua', 'dem qua', 'hom truoc', 'tuan truoc', 'thang truoc', 'nam ngoai', 'last night', 'yesterday'],
  // Habitual or recurring: the problem is described in general terms, not as something happening now.
  habitual: [
    'thuong xuyen', 'ngay nao cung', 'dem nao cung', 'toi nao cung', 'sang nao cung', 'chieu nao cung', 'nam nao cung',
    'thang nao cung', 'mua nao cung', 'moi lan', 'moi khi', 'moi ngay', 'moi dem', 'lau nay', 'nhieu thang', 'nhieu nam',
    'hay bi', 'cu den', 'tu lau', 'hoai', 'ca ngay', 'suot ngay', 'lan nao', 'hom nao', 'cu mua',
    'thuong hay', 'thuong bi', 'every', 'always', 'often', 'for months', 'sap toi', 'se',
  ],
};


type CueEntry = { rest: string[]; cue: string };
/** First token → cue phrases starting with it. */
const CUE_INDEX = new Map<string, CueEntry[]>();
for (const [cue, phrases] of [...Object.entries(CUES), ...Object.entries(TOPICS)])
  for (const phrase of phrases) {
    const [head = '', ...rest] = phrase.split(' ');
    const list = CUE_INDEX.get(head) ?? [];
    list.push({ rest, cue });
    CUE_INDEX.set(head, list);
  }

/** Counts of cue phrases per lexicon for an analysed text, computed once and kept on the analysis. */
export function analysisCues(a: TextAnalysis): Record<string, number> {
  return (a.cues ??= cueCounts(a.tokens));
}

/**
 * The tokens the classifier sees: the matching-form tokens, or for an English message (no Vietnamese diacritics)
 * the glossary rewrite of its plain folded words (teencode and Telex repair would mangle English: "this" → "thi").
 */
export function modelTokens(a: TextAnalysis): string[] {
  if (a.modelTokens) return a.modelTokens;
  let out = a.tokens;
  if (!a.hasDiacritics) {
    const plain = tokenize(foldAccents(a.display));
    if (looksEnglish(plain)) out = translateEnglish(plain);
  }
  return (a.modelTokens = out);
}

/** Cue counts over the classifier's tokens (the same object as `analysisCues` unless the message is English). */
function modelCues(a: TextAnalysis): Record<string, number> {
  const tokens = modelTokens(a);
  return tokens === a.tokens ? analysisCues(a) : (a.modelCues ??= cueCounts(tokens));
}

/** The first category topic and the first procedure topic named in a token list (the main subject comes first). */
function firstTopics(tokens: readonly string[]): { c?: string; p?: string } {
  const found: { c?: string; p?: string } = {};
  for (let i = 0; i < tokens.length && !(found.c && found.p); i++) {
    for (const e of CUE_INDEX.get(tokens[i] ?? '') ?? []) {
      const kind = e.cue.charCodeAt(1) === 58 ? e.cue[0] : '';
      if ((kind !== 'c' && kind !== 'p') || found[kind]) continue;
      if (e.rest.every((w, j) => tokens[i + 1 + j] === w)) found[kind] = e.cue;
    }
  }
  return found;
}

/** Counts of cue phrases per lexicon in a token list. */
export function cueCounts(tokens: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < tokens.length; i++) {
    const entries = CUE_INDEX.get(tokens[i] ?? '');
    if (!entries) continue;
    for (const e of entries) {
      let ok = true;
      for (let j = 0; j < e.rest.length; j++) if (tokens[i + 1 + j] !== e.rest[j]) { ok = false; break; }
      if (ok) counts[e.cue] = (counts[e.cue] ?? 0) + 1;
    }
  }
  return counts;
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

function hashName(name: string): number {
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

/** Feature names for a text (exported for tests and explanations). Unigrams/bigrams are `w:`/`b:` names. */
export function featureNames(input: string | TextAnalysis): string[] {
  const a = typeof input === 'string' ? analyzeText(input) : input;
  const out: string[] = [];
  const words = modelTokens(a);
  for (let i = 0; i < words.length; i++) {
    out.push(`w:${words[i]}`);
    if (i + 1 < words.length) out.push(`b:${words[i]}_${words[i + 1]}`);
  }
  out.push(...shapeAndCueNames(a));
  return out;
}

/** Cue and shape features (everything except the word n-grams). */
export function shapeAndCueNames(a: TextAnalysis): string[] {
  const out: string[] = [];
  const counts = modelCues(a);
  const tokens = modelTokens(a);
  for (const [cue, n] of Object.entries(counts))
    if (cue.charCodeAt(1) === 58 /* ':' topic */) out.push(`topic:${cue}`);
    else out.push(`cue:${cue}`, `cue:${cue}:${Math.min(n, 3)}`);
  if (FEATURE_FLAGS.firstTopic) {
    const first = firstTopics(tokens);
    if (first.c) out.push(`topic:first:${first.c}`);
    if (first.p) out.push(`topic:first:${first.p}`);
  }
  // Combinations a linguist would name: danger happening now; asking while filing one's own case.
  if ((counts.hazard || counts.acute) && counts.now) out.push(counts.habitual ? 'cue:hazard+now+habitual' : 'cue:hazard+now');
  if (counts.ask && counts.own) out.push('cue:ask+own');
  if (counts.ask && !counts.own) out.push('cue:ask-own');
  if (counts.suggest && !counts.ask) out.push('cue:suggest-ask');
  if (counts.ad && /\d[\d .-]{7,}\d/u.test(a.display)) out.push('cue:ad+number');
  const question = a.display.includes('?');
  if (question) out.push('shape:question');
  const last = tokens[tokens.length - 1] ?? '';
  // Sentence-final question particles: "... không?", "... chưa?", "... ạ", "... vậy", "... nhỉ".
  if (/^(khong|chua|a|vay|nhi|ha|sao|khong a|ko)$/u.test(last)) out.push(`shape:final:${last}`);
  if (a.hasDiacritics) out.push('shape:diacritics');
  if (FORMAL_RE.test(a.display)) out.push('shape:formal');
  const n = tokens.length;
  out.push(`shape:len:${Math.min(6, Math.floor(Math.log2(n + 1)))}`);
  if (n === 0) out.push('shape:empty');
  if (FEATURE_FLAGS.edges) {
    // Where a word sits matters: requests and questions open ("Đề nghị…", "Cho hỏi…") or close a message.
    let start = 0;
    while (start < n && OPENERS.has(tokens[start] ?? '')) start++;
    for (let i = start; i < Math.min(n, start + 2); i++) out.push(`first:${tokens[i]}`);
    if (start + 1 < n) out.push(`first2:${tokens[start]}_${tokens[start + 1]}`);
    for (let i = Math.max(0, n - 2); i < n; i++) out.push(`last:${tokens[i]}`);
  }
  if (/\d[\d .-]{7,}\d/u.test(a.display)) out.push('shape:longnumber');
  return out;
}

// A small open-addressing table reused across calls (the module is synchronous, so calls never interleave):
// feature index → count. Small enough to stay in cache, unlike an array over the whole hash space.
let slotKeys = new Int32Array(4096).fill(-1);
let slotCounts = new Float32Array(4096);
let slotIsCue = new Uint8Array(4096);
let rawScratch = new Float32Array(1024);
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
  TOUCHED.length = 0;
  const words = modelTokens(a);
  ensureCapacity(words.length * 2 + 64);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    bump((fnvStr(SEED_W, w) >>> 0) & HASH_MASK);
    if (i + 1 < words.length) bump((fnvStr(fnvStr(fnvStr(SEED_B, w), '_'), words[i + 1] ?? '') >>> 0) & HASH_MASK);
  }
  for (const name of shapeAndCueNames(a)) slotIsCue[bump(hashName(name))] = name.startsWith('topic:') ? 2 : 1;
  const n = TOUCHED.length;
  // Indices stay in first-seen order (deterministic; nothing downstream needs them sorted).
  const indices = new Int32Array(n);
  if (rawScratch.length < n) {
    rawScratch = new Float32Array(n * 2);
    isCueScratch = new Uint8Array(n * 2);
  }
  const raw = rawScratch;
  const isCue = isCueScratch;
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
  const F = FEATURE_FLAGS;
  return { indices, values: scaled(raw, isCue, n, F.typeCueScale, F.typeTopicScale), topicValues: scaled(raw, isCue, n, F.topicCueScale, F.topicTopicScale) };
}

/** Log-scaled counts with cue/shape features multiplied by `cueScale`, then L2-normalised. */
function scaled(raw: Float32Array, isCue: Uint8Array, n: number, cueScale: number, topicScale: number): Float32Array {
  const out = new Float32Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const kind = isCue[i];
    const v = (raw[i] as number) * (kind === 1 ? cueScale : kind === 2 ? topicScale : 1);
    out[i] = v;
    norm += v * v;
  }
  const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * k;
  return out;
}
