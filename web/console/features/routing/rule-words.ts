import type { RoutingRuleView } from '../../../../contracts/api.ts';
import { CASE_TYPES, ROUTING_CATEGORIES, TRIAGE_PROCEDURES } from '../../../../contracts/enums.ts';
import type { Unit } from '../../../ui/api-types.ts';
import type { Translate } from '../../../ui/i18n/translate.ts';

const has = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A category, procedure or type code in words (unknown codes stay as written, so a bad rule is visible). */
export function codeLabel(t: Translate, kind: 'type' | 'category' | 'procedure', code: string): string {
  if (kind === 'type' && has(CASE_TYPES, code)) return t(`type.${code}`);
  if (kind === 'category' && has(ROUTING_CATEGORIES, code)) return t(`category.${code}`);
  if (kind === 'procedure' && has(TRIAGE_PROCEDURES, code)) return t(`procedure.${code}`);
  return code;
}

/** The conditions of a rule as short phrases ("Type: Phản ánh", "Urgent"); one phrase "Any message" when it has none. */
export function conditionWords(t: Translate, match: RoutingRuleView['match']): string[] {
  const words: string[] = [];
  const join = (kind: 'type' | 'category' | 'procedure', codes: readonly string[]) =>
    codes.map((c) => codeLabel(t, kind, c)).join(', ');
  if (match.types?.length) words.push(t('routing.when.types', { values: join('type', match.types) }));
  if (match.categories?.length) words.push(t('routing.when.categories', { values: join('category', match.categories) }));
  if (match.procedures?.length) words.push(t('routing.when.procedures', { values: join('procedure', match.procedures) }));
  if (match.legalTracks?.length) words.push(t('routing.when.legalTracks', { values: join('type', match.legalTracks) }));
  if (match.urgent !== undefined) words.push(t(match.urgent ? 'routing.when.urgent' : 'routing.when.notUrgent'));
  return words.length > 0 ? words : [t('routing.when.any')];
}

/** A unit's name in the console's language (its English name when it has one), or its code while units load. */
export function unitLabel(units: readonly Unit[] | undefined, code: string, locale: 'vi' | 'en'): string {
  const unit = units?.find((u) => u.code === code);
  return (locale === 'en' ? unit?.nameEn : null) ?? unit?.fullName ?? code;
}
