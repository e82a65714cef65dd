import type { RoutingTestResult } from '../../../contracts/api.ts';
import { listRoutingRules } from '../db/repositories/routing.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { routingInputOf } from '../domain/routing/check-rule.ts';
import { routeCase } from '../domain/routing/route-case.ts';
import { getTriageEngine } from '../triage/triage-engine.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * What would happen to a message arriving at the city (the portal without a chosen ward): the real first pass and
 * the current enabled rules, exactly as intake runs them, without opening a case or storing the text. Any staff
 * member may try it. Throws FORBIDDEN.
 */
export async function testRouting(
  ctx: CommandContext,
  actor: StaffRow,
  input: { text: string; location?: { lat: number; lng: number } | undefined },
): Promise<RoutingTestResult> {
  requireAction(actor, 'case.read');
  const engine = ctx.triage ?? getTriageEngine();
  const t = engine.classify(input.text, input.location);
  const decision = routeCase(await listRoutingRules(ctx.db), routingInputOf(t));
  const why = t.explanation.map((vi, i) => ({ vi, en: t.explanationEn[i] ?? vi }));
  return {
    understood: {
      type: t.type,
      category: t.category,
      procedure: t.procedure,
      urgent: t.urgent,
      legalTrack: t.legalTrack,
      confidence: t.confidence,
      place: { ward: t.ward, district: t.district, street: t.street, unitCode: t.unitCode },
    },
    decision: decision.kind,
    unitCode: decision.kind === 'routed' ? decision.unitCode : null,
    ruleId: decision.kind === 'routed' ? decision.ruleId : null,
    explanation: [...why, ...decision.explanation],
  };
}
