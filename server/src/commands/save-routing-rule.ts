import type { RoutingRuleView } from '../../../contracts/api.ts';
import type { Queryable } from '../db/client.ts';
import {
  findRoutingRule,
  insertRoutingRule,
  listAllRoutingRules,
  updateRoutingRule,
  type StoredRoutingRule,
} from '../db/repositories/routing-rules.repo.ts';
import { bumpSettingsVersion } from '../db/repositories/settings.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { hasSameConditions, normalizeMatch, unknownCodes } from '../domain/routing/check-rule.ts';
import type { RoutingRule } from '../domain/routing/route-case.ts';
import { AppError } from '../lib/app-error.ts';
import { appendSettingsAudit } from './append-settings-audit.ts';
import { requireAction, requireCityScope } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { presentRoutingRule } from './list-routing-rules.ts';

export type RoutingRuleFields = {
  version: number;
  priority?: number | undefined;
  match: RoutingRule['match'];
  target: RoutingRule['target'];
  fallbackUnitCode?: string | null | undefined;
  description: { vi: string; en: string };
  enabled: boolean;
};

const PRIORITY_STEP = 10;

/**
 * Creates a routing rule (`id` undefined) or replaces one, city administrators only. The rule applies to the next
 * case in every process (routing reads the rules in the intake transaction). The change, with the rule before and
 * after, is appended to the audit log in the same transaction. Returns the new rules version and the rule.
 * Throws FORBIDDEN, ROUTING_RULE_NOT_FOUND, ROUTING_CATEGORY_UNKNOWN, ROUTING_PROCEDURE_UNKNOWN, UNIT_NOT_FOUND,
 * VALIDATION_FAILED (a fallback on a rule that names its unit), ROUTING_RULE_DUPLICATE or SETTINGS_CHANGED;
 * nothing is changed when it throws.
 */
export async function saveRoutingRule(
  ctx: CommandContext,
  actor: StaffRow,
  id: string | undefined,
  input: RoutingRuleFields,
): Promise<{ version: number; rule: RoutingRuleView }> {
  requireAction(actor, 'routing.edit');
  requireCityScope(actor);
  const match = normalizeMatch(input.match);
  // A disabled rule never applies, so a shipped rule with a code the first pass lacks can still be switched off.
  const unknown = input.enabled ? unknownCodes(match) : { categories: [], procedures: [] };
  if (unknown.categories.length > 0) throw new AppError('ROUTING_CATEGORY_UNKNOWN', { values: unknown.categories });
  if (unknown.procedures.length > 0) throw new AppError('ROUTING_PROCEDURE_UNKNOWN', { values: unknown.procedures });
  const fallbackUnitCode = input.fallbackUnitCode ?? null;
  if (input.target.kind === 'unit' && fallbackUnitCode) throw new AppError('VALIDATION_FAILED', { field: 'fallbackUnitCode' });
  for (const code of [input.target.kind === 'unit' ? input.target.unitCode : null, fallbackUnitCode]) {
    if (code && !(await findUnitByCode(ctx.db, code))) throw new AppError('UNIT_NOT_FOUND', { unitCode: code });
  }
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const version = await bumpSettingsVersion(tx, 'routing_rules', input.version);
    if (version === undefined) throw new AppError('SETTINGS_CHANGED');
    const rules = await listAllRoutingRules(tx);
    const before = id === undefined ? undefined : rules.find((r) => r.id === id);
    if (id !== undefined && !before) throw new AppError('ROUTING_RULE_NOT_FOUND');
    const others = rules.filter((r) => r.id !== id);
    const priority = input.priority ?? before?.priority ?? Math.max(0, ...rules.map((r) => r.priority)) + PRIORITY_STEP;
    const samePriority = others.find((r) => r.priority === priority);
    if (samePriority) throw new AppError('ROUTING_RULE_DUPLICATE', { ruleId: samePriority.id, reason: 'same_priority' });
    const sameConditions = input.enabled ? others.find((r) => r.enabled && hasSameConditions(r.match, match)) : undefined;
    if (sameConditions) throw new AppError('ROUTING_RULE_DUPLICATE', { ruleId: sameConditions.id, reason: 'same_conditions' });

    const write = {
      priority,
      match,
      target: input.target,
      fallbackUnitCode: input.target.kind === 'place' ? fallbackUnitCode : null,
      description: input.description,
      enabled: input.enabled,
      staffId: actor.id,
      at,
    };
    const ruleId = id ?? (await insertRoutingRule(tx, write));
    if (id !== undefined) await updateRoutingRule(tx, id, write);
    const after = (await findRoutingRule(tx, ruleId))!;
    await auditRuleChange(tx, actor, at, before ? 'routing_rule.updated' : 'routing_rule.created', {
      ruleId,
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    return { version, rule: presentRoutingRule(after) };
  });
}

/** What the audit log keeps of a rule: everything that decides routing and its words. */
export function auditView(r: StoredRoutingRule): Record<string, unknown> {
  return {
    priority: r.priority,
    enabled: r.enabled,
    match: r.match,
    target: r.target,
    fallbackUnitCode: r.fallbackUnitCode ?? null,
    description: r.description,
  };
}

export async function auditRuleChange(
  tx: Queryable,
  actor: StaffRow,
  at: Date,
  action: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await appendSettingsAudit(tx, { at, staffId: actor.id, action, payload });
}
