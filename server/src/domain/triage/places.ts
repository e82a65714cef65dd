/**
 * Extracts the ward, district and street a message names, as official names with diacritics, from the
 * accent-folded matching form (so "phuong 7 quan 3", "P7 Q3" and "phường 7, quận 3" read alike). Pure.
 */
import type { Gazetteer, Landmark } from './gazetteer.ts';
import { analyzeText, isJsSpace, paddedForm, type TextAnalysis, type Word } from './normalize.ts';

export type ExtractedPlaces = {
  ward: string | null;
  /** 2021–2024 ward codes the named ward may be (several when the name exists in several districts). */
  wardCodes: string[];
  /** A 2025 unit named directly (a name that exists only after 2025-07-01). */
  unit2025Code: string | null;
  district: string | null;
  districtCode: string | null;
  street: string | null;
  /** How the places were found, for explanations: "phường Linh Trung", "Quận 3", "landmark chợ Bà Chiểu". */
  mentions: string[];
  /** Two different wards were named, so the ward is left empty. */
  hasSeveralWards: boolean;
};

const DISTRICT_KEYS = new Set(['quan', 'huyen', 'district', 'q']);
/** City and ward keywords (their first words start a place mention); `cityKeyAt` and `wardKeyAt` test for them. */
const CITY_KEYS = [['thanh', 'pho'], ['tp']];
const WARD_KEYS = [['thi', 'tran'], ['phuong'], ['xa'], ['ward'], ['commune'], ['p'], ['f']];
const STREET_KEYS = new Set(['duong', 'hem', 'kiet', 'ngo', 'pho', 'street', 'mat', 'tien', 'nga', 'tu', 'ba', 'sau', 'doan', 'tuyen']);
const PERSON_KEYS = new Set(['ten', 'la', 'ong', 'ba', 'anh', 'chi', 'chu', 'nguoi', 'bac', 'co', 'chau', 'ho']);
const COUNT_WORDS = new Set(['ngay', 'thang', 'nam', 'gio', 'h', 'tuan', 'lan', 'phut', 'nguoi', 'ban', 'cai', 'tang', 'm', 'km', 'tieng']);
/** Words before a name that make it a landmark (industrial park, canal, hospital, market), not a ward or street. */
const LANDMARK_PREV = new Set(['khu', 'nghiep', 'rac', 'kenh', 'rach', 'song', 'cau', 'vien', 'xe', 'cang', 'ga', 'san', 'truong', 'cong']);
const NUMBERED_RE = /^(?:duong so|quoc lo|ql|tinh lo|tl|huong lo|hl) (\d{1,3}[a-z]?)$/u;
const NUMBERED_HEADS = new Set(['duong', 'quoc', 'ql', 'tinh', 'tl', 'huong', 'hl']);
/** The same written as one token: "QL1A", "TL10". */
const NUMBERED_TOKEN_RE = /^(ql|tl|hl)(\d{1,3}[a-z]?)$/u;
const isNumberedToken = (t: string) => t.length >= 3 && t.charCodeAt(1) === 108 /* l */ && t.charCodeAt(2) >= 48 && t.charCodeAt(2) <= 57 && NUMBERED_TOKEN_RE.test(t);
/** Street words after which an alias that is also a date or a number ("3/2", "30/4") names the street. */
const STREET_WORDS = new Set(['duong', 'pho', 'street', 'tu', 'doan', 'tuyen', 'tien']);
/** Initials long enough to be told from other abbreviations count without a street word when written in capitals. */
const BARE_INITIALS_RE = /^[A-ZĐ0-9]{4,}$/u;
const DISTRICT_NUMBERS = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

/** Length of the ward keyword at token i ("thị trấn", "phường", "xã", "p"…; see WARD_KEYS), or 0. */
function wardKeyAt(tokens: string[], i: number): number {
  const t = tokens[i];
  if (t === 'thi') return tokens[i + 1] === 'tran' ? 2 : 0;
  return t === 'phuong' || t === 'xa' || t === 'ward' || t === 'commune' || t === 'p' || t === 'f' ? 1 : 0;
}

