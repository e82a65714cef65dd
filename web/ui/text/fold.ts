/**
 * Vietnamese-aware search helpers. Citizens often type without diacritics ("ben thanh" for "Bến Thành"),
 * so both sides are folded: marks removed, đ → d, lower case, spaces collapsed.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in one of the fields, ignoring diacritics and case. */
export function matchesQuery(query: string, fields: readonly (string | null | undefined)[]): boolean {
  const words = foldDiacritics(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldDiacritics(fields.filter(Boolean).join(' '));
  return words.every((word) => haystack.includes(word));
}

/**
 * Filters and ranks items for a search box: items whose name starts with the query come first,
 * then the others in their original order.
 */
export function searchByName<T>(items: readonly T[], query: string, fields: (item: T) => (string | null | undefined)[], limit = 50): T[] {
  const folded = foldDiacritics(query);
  const hits = items.filter((item) => matchesQuery(query, fields(item)));
  if (!folded) return hits.slice(0, limit);
  const startsWith = (item: T) => fields(item).some((field) => field && foldDiacritics(field).startsWith(folded));
  const first = hits.filter(startsWith);
  const rest = hits.filter((item) => !startsWith(item));
  return [...first, ...rest].slice(0, limit);
}
