/** Checks on routing rules as administrators write them: codes the first pass knows, rules that collide. */
import { ROUTING_CATEGORIES, TRIAGE_PROCEDURES } from '../../../../contracts/enums.ts';
import type { TriageResult } from '../triage/classify.ts';
import type { RoutingInput, RoutingRule } from './route-case.ts';

type Match = RoutingRule['match'];

/** The match with empty condition lists dropped (an empty list would match nothing) and lists sorted, unique. */
export function normalizeMatch(match: Match): Match {
  const list = <T extends string>(values: readonly T[] | undefined): T[] | undefined =>
    values && values.length > 0 ? [...new Set(values)].sort() : undefined;
  const out: Match = {};
  const types = list(match.types);
  const categories = list(match.categories);
  const procedures = list(match.procedures);
  const legalTracks = list(match.legalTracks);
  if (types) out.types = types;
  if (categories) out.categories = categories;
  if (procedures) out.procedures = procedures;
  if (legalTracks) out.legalTracks = legalTracks;
  if (match.urgent !== undefined) out.urgent = match.urgent;
  return out;
}

/** Two rules with exactly the same conditions: the later one could never apply. */
export function hasSameConditions(a: Match, b: Match): boolean {
  return JSON.stringify(normalizeMatch(a)) === JSON.stringify(normalizeMatch(b));
}

/** Category and procedure codes in a rule that the first pass never assigns (such a condition never holds). */
export function unknownCodes(match: Match): { categories: string[]; procedures: string[] } {
  const categories = (match.categories ?? []).filter((c) => !(ROUTING_CATEGORIES as readonly string[]).includes(c));
  const procedures = (match.procedures ?? []).filter((p) => !(TRIAGE_PROCEDURES as readonly string[]).includes(p));
  return { categories, procedures };
}

/** What routing looks at in a first-pass result. */
export function routingInputOf(t: TriageResult): RoutingInput {
  return {
    type: t.type,
    category: t.routingCategory,
    procedure: t.procedure,
    urgent: t.urgent,
    legalTrack: t.legalTrack,
    placeUnitCode: t.unitCode,
    confident: !t.needsHumanTriage,
  };
}