/** Length of the city keyword at token i ("thành phố", "tp"; see CITY_KEYS), or 0. */
function cityKeyAt(tokens: string[], i: number): number {
  const t = tokens[i];
  if (t === 'thanh') return tokens[i + 1] === 'pho' ? 2 : 0;
  return t === 'tp' ? 1 : 0;
}

/**
 * The gazetteer's folded names word by word, street, ward (with 2025 unit) and district names in one trie: `names[kind]`
 * is the whole folded name of that kind where one stops, else null (built once per gazetteer, so that a match needs
 * no string building, and the three kinds are looked up in one walk).
 */
type NameTrie = { children: Map<string, NameTrie>; names: [string | null, string | null, string | null] };
const STREET = 0;
const WARD = 1;
const DISTRICT = 2;
type NameKind = typeof STREET | typeof WARD | typeof DISTRICT;
/** What a word can start: a name (the trie node after it), a landmark, a place mention (a keyword), a street key. */
export type FirstWord = { head: boolean; streetKey: boolean; districtKey: boolean; numberedHead: boolean; node?: NameTrie; landmarks?: number[] };
type FirstTokenIndex = {
  /** Every word that starts a name, a keyword or a landmark (one map read per token of a message). */
  words: Map<string, FirstWord>;
  /** Each landmark's pattern as words (a pattern is in the padded matching form iff its words follow each other in the tokens). */
  landmarkWords: string[][];
  /** The most words a walk down the trie needs (the longest street name, or 5 for wards). */
  maxWords: number;
};
const indexCache = new WeakMap<Gazetteer, FirstTokenIndex>();
function nameTrie(byKind: [NameKind, Map<string, unknown>][]): NameTrie {
  const root: NameTrie = { children: new Map(), names: [null, null, null] };
  for (const [kind, map] of byKind)
    for (const key of map.keys()) {
      let node = root;
      for (const word of key.split(' ')) {
        let next = node.children.get(word);
        if (!next) node.children.set(word, (next = { children: new Map(), names: [null, null, null] }));
        node = next;
      }
      node.names[kind] = key;
    }
  return root;
}
function indexOf(g: Gazetteer): FirstTokenIndex {
  let idx = indexCache.get(g);
  if (!idx) {
    const words = new Map<string, FirstWord>();
    const entry = (word: string) => {
      let e = words.get(word);
      if (!e) words.set(word, (e = { head: false, streetKey: STREET_KEYS.has(word), districtKey: DISTRICT_KEYS.has(word), numberedHead: NUMBERED_HEADS.has(word) }));
      return e;
    };
    const trie = nameTrie([[STREET, g.streetByFolded], [WARD, g.wardByFolded], [WARD, g.unit2025ByFolded], [DISTRICT, g.districtByFolded]]);
    for (const [word, node] of trie.children) Object.assign(entry(word), { head: true, node });
    // Every token that can start a place mention is a head; any other token is skipped at once.
    for (const word of [...STREET_KEYS, ...DISTRICT_KEYS, ...NUMBERED_HEADS, 'so', ...WARD_KEYS.map((k) => k[0] ?? ''), ...CITY_KEYS.map((k) => k[0] ?? '')]) entry(word).head = true;
    const landmarkWords = g.landmarks.map((l) => l.pattern.split(' '));
    landmarkWords.forEach((w, li) => {
      const e = entry(w[0] ?? '');
      (e.landmarks ??= []).push(li);
    });
    idx = { words, landmarkWords, maxWords: Math.max(g.maxStreetWords, 5) };
    indexCache.set(g, idx);
  }
  return idx;
}

/**
 * Longest folded name of one kind along `path` (the trie nodes after tokens i, i..i+1, …; see extractPlaces), up to
 * maxWords words, that `lookup` accepts. Only the lengths at which a gazetteer name of that kind ends are looked up.
 */
