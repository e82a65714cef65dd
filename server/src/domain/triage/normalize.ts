/**
 * Vietnamese text normalisation for triage. Two forms: a display form (NFC, tidy whitespace, the citizen's
 * words untouched) and a matching form (lower case, accents folded, teencode/abbreviations expanded,
 * Telex/VNI leftovers repaired, links and emoji replaced by tokens). Pure functions.
 */
import type { CueNode, CueScan } from './cue-lexicons.ts';
import type { FirstWord } from './places.ts';

const MAX_CHARS = 20_000;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMOJI_RE = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*/gu;
// C0/C1 controls except tab and newline, lone surrogates, the replacement character.
const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]|[\uD800-\uDFFF]/gu;

const MAY_HOLD_CONTROLS = 1;
const SPACE_RUN = 2;

/**
 * Cheap pre-tests, in one pass: MAY_HOLD_CONTROLS for CONTROL_RE (a unicode-mode pattern, slow to run over every
 * message): a control character, the replacement character or any surrogate, paired or not (emoji take the
 * pattern's exact path); SPACE_RUN for SPACE_RUN_TEST_RE: a tab, a no-break space or two spaces in a row.
 */
function displayScan(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 : (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffd) return MAY_HOLD_CONTROLS;
    if (c === 9 || c === 0xa0 || (c === 32 && text.charCodeAt(i + 1) === 32)) found = SPACE_RUN;
  }
  return found;
}

/** Whether `[ \t\u00A0]+` would change anything: a tab, a no-break space or two spaces in a row. */
const SPACE_RUN_TEST_RE = /[\t\u00A0]| {2}/u;

/** Display form: NFC, control characters dropped, whitespace runs collapsed, capped at 20 000 characters. */
export function normalizeForDisplay(raw: string): string {
  const text = raw.length > MAX_CHARS * 2 ? raw.slice(0, MAX_CHARS * 2) : raw;
  let out = text.normalize('NFC');
  // Replacing every single space by a space builds a new string for nothing: only when there is a run or a tab.
  const found = displayScan(out);
  if (found & MAY_HOLD_CONTROLS) {
    out = out.replace(CONTROL_RE, ' ');
    if (SPACE_RUN_TEST_RE.test(out)) out = out.replace(/[ \t\u00A0]+/gu, ' ');
  } else if (found & SPACE_RUN) out = out.replace(/[ \t\u00A0]+/gu, ' ');
  // Most messages are one line; the line-break pattern is costly to try at every position, so only when needed.
  if (out.includes('\n')) out = out.replace(/\s*\n\s*/gu, '\n');
  return out.trim().slice(0, MAX_CHARS);
}

/** Lower case without diacritics (đ → d). Keeps length-independent, not position-preserving. */
export function foldAccents(text: string): string {
  if (/^[\x00-\x7f]*$/u.test(text)) return text.toLowerCase();
  // Latin and Vietnamese letters (and loose combining marks) fold one code unit at a time from a table; other
  // scripts take the general path, where decomposition may reorder marks.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const folded = LATIN_FOLD[text.charCodeAt(i)];
    if (folded === undefined) return foldAccentsSlowly(text);
    out += folded;
  }
  return out;
}

function foldAccentsSlowly(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase();
}

/**
 * `foldAccentsSlowly` of each code unit of Latin (U+0000–024F), combining marks and Latin Extended Additional, by
 * code unit (undefined for the others, and past the end of the array).
 */
const LATIN_FOLD: readonly (string | undefined)[] = (() => {
  const table = new Array<string | undefined>(0x1f00).fill(undefined);
  for (const [from, to] of [[0x0000, 0x024f], [0x0300, 0x036f], [0x1e00, 0x1eff]] as const)
    for (let c = from; c <= to; c++) table[c] = foldAccentsSlowly(String.fromCharCode(c));
  return table;
})();

