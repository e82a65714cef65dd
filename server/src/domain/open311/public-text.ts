import { redactPii } from '../triage/pii.ts';

/**
 * Text without personal data (`redactPii`: phones, ids, emails, the sender's own address) and without house
 * numbers. The building block of `publicReportText` (domain/public), which every public view uses. Pure.
 */
export const HOUSE_NUMBER_PLACEHOLDER = '[số nhà]';

// "số 12", "nhà số 12A", "12/3B", "123/45/6 hẻm 7", and a number right before a street word or a capitalised
// street name ("45 Lê Lợi", "45 đường số 7"). Counts and durations ("3 ngày", "2 lần") are left alone.
const SLASHED_RE = /(?<![\p{L}\d])\d{1,5}[a-zA-Z]?(?:\/\d{1,5}[a-zA-Z]?)+(?![\p{L}\d])/gu;
// "đường số 7" is a street's name, not a house number.
const NUMBERED_RE = /(?<![\p{L}\d])(?<!(?:đường|duong)\s+)(?:nhà số|số nhà|số|sn)\s*\d{1,5}[a-zA-Z]?(?![\p{L}\d])/giu;
// "hẻm 45", "kiệt 12", "ngõ 3": the alley's number is kept out, the word stays ("hẻm [số nhà] Lê Lợi").
const ALLEY_RE = /(?<![\p{L}\d])(hẻm|hem|kiệt|kiet|ngõ|ngo|ngách|ngach)\s*\d{1,5}[a-zA-Z]?(?![\p{L}\d])/giu;
const BEFORE_STREET_RE = /(?<![\p{L}\d/])\d{1,5}[a-zA-Z]?(?=,?\s+(?:đường|phố|hẻm|kiệt|ngõ|ngách|duong|pho|hem|kiet|ngo)\b|,?\s+\p{Lu}\p{Ll})/gu;

export function redactHouseNumbers(text: string): string {
  return text
    .replace(SLASHED_RE, HOUSE_NUMBER_PLACEHOLDER)
    .replace(ALLEY_RE, `$1 ${HOUSE_NUMBER_PLACEHOLDER}`)
    .replace(NUMBERED_RE, HOUSE_NUMBER_PLACEHOLDER).replace(BEFORE_STREET_RE, HOUSE_NUMBER_PLACEHOLDER);
}

export function publicDescription(text: string): string {
  return redactHouseNumbers(redactPii(text)).slice(0, 4000);
}