function longestMatch<T>(path: readonly NameTrie[], kind: NameKind, maxWords: number, lookup: (key: string) => T | undefined) {
  // The names ending along the walk, shortest first (a name has few words: no array is allocated for them).
  let k1: string | null = null;
  let n1 = 0;
  let more: { key: string; n: number }[] | null = null;
  const last = Math.min(maxWords, path.length);
  for (let n = 1; n <= last; n++) {
    const key = (path[n - 1] as NameTrie).names[kind];
    if (key === null) continue;
    if (k1 === null) [k1, n1] = [key, n];
    else (more ??= []).push({ key, n });
  }
  if (more)
    for (let e = more.length - 1; e >= 0; e--) {
      const { key, n } = more[e] as { key: string; n: number };
      const hit = lookup(key);
      if (hit !== undefined) return { hit, n };
    }
  if (k1 !== null) {
    const hit = lookup(k1);
    if (hit !== undefined) return { hit, n: n1 };
  }
  return undefined;
}

/** `/^\d+$/u.test(t)` without a pattern. */
function isDigits(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function titleCaseStreet(raw: string): string {
  return raw.replace(/\s+/gu, ' ').trim();
}

/** Accent-free text that keeps letter case, to tell "Phan Anh" (a street) from "phản ánh" (to report). */
export function foldKeepCase(text: string): string {
  // Precomposed Latin and Vietnamese letters decompose to a letter and marks of U+0300–036F, none of which moves
  // across characters: folded one at a time from a table. Anything else (a loose combining mark, another script)
  // takes the general path.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const folded = KEEP_CASE_FOLD[text.charCodeAt(i)];
    if (folded === undefined) return foldKeepCaseSlowly(text);
    out += folded;
  }
  return out;
}

function foldKeepCaseSlowly(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
}

/** `foldKeepCaseSlowly` of each code unit of U+0000–02FF and U+1E00–1EFF, by code unit (undefined for the others). */
const KEEP_CASE_FOLD: readonly (string | undefined)[] = (() => {
  const table = new Array<string | undefined>(0x1f00).fill(undefined);
  for (const [from, to] of [[0x0000, 0x02ff], [0x1e00, 0x1eff]] as const)
    for (let c = from; c <= to; c++) table[c] = foldKeepCaseSlowly(String.fromCharCode(c));
  return table;
})();

/** `text.replace(/\s+/gu, ' ')`, without building a new string when every run is already a single space. */
export function collapseSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isJsSpace(c) && (c !== 32 || (i + 1 < text.length && isJsSpace(text.charCodeAt(i + 1))))) return text.replace(/\s+/gu, ' ');
  }
  return text;
}

/** `foldKeepCase` of gazetteer names, memoised: the same few hundred names are tested again and again. */
const FOLDED_NAME = new Map<string, string>();
function foldNameKeepCase(name: string): string {
  let folded = FOLDED_NAME.get(name);
  if (folded === undefined) {
    folded = foldKeepCase(name);
    if (FOLDED_NAME.size > 10_000) FOLDED_NAME.clear();
    FOLDED_NAME.set(name, folded);
  }
  return folded;
}

/** The spelling among several that the text itself uses, else the first. */
function pickSpelling(spellings: string[], display: string): string {
  return spellings.find((s) => display.includes(s)) ?? spellings[0] ?? '';
}

/** A word's entry in the place index, kept on the word (for the last index it was looked up in). */
function entryOf(ix: FirstTokenIndex, w: Word): FirstWord | undefined {
  if (w.placeIndex !== ix) {
    w.placeIndex = ix;
    w.placeEntry = ix.words.get(w.text);
  }
  return w.placeEntry;
}