/** Teencode and everyday abbreviations, keyed by folded token. Values are folded words. */
const TEENCODE: Record<string, string> = {
  ko: 'khong', k: 'khong', kh: 'khong', hok: 'khong', khum: 'khong', kg: 'khong', hum: 'khong',
  dc: 'duoc', dk: 'duoc', dcj: 'duoc', đc: 'duoc', duoc: 'duoc',
  e: 'em', mn: 'moi nguoi', mng: 'moi nguoi', ae: 'anh em',
  ad: 'admin', adm: 'admin', add: 'admin',
  j: 'gi', ji: 'gi', z: 'vay', v: 'vay', zay: 'vay', dzay: 'vay', r: 'roi', rui: 'roi', roai: 'roi',
  ntn: 'nhu the nao', bn: 'bao nhieu', bnhieu: 'bao nhieu', bh: 'bao gio', bjo: 'bao gio',
  vs: 'voi', ng: 'nguoi', ngta: 'nguoi ta', bik: 'biet', bit: 'biet', bjk: 'biet', hk: 'khong',
  sdt: 'so dien thoai', dt: 'dien thoai', dthoai: 'dien thoai', đt: 'dien thoai',
  nc: 'nuoc', ns: 'noi', lm: 'lam', cx: 'cung', cg: 'cung', trc: 'truoc', ntin: 'nhan tin',
  tks: 'cam on', thanks: 'cam on', thank: 'cam on', thx: 'cam on', cmon: 'cam on', camon: 'cam on',
  ok: 'ok', oke: 'ok', okie: 'ok', uh: 'u', uk: 'u', um: 'u',
  nhg: 'nhung', nhma: 'nhung ma', nma: 'nhung ma', mik: 'minh', mk: 'minh', mjk: 'minh', t: 'toi',
  ubnd: 'uy ban', ub: 'uy ban', bhyt: 'bao hiem y te', bhxh: 'bao hiem xa hoi', cccd: 'can cuoc', cmnd: 'chung minh',
  gpxd: 'giay phep xay dung', gcn: 'giay chung nhan', hkd: 'ho kinh doanh', tthc: 'thu tuc',
  tp: 'thanh pho', tphcm: 'thanh pho ho chi minh', hcm: 'ho chi minh', sg: 'sai gon',
  bv: 'benh vien', ktx: 'ky tuc xa', dhqg: 'dai hoc quoc gia', cs: 'canh sat',
  qa: 'qua', wa: 'qua', ui: 'oi', oy: 'oi', ah: 'a', ak: 'a', ja: 'gia', jo: 'gio',
  hnay: 'hom nay', hqua: 'hom qua', tgian: 'thoi gian', tg: 'thoi gian', ngke: 'nguoi ke',
};

/** A folded Vietnamese syllable (onset, one to three vowels, coda). */
export const VI_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?(?:[aeiouy]{1,3})(?:ng|nh|ch|c|m|n|p|t)?$/u;

/** Repairs a Telex leftover such as "khoong", "dduwowcj", "phuongw"; returns the token unchanged otherwise. */
export function repairTelex(token: string): string {
  if (!/^[a-z]{3,9}$/u.test(token)) return token;
  if (!/dd|aa|ee|oo|w/u.test(token) && VI_SYLLABLE.test(token)) return token;
  let t = token.replace(/^dd/u, 'd').replace(/([aeo])\1/gu, '$1').replace(/w/gu, '');
  if (!VI_SYLLABLE.test(t) && /[aeiouy][a-z]*[sfrxj]$/u.test(t)) t = t.slice(0, -1);
  return t !== token && t.length > 1 && VI_SYLLABLE.test(t) ? t : token;
}

/** Repairs a VNI leftover such as "đu7o7c5" → "duoc": digits 1–9 right after a vowel inside a word. */
export function repairVni(token: string): string {
  if (token.length < 4 || !/^[a-z]+[0-9a-z]*$/u.test(token) || !/[aeiouy][1-9]/u.test(token)) return token;
  const t = token.replace(/([a-z])[1-9]+/gu, '$1');
  return /^[a-z]+$/u.test(t) && VI_SYLLABLE.test(t) ? t : token;
}

/** Splits folded text into word tokens, digits kept with letters ("q12", "p7", "0912"). */
export function tokenize(folded: string): string[] {
  return folded.match(/[a-z0-9]+/gu) ?? [];
}

/**
 * A matching-form word of an interned token (see TokenEntry), with slots where the later steps keep what they look
 * up about it, so that a word seen before costs no lookup in their lexicons. Filled on first use by those steps.
 */
