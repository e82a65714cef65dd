/**
 * How a citizen's words become procedure searches. Citizens type without diacritics, with typos and with
 * everyday words ("sao y" for chứng thực bản sao, "hộ khẩu" for cư trú); the database compares folded text
 * (f_unaccent(lower(…))) by full-text search and trigram word similarity, and this module adds the variants a
 * synonym list suggests. Pure.
 */
export type Synonym = { phrase: string; means: string };

const MAX_QUERY_CHARS = 120;
const MAX_VARIANTS = 6;

/** Lower case, no diacritics (đ → d), only letters, digits and single spaces: the form synonyms are kept in. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_CHARS);
}

/**
 * The query, the query with each synonym phrase found in it (as whole words) replaced by its meaning, and the
 * query with all of them replaced (longest phrases first, so "sao y ban chinh" wins over "sao y").
 * At most MAX_VARIANTS, deduplicated.
 */
export function searchVariants(query: string, synonyms: readonly Synonym[]): string[] {
  const folded = foldForSearch(query);
  if (!folded) return [];
  const variants = [folded];
  const add = (v: string) => {
    if (v && !variants.includes(v) && variants.length < MAX_VARIANTS) variants.push(v);
  };
  let combined = folded;
  const sorted = [...synonyms].sort((a, b) => b.phrase.length - a.phrase.length);
  for (const s of sorted) {
    const phrase = foldForSearch(s.phrase);
    if (!phrase) continue;
    const re = new RegExp(`(^| )${phrase.replace(/[.]/gu, '\\.')}(?= |$)`, 'u');
    if (!re.test(folded)) continue;
    const means = foldForSearch(s.means);
    add(folded.replace(re, `$1${means}`).trim());
    // The combined form only replaces phrases still present (a longer one may have consumed a shorter one).
    if (re.test(combined)) combined = combined.replace(re, `$1${means}`).trim();
  }
  if (combined !== folded) {
    if (variants.length >= MAX_VARIANTS) variants.pop();
    add(combined);
  }
  return variants;
}

/** A tsquery (config 'simple') matching any word of the folded text; only plain [a-z0-9] words are kept, so it is safe. */
export function anyWordTsQuery(folded: string): string {
  const words = folded.split(' ').filter((w) => /^[a-z0-9]+$/u.test(w));
  return [...new Set(words)].join(' | ');
}

/** Procedure codes look like 1.001193 or 2.000815: such a query is a code look-up. */
export function isProcedureCode(text: string): boolean {
  return /^[12]\.\d{6}$/u.test(text.trim());
}