/** Names the message gives for ward, district and street. Never throws. */
export function extractPlaces(input: string | TextAnalysis, g: Gazetteer): ExtractedPlaces {
  const a = typeof input === 'string' ? analyzeText(input) : input;
  const { tokens, display } = a;
  const ix = indexOf(g);
  let caseFolded: string | undefined;
  // A name found without a keyword must be written capitalised, as names are.
  const isCapitalised = (name: string) => (caseFolded ??= collapseSpaces(foldKeepCase(display))).includes(foldNameKeepCase(name));
  const used = new Uint8Array(tokens.length);
  const mark = (i: number, n: number) => { for (let j = i; j < i + n; j++) used[j] = 1; };
  const out: ExtractedPlaces = { ward: null, wardCodes: [], unit2025Code: null, district: null, districtCode: null, street: null, mentions: [], hasSeveralWards: false };
  const wards: { name: string; codes: string[]; unit2025: string | null; at: number }[] = [];
  const districts: { code: string; at: number }[] = [];
  const streets: { name: string; at: number }[] = [];

  // The trie nodes after tokens i, i..i+1, … (as far as some name goes), walked once per starting token.
  const paths = new Array<NameTrie[] | undefined>(tokens.length);
  const pathAt = (i: number): NameTrie[] => {
    let path = paths[i];
    if (path === undefined) {
      path = [];
      let node = entries[i]?.node;
      for (let n = 1; node && n <= ix.maxWords && i + n <= tokens.length; n++) {
        path.push(node);
        node = i + n < tokens.length ? node.children.get(tokens[i + n] as string) : undefined;
      }
      paths[i] = path;
    }
    return path;
  };
  // Each token's entry in the index, read once; the landmarks the message names (their words follow each other).
  const entries = new Array<FirstWord | undefined>(tokens.length);
  let named: Set<number> | null = null;
  const words = a.words;
  for (let i = 0; i < tokens.length; i++) {
    const e = words ? entryOf(ix, words[i] as Word) : ix.words.get(tokens[i] as string);
    entries[i] = e;
    if (e?.landmarks) for (const li of e.landmarks) {
      const words = ix.landmarkWords[li] as string[];
      let k = 1;
      while (k < words.length && tokens[i + k] === words[k]) k++;
      if (k === words.length) (named ??= new Set()).add(li);
    }
  }
  if (named) for (let li = 0; li < g.landmarks.length; li++) {
    const l = g.landmarks[li] as Landmark;
    if (named.has(li)) {
      const codes = [...g.wards.values()].filter((w) => w.name === l.ward && w.districtCode === l.districtCode).map((w) => w.code);
      wards.push({ name: l.ward, codes, unit2025: null, at: paddedForm(a).indexOf(l.pattern) / 4 });
      out.mentions.push(`landmark:${l.pattern}`);
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (!entries[i]?.head && !(t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57)) {
      if (isNumberedToken(t)) {
        const m = NUMBERED_TOKEN_RE.exec(t);
        streets.push({ name: `${m?.[1] === 'ql' ? 'Quốc lộ' : m?.[1] === 'tl' ? 'Tỉnh lộ' : 'Hương lộ'} ${(m?.[2] ?? '').toUpperCase()}`, at: i });
        used[i] = 1;
      }
      continue;
    }
    const prev = tokens[i - 1] ?? '';
    // Numbered streets: Đường số 8, Quốc lộ 1A, Tỉnh lộ 10, Hương lộ 2.
    const numbered = NUMBERED_RE;
    const entry = entries[i];
    if (entry?.numberedHead) for (const n of [3, 2]) {
      const seq = tokens.slice(i, i + n).join(' ');
      const m = numbered.exec(seq);
      if (!m || (n === 2 && /^(duong|quoc|tinh|huong)$/u.test(t))) continue;
      const num = (m[1] ?? '').toUpperCase();
      const kind = seq.startsWith('duong') ? 'Đường số' : /^(quoc|ql)/u.test(seq) ? 'Quốc lộ' : /^(tinh|tl)/u.test(seq) ? 'Tỉnh lộ' : 'Hương lộ';
      streets.push({ name: `${kind} ${num}`, at: i });
      mark(i, n);
      break;
    }
    if (used[i]) continue;
    // Ward keyword + number or name.
    const wk = wardKeyAt(tokens, i);
    if (wk > 0 && !(wk === 1 && (t === 'p' || t === 'f') && !isDigits(tokens[i + 1] ?? ''))) {
      const next = tokens[i + wk] ?? '';
      if (/^\d{1,2}$/u.test(next) && Number(next) >= 1 && Number(next) <= 30 && !COUNT_WORDS.has(tokens[i + wk + 1] ?? '')) {
        wards.push({ name: `Phường ${Number(next)}`, codes: g.wardByFolded.get(String(Number(next))) ?? [], unit2025: null, at: i });
        mark(i, wk + 1);
        continue;
      }
      const hit = longestMatch(pathAt(i + wk), WARD, 5, (k) => /^\d/u.test(k) ? undefined : g.wardByFolded.get(k) ?? (g.unit2025ByFolded.has(k) ? [] : undefined));
      if (hit) {
        const key = tokens.slice(i + wk, i + wk + hit.n).join(' ');
        const codes = hit.hit;
        const name = codes.length ? (g.wards.get(codes[0] ?? '')?.name ?? key) : (g.units2025.get(g.unit2025ByFolded.get(key)?.[0] ?? '')?.name ?? key);
        wards.push({ name, codes, unit2025: codes.length ? null : (g.unit2025ByFolded.get(key)?.[0] ?? null), at: i });
        // "thị trấn Củ Chi" also names the district it is the seat of.
        if (wk === 2 && g.districtByFolded.has(key)) districts.push({ code: g.districtByFolded.get(key)?.[0] ?? '', at: i });
        mark(i, wk + hit.n);
        i += wk + hit.n - 1;
        continue;
      }
    }
    // District keyword + number or name; "thành phố Thủ Đức".
    const ck = cityKeyAt(tokens, i);
    if (entry?.districtKey || ck > 0) {
      const k = ck > 0 ? ck : 1;
      const next = tokens[i + k] ?? '';
      if (ck === 0 && /^\d{1,2}$/u.test(next) && DISTRICT_NUMBERS.has(Number(next))) {
        districts.push({ code: g.districtByFolded.get(String(Number(next)))?.[0] ?? '', at: i });
        mark(i, k + 1);
        continue;
      }
      const hit = longestMatch(pathAt(i + k), DISTRICT, 3, (key) => (/^\d/u.test(key) ? undefined : g.districtByFolded.get(key)));
      if (hit) {
        districts.push({ code: hit.hit[0] ?? '', at: i });
        mark(i, k + hit.n);
        i += k + hit.n - 1;
        continue;
      }
    }
    // Street keyword (đường, hẻm 51, số 12) + known street name.
    const afterKey = entry?.streetKey || isDigits(t) || (t === 'so' && /^\d/u.test(tokens[i + 1] ?? ''));
    const start = afterKey ? i + 1 : i;
    const hit = longestMatch(pathAt(start), STREET, g.maxStreetWords, (k) => g.streetByFolded.get(k));
    if (hit && !used[start]) {
      const key = tokens.slice(start, start + hit.n).join(' ');
      const isAlsoArea = g.wardByFolded.has(key) || g.districtByFolded.has(key);
      const spelled = pickSpelling(hit.hit, display);
      const alias = g.streetAliasOf.get(spelled);
      const longerWard = longestMatch(pathAt(start), WARD, 5, (k) => g.wardByFolded.get(k));
      // Capital initials ("kẹt xe CMT8") name nothing but the street; a bare name needs more care.
      const bareOk =
        alias !== undefined && BARE_INITIALS_RE.test(spelled)
          ? !alias.keyed && (/\d/u.test(spelled) || isCapitalised(spelled))
          : hit.n >= 2 && !alias?.keyed && !isAlsoArea && !PERSON_KEYS.has(prev) &&
            !LANDMARK_PREV.has(prev) && prev !== 'cho' && isCapitalised(spelled) && !(longerWard && longerWard.n > hit.n);
      const trailingKey = /^(street|st|road)$/u.test(tokens[start + hit.n] ?? '');
      const keyedOk = (afterKey || trailingKey) && !(longerWard && longerWard.n > hit.n && !STREET_KEYS.has(t)) && (!alias?.keyed || (afterKey && STREET_WORDS.has(t)));
      if (keyedOk || bareOk) {
        let name = alias?.name ?? spelled;
        const num = tokens[start + hit.n] ?? '';
        // Streets named after a ward plus a number: "Tân Thới Hiệp 07", "Thạnh Xuân 25".
        if (g.wardByFolded.has(key) && /^\d{1,2}$/u.test(num) && !COUNT_WORDS.has(tokens[start + hit.n + 1] ?? '')) name = `${name} ${num}`;
        streets.push({ name, at: start });
        mark(start, hit.n);
        i = start + hit.n - 1;
        continue;
      }
    }
    // Bare district names ("Bình Thạnh", "Gò Vấp") and bare, unambiguous ward names ("Vĩnh Lộc B").
    // "ngã tư Hóc Môn" names the district (corpus convention; the corpus does not count "ngã sáu Gò Vấp"), and
    // "từ Cần Giờ" (from Cần Giờ) folds to the same "tu".
    const d = longestMatch(pathAt(i), DISTRICT, 3, (k) => (k.includes(' ') ? g.districtByFolded.get(k) : undefined));
    if (d && (!STREET_KEYS.has(prev) || prev === 'tu')) {
      districts.push({ code: d.hit[0] ?? '', at: i });
      mark(i, d.n);
      i += d.n - 1;
      continue;
    }
    const w = longestMatch(pathAt(i), WARD, 5, (k) => (k.includes(' ') && !g.districtByFolded.has(k) ? g.wardByFolded.get(k) : undefined));
    // Without a keyword, a ward name in a text with diacritics must be written capitalised ("tán thành" is a verb,
    // not Phường Tân Thành); texts without diacritics give no such signal and are taken as written.
    const wardName = w ? (g.wards.get(w.hit[0] ?? '')?.name ?? '') : '';
    if (w && !STREET_KEYS.has(prev) && !PERSON_KEYS.has(prev) && !LANDMARK_PREV.has(prev) && (!a.hasDiacritics || isCapitalised(wardName))) {
      wards.push({ name: wardName, codes: w.hit, unit2025: null, at: i });
      mark(i, w.n);
      i += w.n - 1;
    }
  }
  if (streets.length === 0) {
    const s = findCapitalisedStreet(display, a.hasDiacritics);
    if (s) streets.push({ name: s, at: 0 });
  }

  const firstDistrict = districts.sort((a, b) => a.at - b.at)[0];
  if (firstDistrict && g.districts.has(firstDistrict.code)) {
    out.districtCode = firstDistrict.code;
    out.district = g.districts.get(firstDistrict.code)?.name ?? null;
    out.mentions.push(`district:${out.district}`);
  }
  const distinct = [...new Map(wards.map((w) => [w.name, w])).values()];
  if (distinct.length > 1) out.hasSeveralWards = true;
  else if (distinct[0]) {
    const w = distinct[0];
    out.unit2025Code = w.unit2025;
    // With a district stated, only that district's ward of this name counts (none if it has no such ward).
    out.wardCodes = out.districtCode ? w.codes.filter((c) => g.wards.get(c)?.districtCode === out.districtCode) : w.codes;
    const only = out.wardCodes.length === 1 ? g.wards.get(out.wardCodes[0] ?? '') : undefined;
    out.ward = only && !/^Phường \d/u.test(w.name) ? only.name : w.name;
    out.mentions.push(`ward:${w.name}`);
  }
  out.street = streets.sort((a, b) => a.at - b.at)[0]?.name ?? null;
  if (out.street) out.mentions.push(`street:${out.street}`);
  return out;
}

/** "đường Xuân Hồng" in a text with diacritics, for streets missing from the gazetteer. */
function findCapitalisedStreet(display: string, hasDiacritics: boolean): string | null {
  if (!hasDiacritics) return null;
  // The pattern needs "đường"/"Đường", "hẻm"/"Hẻm" or "số"/"Số": plain substring tests first.
  if (!display.includes('ường') && !display.includes('ẻm') && !display.includes('số') && !display.includes('Số')) return null;
  // "đường X", and the address forms "hẻm 51 X", "số 12 X": the capitalised words after them name a street.
  const m = /(?:^|[\s(,])(?:đường|Đường|(?:hẻm|Hẻm|số|Số)\s+\d+[a-zA-Z]?(?:\/\d+)*)\s+(\p{Lu}[\p{Ll}\d]*(?:\s+\p{Lu}[\p{Ll}\d]*){0,3})(?![\p{L}\d])/u.exec(display);
  if (!m || !m[1]) return null;
  return titleCaseStreet(m[1]);
}