export type Word = {
  readonly text: string;
  /** cue-lexicons.ts: the cue-trie node the word starts (null: none), undefined until looked up. */
  cueNode: CueNode | null | undefined;
  /** english.ts: whether the word is one of the quick English markers, undefined until looked up. */
  quickEnglish: boolean | undefined;
  /** places.ts: the place index the word was last looked up in, and its entry there. */
  placeIndex: object | null;
  placeEntry: FirstWord | undefined;
};

/** A raw token (a run of a–z, 0–9 in the folded text, as `tokenize` finds them) and the words it expands to. */
type TokenEntry = { raw: string; words: Word[]; unchanged: boolean };

/**
 * Raw tokens seen so far, interned by a hash of their characters (open addressing), so that a known token costs one
 * pass over its characters and no new string; a new one is sliced out, expanded and kept. The vocabulary of real
 * messages is small; past MAX_INTERNED tokens (a flood of random words) the table starts again empty.
 */
const MAX_INTERNED = 200_000;
let internEntries = new Array<TokenEntry | undefined>(1 << 12).fill(undefined);
let internHashes = new Int32Array(1 << 12);
let internCount = 0;

/** Whether text[from, from + key.length) is `key`. */
function sameChars(key: string, text: string, from: number): boolean {
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

function insertEntry(entry: TokenEntry, hash: number): void {
  const mask = internEntries.length - 1;
  let slot = hash & mask;
  while (internEntries[slot] !== undefined) slot = (slot + 1) & mask;
  internEntries[slot] = entry;
  internHashes[slot] = hash;
  internCount++;
}

/** The entry of the token folded[start, end), whose characters hash to `hash` (see tokenEntries). */
function internToken(folded: string, start: number, end: number, hash: number): TokenEntry {
  const mask = internEntries.length - 1;
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const e = internEntries[slot];
    if (e === undefined) break;
    if (internHashes[slot] === hash && e.raw.length === length && sameChars(e.raw, folded, start)) return e;
  }
  const raw = folded.slice(start, end);
  const expanded = expandToken(raw);
  const words = expanded.split(' ').map((text): Word => ({ text, cueNode: undefined, quickEnglish: undefined, placeIndex: null, placeEntry: undefined }));
  const entry: TokenEntry = { raw, words, unchanged: expanded === raw };
  if (internCount >= MAX_INTERNED) {
    internEntries = new Array<TokenEntry | undefined>(1 << 12).fill(undefined);
    internHashes = new Int32Array(1 << 12);
    internCount = 0;
  } else if ((internCount + 1) * 2 > internEntries.length) {
    const old = internEntries;
    const oldHashes = internHashes;
    internEntries = new Array<TokenEntry | undefined>(old.length * 2).fill(undefined);
    internHashes = new Int32Array(old.length * 2);
    internCount = 0;
    for (let slot = 0; slot < old.length; slot++) {
      const e = old[slot];
      if (e !== undefined) insertEntry(e, oldHashes[slot] as number);
    }
  }
  insertEntry(entry, hash);
  return entry;
}

/** The raw tokens of a folded text (the runs `tokenize` finds), as interned entries. */
function tokenEntries(folded: string): TokenEntry[] {
  const out: TokenEntry[] = [];
  let start = -1;
  let hash = 0;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) [start, hash] = [i, 0x811c9dc5 | 0];
      hash = Math.imul(hash ^ c, 0x01000193);
    } else if (start >= 0) {
      out.push(internToken(folded, start, i, hash));
      start = -1;
    }
  }
  return out;
}

const ABBREV_RE = /^(q|p|f|quan|phuong)(\d{1,2})$/u;
/** Expansion of one folded token (teencode, Telex/VNI repair, q12/p7); interned with the token (see internToken). */
function expandToken(raw: string): string {
  const token = repairVni(repairTelex(raw));
  const out = TEENCODE[token];
  if (out !== undefined) return out;
  const abbrev = ABBREV_RE.exec(token);
  return abbrev ? `${abbrev[1] === 'q' || abbrev[1] === 'quan' ? 'quan' : 'phuong'} ${Number(abbrev[2])}` : token;
}

const SUBJECT_ABBREVIATION_RE = /\bv\/v\b/gu;
const QP_RE = /\b([qpf])\s*[.-]\s*(\d{1,2})\b/gu;
const QP_TEST_RE = /\b[qpf]\s*[.-]\s*\d/u;
/** ECMAScript white space and line terminators (what `\s` matches). */
export function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Cheap pre-test for QP_TEST_RE (a unicode-mode pattern with a word boundary, slow to try at every position): a "."
 * or "-" with q, p or f before it, white space between them allowed.
 */
