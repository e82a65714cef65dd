/**
 * Personal data in citizen messages: phone numbers (mobile and landline, every common Vietnamese way of
 * writing them, also in words), CCCD/CMND and passport numbers, emails (also written with "at"/"dot") and the
 * sender's own address. `redactPii` is THE
 * redaction function: every public view, export and log line that shows message text goes through it. Pure.
 */

export type PiiKind = 'phone' | 'id' | 'email' | 'address';
export type PiiMatch = { kind: PiiKind; start: number; end: number; text: string };

export const PII_PLACEHOLDERS: Record<PiiKind, string> = {
  phone: '[SĐT]',
  id: '[CCCD]',
  email: '[email]',
  address: '[địa chỉ]',
};

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/giu;
// An email written to dodge address scrapers: spaces around "@", "(at)", " at ", "a còng"; "dot", "chấm" for the
// dots (matched on the folded text). It must end in a common top-level domain, so "at home" is never one.
const DOT = String.raw`(?:\.|\(dot\)|\[dot\]|\s(?:dot|cham)\s)`;
const DODGED_EMAIL_RE = new RegExp(
  String.raw`[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\]|\s(?:at|a cong)\s)\s*[a-z0-9-]+(?:\s*${DOT}\s*[a-z0-9-]+)*?\s*${DOT}\s*(?:com|vn|net|org|edu|gov|info|io)(?:${DOT}(?:vn|com|net|org|edu|gov))?(?![a-z0-9])`,
  'gu',
);
/** Pre-test on the unfolded text for DODGED_EMAIL_RE. */
const DODGED_EMAIL_HINT_RE = /@|\(at\)|\[at\]| at | a c[oò]ng /iu;
// A phone number spelled out in words ("không chín không ba …"): a zero, then eight or more digits, as words or
// figures (matched on the folded text). Counting aloud never starts with zero and runs this long.
const SPELLED_PHONE_RE = /(?<![a-z])khong(?:[\s.,-]+(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|\d)(?![a-z])){8,11}/gu;
/** Pre-test on the unfolded text for SPELLED_PHONE_RE: "không" then another digit word (rare outside numbers). */
const SPELLED_PHONE_HINT_RE = /kh[oô]ng[\s.,-]+(?:kh[oô]ng|m[oộ]t|hai|ba|b[oố]n|t[uư]|n[aă]m|l[aă]m|s[aá]u|b[aả]y|t[aá]m|ch[ií]n|\d)(?![\p{L}])/iu;
// A run of digits with the separators people type between groups: spaces, dots, dashes, brackets.
const NUMBER_RUN_RE = /(?<![\p{L}\d/])\+?\(?\d[\d .\-()]{6,20}\d(?![\d/]|[\p{L}])/gu;
// Passport numbers vary by country (B1234567, 19FR45821): 6–12 capitals/digits, mostly digits, after the word.
const PASSPORT_RE = /(?<![\p{L}\d])(?=(?:[A-Z]*\d){5})[A-Z0-9]{6,12}(?![\p{L}\d])/gu;
const ID_CONTEXT_RE = /(cccd|cmnd|cmt|can cuoc|chung minh|ho chieu|passport|so dinh danh|id)\W{0,12}(so\W{0,4})?$/u;
// The sender's own address: an ownership phrase, then a house number, then the street words.
const OWN_ADDRESS_RE =
  /(?:dia chi(?: (?:lien he|lien lac|nha|nha rieng|hien tai|hien nay|thuong tru|tam tru|cu tru|cua (?:toi|em|minh)))?|d\/c|thuong tru(?: tai| o)?|cu tru tai|tam tru tai|cu ngu tai|cho o(?: hien tai| hien nay)?|nha (?:toi|em|minh|chung toi)(?: o)?|(?:toi|em|minh) (?:o|song o|song tai|dang o|o tro|thue tro)(?: tai| o)?|cua (?:toi|em|minh)|can ho|my address is|i live at)[\s:,(]*(?:(?:tai|o)\s+)?(?:(?:so|nha so|no\.?)\s*)?(\d{1,5}[a-z]?(?:\/\d{1,5}[a-z]?)*(?:\s*(?:hem|kiet|ngo)\s*\d{1,5}(?:\/\d{1,5})*)?[\s,]+(?:(?:duong|pho)\s+)?[a-z][a-z0-9 ]{1,40}?)(?=\s*(?:[,.\n;:)(]|$|\s(?:phuong|quan|huyen|xa|p\s?\d|q\s?\d|tp|khu pho|ap)\b))/gu;

/** Folded form of every UTF-16 code unit below U+2000 (Latin, Vietnamese): lower case, no diacritics, đ → d. */
const FOLD_TABLE = (() => {
  const table = new Uint16Array(0x2000);
  for (let c = 0; c < table.length; c++) {
    const ch = String.fromCharCode(c);
    const base = ch === 'đ' || ch === 'Đ' ? 'd' : (ch.normalize('NFD')[0] ?? ch).toLowerCase();
    table[c] = base.length === 1 ? base.charCodeAt(0) : c;
  }
  return table;
})();

/** FOLD_TABLE as one-character strings, so that a folded text is built by concatenation (cheaper than a code array). */
const FOLD_CHAR = Array.from(FOLD_TABLE, (c) => String.fromCharCode(c));

/** Lower case without diacritics, one output code unit per input code unit, so offsets carry over. */
export function foldSameLength(text: string): string {
  // Fast path: plain ASCII only needs lower-casing, which keeps length.
  if (/^[\x00-\x7f]*$/u.test(text)) return text.toLowerCase();
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    result += c < 0x2000 ? (FOLD_CHAR[c] as string) : text[i];
  }
  return result;
}

/**
 * Cheap pre-test: every kind of personal data but two needs a digit (phone, ID, passport numbers, the house number
 * of an address) or an '@' (email). No folded character is a digit or '@' unless it was one (checked in
 * pii.test.ts). The two others — an email with "at"/"dot" and a phone number in words — have their own pre-tests.
 */
const DIGIT_OR_AT_RE = /[0-9@]/u;

function classifyNumber(digits: string, hasPlus: boolean, before: string): PiiKind | null {
  const idContext = ID_CONTEXT_RE.test(before);
  if (/^84[35789]\d{8}$/u.test(digits) || /^842\d{9}$/u.test(digits)) return 'phone';
  if (hasPlus) return digits.length >= 9 && digits.length <= 13 ? 'phone' : null;
  if (/^0[35789]\d{8}$/u.test(digits) || /^02\d{9}$/u.test(digits)) return idContext ? 'id' : 'phone';
  if (/^(1800|1900)\d{4,6}$/u.test(digits)) return 'phone';
  if (/^0\d{11}$/u.test(digits)) return 'id';
  if (/^\d{9}$/u.test(digits) || /^\d{12}$/u.test(digits)) return idContext || /^\d{9}$/u.test(digits) ? 'id' : null;
  if (/^[2-9]\d{7}$/u.test(digits) && /(dt|dien thoai|sdt|lh|lien he|goi|phone|tel)\W{0,6}$/u.test(before)) return 'phone';
  return null;
}

/**
 * Every piece of personal data in an NFC text, in the order the detectors find them (overlaps not yet removed).
 * With `firstOnly`, stops at the first one: enough to tell whether there is any.
 */
function findPii(source: string, firstOnly: boolean): PiiMatch[] {
  const found: PiiMatch[] = [];
  const add = (kind: PiiKind, start: number, end: number) => found.push({ kind, start, end, text: source.slice(start, end) });
  let folded: string | undefined;
  // Written without digits or '@' as often as with them: emails with "at"/"dot", phone numbers in words.
  if (DODGED_EMAIL_HINT_RE.test(source))
    for (const m of (folded ??= foldSameLength(source)).matchAll(DODGED_EMAIL_RE)) {
      add('email', m.index, m.index + m[0].length);
      if (firstOnly) return found;
    }
  if (SPELLED_PHONE_HINT_RE.test(source))
    for (const m of (folded ??= foldSameLength(source)).matchAll(SPELLED_PHONE_RE)) {
      add('phone', m.index, m.index + m[0].length);
      if (firstOnly) return found;
    }
  if (!DIGIT_OR_AT_RE.test(source)) return found;
  if (source.includes('@')) for (const m of source.matchAll(EMAIL_RE)) {
    add('email', m.index, m.index + m[0].length);
    if (firstOnly) return found;
  }
  for (const m of source.matchAll(NUMBER_RUN_RE)) {
    const raw = m[0].replace(/[\s.\-(]+$/u, '');
    const digits = raw.replace(/\D/gu, '');
    folded ??= foldSameLength(source);
    const kind = classifyNumber(digits, raw.startsWith('+'), folded.slice(Math.max(0, m.index - 30), m.index));
    if (kind) {
      add(kind, m.index, m.index + raw.length);
      if (firstOnly) return found;
    }
  }
  folded ??= foldSameLength(source);
  if (/ho chieu|passport/u.test(folded)) for (const m of source.matchAll(PASSPORT_RE))
    if (/(ho chieu|passport)/u.test(folded.slice(Math.max(0, m.index - 40), m.index)) && !found.some((f) => f.start === m.index)) {
      add('id', m.index, m.index + m[0].length);
      if (firstOnly) return found;
    }
  for (const m of folded.matchAll(OWN_ADDRESS_RE)) {
    const group = m[1] ?? '';
    const start = m.index + m[0].lastIndexOf(group);
    add('address', start, start + group.trimEnd().length);
    if (firstOnly) return found;
  }
  return found;
}

/** Every piece of personal data in the text, in order, non-overlapping. */
export function detectPii(text: string): PiiMatch[] {
  const found = findPii(text.normalize('NFC'), false);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: PiiMatch[] = [];
  for (const f of found) if (!result.some((r) => f.start < r.end && r.start < f.end)) result.push(f);
  return result;
}

/** True when the text holds any personal data (the first piece found is enough: overlaps only remove later ones). */
export function hasPii(text: string): boolean {
  return findPii(text.normalize('NFC'), true).length > 0;
}

/** The text with every piece of personal data replaced by a placeholder ([SĐT], [CCCD], [email], [địa chỉ]). */
export function redactPii(text: string): string {
  const source = text.normalize('NFC');
  let out = '';
  let at = 0;
  for (const m of detectPii(source)) {
    out += source.slice(at, m.start) + PII_PLACEHOLDERS[m.kind];
    at = m.end;
  }
  return out + source.slice(at);
}
