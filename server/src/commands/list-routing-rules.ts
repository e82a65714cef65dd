import type { RoutingRuleList } from '../../../contracts/api.ts';
import { listAllRoutingRules, type StoredRoutingRule } from '../db/repositories/routing-rules.repo.ts';
import { getSettingsVersion } from '../db/repositories/settings.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { isAllowed } from '../domain/access/permissions.ts';
import { unknownCodes } from '../domain/routing/check-rule.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';

/** A stored rule as the API shows it, with warnings for codes the first pass never assigns. */
export function presentRoutingRule(r: StoredRoutingRule): RoutingRuleList['rules'][number] {
  const unknown = unknownCodes(r.match);
  return {
    id: r.id,
    priority: r.priority,
    enabled: r.enabled,
    match: r.match,
    target: r.target,
    fallbackUnitCode: r.fallbackUnitCode ?? null,
    description: r.description,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
    warnings: [
      ...(unknown.categories.length > 0 ? (['unknown_category'] as const) : []),
      ...(unknown.procedures.length > 0 ? (['unknown_procedure'] as const) : []),
    ],
  };
}

/** Every routing rule (enabled or not) in priority order, the rules' version, and whether the actor may edit them. Any staff member may read them. */
export async function listRoutingRulesForStaff(ctx: CommandContext, actor: StaffRow): Promise<RoutingRuleList> {
  requireAction(actor, 'case.read');
  // Version first: rules newer than the version make a later save fail safely (SETTINGS_CHANGED), never the reverse.
  const version = await getSettingsVersion(ctx.db, 'routing_rules');
  const rules = await listAllRoutingRules(ctx.db);
  return { version, rules: rules.map(presentRoutingRule), canEdit: isAllowed(actor.role, 'routing.edit') };
}