function mayHoldAbbreviation(folded: string): boolean {
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c !== 46 && c !== 45) continue;
    let j = i - 1;
    while (j >= 0 && isJsSpace(folded.charCodeAt(j))) j--;
    const before = j >= 0 ? folded.charCodeAt(j) : 0;
    if (before === 113 || before === 112 || before === 102) return true;
  }
  return false;
}

/** Whether a code unit at or above U+2000 is present (emoji and other symbols; Vietnamese letters are below). */
function hasHighChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2000) return true;
  return false;
}

/**
 * Whether a lower-case UTF-16 code unit folds to a token character (a–z, 0–9): 0 not known yet, 1 no, 2 yes, for
 * the units below U+2000 (Latin with Vietnamese letters); anything above is not a letter the tokeniser keeps.
 */
const WORD_UNIT = new Uint8Array(0x2000);
function isWordUnit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  if (code >= 0x2000) return false;
  let w = WORD_UNIT[code] as number;
  if (w === 0) WORD_UNIT[code] = w = /^[a-z0-9]$/u.test(foldAccents(String.fromCharCode(code))) ? 2 : 1;
  return w === 2;
}

let offsetScratch = new Int32Array(512);

/**
 * Where each token of `tokenize(foldAccents(text))` is written in the lower-cased text (start offsets, and the end
 * offsets after them), or null when the two tokenisations do not line up (a character that folds to several letters
 * or none). Offsets rather than strings: this runs for every message with diacritics. The array is reused by the next
 * call.
 */
function writtenOffsets(lower: string, folded: readonly TokenEntry[]): Int32Array | null {
  // A scratch array reused from message to message: the offsets are read at once by matchingTokens.
  if (offsetScratch.length < folded.length * 2) offsetScratch = new Int32Array(folded.length * 4);
  const at = offsetScratch;
  let n = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && isWordUnit(lower.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      // Vietnamese letters are one code unit in NFC and fold to one letter: lengths must agree.
      if (n >= folded.length || (folded[n] as TokenEntry).raw.length !== i - start) return null;
      at[2 * n] = start;
      at[2 * n + 1] = i;
      n++;
      start = -1;
    }
  }
  return n === folded.length ? at : null;
}

/**
 * Each matching token's lower-case form as the citizen wrote it, by offsets into `lower`: token i spans
 * [start[i], end[i]); start[i] is -1 when teencode or a repair produced the token (its written form says nothing).
 */
export type WrittenForms = { lower: string; start: readonly number[]; end: readonly number[] };

/** Token i as written (with its diacritics), or null when not known. For tests and explanations. */
export function writtenToken(w: WrittenForms | null | undefined, i: number): string | null {
  const s = w?.start[i] ?? -1;
  return w && s >= 0 ? w.lower.slice(s, w.end[i]) : null;
}

/** Sentence ends: full stop, question and exclamation marks, line breaks. */
function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 63 || code === 33 || code === 10;
}

/** Number of `tokenize` tokens in folded[from…], without building them. */
function countTokens(folded: string, from: number): number {
  let n = 0;
  let inToken = false;
  for (let i = from; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (word && !inToken) n++;
    inToken = word;
  }
  return n;
}

/**
 * Where the last sentence of a text begins (the offset after the sentence end before it), or -1 when the text holds
 * one sentence only. Trailing sentence ends and spaces are ignored ("Tôi cần làm tạm trú. Nộp ở đâu ạ?" → the offset
 * of " Nộp…"). A full stop inside a number or an abbreviation also counts as an end: cheap, and rarely wrong about
 * which sentence comes last.
 */
export function lastSentenceStart(text: string): number {
  let end = text.length - 1;
  while (end >= 0 && (isSentenceEnd(text.charCodeAt(end)) || text.charCodeAt(end) <= 32)) end--;
  for (let i = end; i >= 0; i--) {
    if (!isSentenceEnd(text.charCodeAt(i))) continue;
    for (let j = i - 1; j >= 0; j--) {
      const c = text.charCodeAt(j);
      if (!isSentenceEnd(c) && c > 32) return i + 1;
    }
    return -1;
  }
  return -1;
}

