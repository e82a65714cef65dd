/** Where a case received by the city goes, and why — routing rules as data (docs/domain/routing.md). */

export type Bilingual = { vi: string; en: string };

export type RoutingRule = {
  id: string;
  priority: number;
  match: { types?: string[]; categories?: string[]; procedures?: string[]; legalTracks?: string[]; urgent?: boolean };
  target: { kind: 'place' } | { kind: 'unit'; unitCode: string };
  /** For place rules: where the case goes when the place is unknown (otherwise: the human triage queue). */
  fallbackUnitCode?: string | null;
  description: Bilingual;
};

export type RoutingInput = {
  type: string;
  category: string | null;
  procedure: string | null;
  urgent: boolean;
  legalTrack: string | null;
  /** The 2025 unit the message's place resolved to, if exactly one. */
  placeUnitCode: string | null;
  /** Whether the first pass is sure enough to act on without a person. */
  confident: boolean;
};

export type RoutingDecision =
  | { kind: 'routed'; unitCode: string; ruleId: string; explanation: Bilingual[] }
  | { kind: 'triage'; explanation: Bilingual[] };

function matches(rule: RoutingRule, input: RoutingInput): boolean {
  const m = rule.match;
  if (m.types && !m.types.includes(input.type)) return false;
  if (m.categories && (input.category === null || !m.categories.includes(input.category))) return false;
  if (m.procedures && (input.procedure === null || !m.procedures.includes(input.procedure))) return false;
  if (m.legalTracks && (input.legalTrack === null || !m.legalTracks.includes(input.legalTrack))) return false;
  if (m.urgent !== undefined && m.urgent !== input.urgent) return false;
  return true;
}

/**
 * The first rule (by priority) whose conditions hold decides. An unsure first pass, or a place rule with no
 * place and no fallback, sends the case to the human triage queue instead. Formal complaints are routed even
 * when unsure about everything else: their legal track must not wait.
 */
export function routeCase(rules: readonly RoutingRule[], input: RoutingInput): RoutingDecision {
  if (!input.confident && input.legalTrack === null) {
    return { kind: 'triage', explanation: [{ vi: 'Chưa đủ chắc chắn để tự chuyển: chờ cán bộ phân loại', en: 'Not sure enough to route automatically: waiting for a person to triage' }] };
  }
  for (const rule of [...rules].sort((a, b) => a.priority - b.priority)) {
    if (!matches(rule, input)) continue;
    const why = { vi: `Quy tắc: ${rule.description.vi}`, en: `Rule: ${rule.description.en}` };
    if (rule.target.kind === 'unit') return { kind: 'routed', unitCode: rule.target.unitCode, ruleId: rule.id, explanation: [why] };
    if (input.placeUnitCode) return { kind: 'routed', unitCode: input.placeUnitCode, ruleId: rule.id, explanation: [why] };
    if (rule.fallbackUnitCode) {
      return { kind: 'routed', unitCode: rule.fallbackUnitCode, ruleId: rule.id, explanation: [why, { vi: 'Không xác định được nơi xảy ra', en: 'The place could not be determined' }] };
    }
    return { kind: 'triage', explanation: [why, { vi: 'Không xác định được phường, xã: chờ cán bộ phân loại', en: 'The ward could not be determined: waiting for a person to triage' }] };
  }
  return { kind: 'triage', explanation: [{ vi: 'Không có quy tắc phù hợp', en: 'No rule applies' }] };
}