const FORMAL_OPENING_RE = /^[\s"'(*-]*(?:kinh gui|kinh thua|kinh chao|dear|to whom)\b[\s:]*/u;
/** A salutation on a line of its own ("Kính gửi: UBND phường An Phú.", "Dear Sir/Madam,"). */
const SALUTATION_LINE_RE = /^[\s"'(*-]*(?:kinh gui|kinh thua|kinh chao|dear|to whom)\b[^\n]{0,100}\n/u;
/** A greeting alone on the first line ("Chào phường,", "Hello,"): short, or the line holds the message itself. */
const GREETING_LINE_RE = /^[\s"'(*-]*(?:gui|xin chao|chao|hello|hi|good morning|good afternoon|good evening)\b[^\n]{0,25}\n/u;
/** A closing formula, the whole of a line. */
const CLOSING_LINE_RE =
  /^(?:tran trong(?: cam on| kinh chao)?|kinh thu|xin tran trong cam on|(?:xin )?(?:chan thanh )?cam on(?: nhieu| rat nhieu)?|thank you(?: very much| so much)?|thanks(?: a lot)?|many thanks|(?:kind |best |warm )?regards|best wishes|best|sincerely|yours(?: sincerely| faithfully| truly)?|respectfully)[\s.,!:]*$/u;
/** A contact line under a letter ("ĐT: 0935 118 620", "Email: …"). */
const CONTACT_LINE_RE = /^(?:sdt|so dien thoai|dt|dien thoai|email|e-mail|lien he|tel|phone|mobile)\b[^\n]*$/u;
/** A formal closing formula as the last sentence of a one-line letter ("… Kính đề nghị xem xét. Trân trọng."). */
const FORMAL_CLOSING_END_RE =
  /[.!\n]\s*(?:tran trong(?: cam on| kinh chao)?|kinh thu|xin chan thanh cam on|(?:kind |best )?regards|sincerely|yours (?:sincerely|faithfully|truly))[\s.,!]*$/u;
/** A subject formula opening the body ("V/v: đề nghị cấp…", "Về việc phản ánh…", "Nội dung:"): the opening is after it. */
const SUBJECT_RE = /^\s*(?:(?:v\/v|ve viec)\b\s*[:.-]?|(?:noi dung|trich yeu|subject|re)\s*:)\s*/u;
const MAX_SALUTATION = 100;

/**
 * A letter's frame, on the folded text: the salutation (`Kính gửi: UBND phường…`, `Dear Sir/Madam,`, or a greeting
 * alone on the first line, `Chào phường,`) ends at `start`; the closing (a closing formula on a line of its own —
 * `Trân trọng`, `Xin chân thành cảm ơn`, `Kind regards` — with the signature lines after it; contact lines at the
 * end, `ĐT: …`; or a formal closing formula as the last sentence) begins at `end`. What the letter says is between
 * them; its opening words are read from `open`, after a subject formula (`V/v`, `Về việc`, `Nội dung:`), which names
 * the letter's purpose. A text without a frame gives { start: 0, end: its length, open: 0 }.
 */
export function letterFrame(folded: string): { start: number; end: number; open: number } {
  let start = 0;
  let end = folded.length;
  const c0 = folded.charCodeAt(0);
  // Cheap test first: every opening starts with one of these letters (or a space, quote or dash before it).
  if (c0 === 107 || c0 === 100 || c0 === 116 || c0 === 103 || c0 === 120 || c0 === 99 || c0 === 104 || c0 <= 45) {
    const line = SALUTATION_LINE_RE.exec(folded) ?? GREETING_LINE_RE.exec(folded);
    if (line) start = line[0].length;
    else {
      const formal = FORMAL_OPENING_RE.exec(folded);
      if (formal) {
        // A one-line letter: the salutation runs to the first full stop, comma, colon, semicolon or line break.
        let i = formal[0].length;
        while (i < folded.length && i < MAX_SALUTATION) {
          const c = folded.charCodeAt(i);
          if (c === 46 || c === 44 || c === 58 || c === 59 || c === 10) break;
          i++;
        }
        start = i < folded.length && i < MAX_SALUTATION ? i + 1 : formal[0].length;
      }
    }
  }
  if (folded.includes('\n')) end = closingLines(folded, start);
  if (end === folded.length) {
    const from = Math.max(start, folded.length - 40);
    const m = FORMAL_CLOSING_END_RE.exec(folded.slice(from));
    if (m) end = from + m.index + 1;
  }
  let open = start;
  const c = folded.charCodeAt(start);
  if (c === 118 || c === 110 || c === 116 || c === 115 || c === 114 || c <= 32) {
    const subject = SUBJECT_RE.exec(folded.slice(start, Math.min(end, start + 20)));
    if (subject && subject[0].length > 0) open = Math.min(end, start + subject[0].length);
  }
  return { start, end, open };
}

/**
 * Where a letter's closing begins (see letterFrame), or the text's length when it has none: looking up from the last
 * line, a closing formula on its own line after which only short lines (a name, a title) or contact lines come; else
 * contact lines at the end.
 */
function closingLines(folded: string, start: number): number {
  let lineEnd = folded.length;
  let contactFrom = folded.length;
  let contactsOnly = true;
  for (let lines = 0; lines < 6; lines++) {
    const lineStart = folded.lastIndexOf('\n', lineEnd - 1) + 1;
    if (lineStart <= start) break;
    const text = folded.slice(lineStart, lineEnd).trim();
    if (CLOSING_LINE_RE.test(text)) return lineStart;
    const contact = CONTACT_LINE_RE.test(text);
    if (contact && contactsOnly) contactFrom = lineStart;
    else contactsOnly = false;
    if (!contact && text.length > 40) break;
    lineEnd = lineStart - 1;
  }
  return contactFrom;
}

/**
 * Matching-form tokens of an already display-normalised text and, when asked, where each is written (see
 * WrittenForms; null when the text could not be aligned).
 */
function matchingTokens(display: string, withWritten = false): { tokens: string[]; words: Word[]; written: WrittenForms | null; lastFrom: number; bodyFrom: number; bodyTo: number; openFrom: number } {
  let text = display;
  // Cheap tests first: most messages have no link, and emoji live above U+2000 (Vietnamese letters do not).
  if (text.includes('http') || text.includes('www.')) text = text.replace(URL_RE, ' urltoken ');
  if (hasHighChar(text)) text = text.replace(EMOJI_RE, ' emojitoken ');
  let folded = foldAccents(text);
  let aligned = withWritten;
  if (mayHoldAbbreviation(folded) && QP_TEST_RE.test(folded)) {
    folded = folded.replace(QP_RE, '$1$2');
    aligned = false;
  }
  // "V/v" (về việc, the subject of a letter) would read as teencode "vậy vậy".
  if (folded.includes('v/v')) {
    folded = folded.replace(SUBJECT_ABBREVIATION_RE, 've viec');
    aligned = false;
  }
  const rawTokens = tokenEntries(folded);
  // A letter's body (see letterFrame), as raw token indices: salutation and closing are not token characters' runs
  // cut in two, since they end at punctuation or a line break.
  const frame = letterFrame(folded);
  const rawBodyFrom = frame.start > 0 ? rawTokens.length - countTokens(folded, frame.start) : 0;
  const rawOpenFrom = frame.open > frame.start ? rawTokens.length - countTokens(folded, frame.open) : rawBodyFrom;
  const closing = frame.end < folded.length ? countTokens(folded, frame.end) : 0;
  const rawBodyTo = rawTokens.length - closing;
  // The raw token where the body's last sentence begins (sentence ends are not token characters, so tokens never
  // span one).
  const sentenceAt = lastSentenceStart(frame.end < folded.length ? folded.slice(0, frame.end) : folded);
  const tail = sentenceAt < 0 ? 0 : countTokens(folded, sentenceAt) - closing;
  const rawLastFrom = tail > 0 && rawBodyTo - tail > rawBodyFrom ? rawBodyTo - tail : -1;
  let lastFrom = -1;
  let bodyFrom = 0;
  let bodyTo = -1;
  let openFrom = 0;
  const lower = aligned ? text.toLowerCase() : '';
  const offsets = aligned ? writtenOffsets(lower, rawTokens) : null;
  const out: string[] = [];
  const outWords: Word[] = [];
  // Plain arrays: typed arrays of a message's size would be allocated outside the heap, which costs more.
  const starts: number[] | null = offsets ? [] : null;
  const ends: number[] | null = offsets ? [] : null;
  for (let i = 0; i < rawTokens.length; i++) {
    const { words, unchanged } = rawTokens[i] as TokenEntry;
    if (i === rawLastFrom) lastFrom = out.length;
    if (i === rawBodyFrom) bodyFrom = out.length;
    if (i === rawOpenFrom) openFrom = out.length;
    if (i === rawBodyTo) bodyTo = out.length;
    if (words.length > 1) {
      for (const part of words) {
        starts?.push(-1);
        ends?.push(-1);
        out.push(part.text);
        outWords.push(part);
      }
    } else {
      const word = words[0] as Word;
      starts?.push(offsets && unchanged ? (offsets[2 * i] as number) : -1);
      ends?.push(offsets ? (offsets[2 * i + 1] as number) : -1);
      out.push(word.text);
      outWords.push(word);
    }
  }
  if (bodyTo < 0) bodyTo = out.length;
  if (rawBodyFrom >= rawTokens.length) bodyFrom = out.length;
  if (rawOpenFrom >= rawTokens.length) openFrom = out.length;
  return { tokens: out, words: outWords, written: starts && ends ? { lower, start: starts, end: ends } : null, lastFrom, bodyFrom, bodyTo, openFrom };
}

/**
 * Matching form: folded, links → "urltoken", emoji → "emojitoken", teencode expanded, Telex/VNI repaired,
 * "q12"/"p7" expanded to "quan 12"/"phuong 7". Returns space-joined tokens.
 */
export function normalizeForMatching(text: string): string {
  return matchingTokens(normalizeForDisplay(text)).tokens.join(' ');
}

/**
 * Everything the triage steps need from one message, computed once and shared by classification, place
 * extraction and personal-data detection.
 */
export type TextAnalysis = {
  /** Display form (NFC, tidy whitespace). */
  display: string;
  /** Matching-form tokens. */
  tokens: string[];
  /** The same tokens as interned words (see Word), when the analysis was made by `analyzeText`. */
  words?: readonly Word[];
  /** Matching form with a space on each side, for phrase tests: read it through `paddedForm`, which fills it. */
  padded: string | undefined;
  /** The display form contains Vietnamese diacritics. */
  hasDiacritics: boolean;
  /**
   * For a text with diacritics: where each matching token is written (see WrittenForms), so that lexicon words that
   * fold alike ("tối" dark, "tôi" I) can be told apart.
   */
  written?: WrittenForms | null;
  /**
   * Index of the first token of the last sentence of the body, or -1 for a body of one sentence (see
   * lastSentenceStart).
   */
  lastFrom: number;
  /** A letter's body (without salutation and closing, see letterFrame) as token indices [bodyFrom, bodyTo). */
  bodyFrom: number;
  bodyTo: number;
  /** Where the body's opening words are read (after a subject formula, see letterFrame): a token index. */
  openFrom: number;
  /** Cue-lexicon scan, filled on first use (cue-lexicons.ts) and shared by the features and the urgency rule. */
  cues?: CueScan;
  /** The tokens the classifier sees (English rewritten into Vietnamese words, see english.ts), filled by features.ts. */
  modelTokens?: string[];
  /** Cue-lexicon scan of `modelTokens` when they differ from `tokens`. */
  modelCues?: CueScan;
  /** The letter's body in `modelTokens` when they differ from `tokens` ([from, to)), filled with them. */
  modelBody?: { from: number; to: number; open: number };
};

const DIACRITIC_RE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

export function analyzeText(text: string): TextAnalysis {
  const display = normalizeForDisplay(text);
  const hasDiacritics = DIACRITIC_RE.test(display);
  const { tokens, words, written, lastFrom, bodyFrom, bodyTo, openFrom } = matchingTokens(display, hasDiacritics);
  return { display, tokens, words, padded: undefined, hasDiacritics, written, lastFrom, bodyFrom, bodyTo, openFrom };
}

/** Matching form with a space on each side (` ${tokens.join(' ')} `), for phrase tests; built on first use. */
export function paddedForm(a: TextAnalysis): string {
  return (a.padded ??= ` ${a.tokens.join(' ')} `);
}

/** Share of letters that are Latin (incl. Vietnamese); low values mean another script or no text at all. */
export function latinLetterShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const latin = letters.filter((ch) => /\p{Script=Latin}/u.test(ch)).length;
  return latin / letters.length;
}
