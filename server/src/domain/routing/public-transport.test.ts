import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { classifyMessage, routingCategoryOf } from '../triage/classify.ts';
import { loadGazetteer } from '../../triage/load-gazetteer.ts';
import { loadModel } from '../../triage/load-model.ts';
import { routingInputOf } from './check-rule.ts';
import { routeCase, type RoutingRule } from './route-case.ts';

type SeedRule = { priority: number; match: RoutingRule['match']; target: 'place' | 'unit'; unit?: string; fallbackUnit?: string; description: { vi: string; en: string } };
const seeded: RoutingRule[] = (JSON.parse(readFileSync(new URL('../../../../reference-data/routing/rules.json', import.meta.url), 'utf8')) as { rules: SeedRule[] }).rules.map((r, i) => ({
  id: String(i + 1),
  priority: r.priority,
  match: r.match,
  target: r.target === 'unit' && r.unit ? { kind: 'unit', unitCode: r.unit } : { kind: 'place' },
  fallbackUnitCode: r.fallbackUnit ?? null,
  description: r.description,
}));

void test('a traffic message about buses gets the routing category xe_buyt; other messages keep their category', () => {
  assert.equal(routingCategoryOf('giao_thong', 'Xe buýt số 19 chạy ẩu, không dừng đúng trạm'), 'xe_buyt');
  assert.equal(routingCategoryOf('giao_thong', 'nen tang chuyen xe buyt buoi toi'), 'xe_buyt');
  assert.equal(routingCategoryOf('giao_thong', 'The bus never stops at the bus stop'), 'xe_buyt');
  assert.equal(routingCategoryOf('giao_thong', 'Ổ gà giữa đường Nguyễn Oanh rất nguy hiểm'), 'giao_thong');
  // Only traffic is split: a noise complaint that mentions a bus station stays a noise complaint.
  assert.equal(routingCategoryOf('tieng_on', 'Loa quảng cáo ở trạm xe buýt mở quá lớn'), 'tieng_on');
  assert.equal(routingCategoryOf(null, 'xe buýt'), null);
});

void test('the seeded public-transport rule is reachable: a bus complaint received by the city goes to the Department of Construction', () => {
  const rule = seeded.find((r) => r.match.categories?.includes('xe_buyt'));
  assert.ok(rule && rule.target.kind === 'unit');
  const t = classifyMessage('Xe buýt tuyến 19 trên đường Võ Văn Ngân thường xuyên bỏ trạm, không dừng đón khách, người già phải chạy theo xe.', loadModel(), loadGazetteer());
  assert.equal(t.category, 'giao_thong');
  assert.equal(t.routingCategory, 'xe_buyt');
  const decision = routeCase(seeded, { ...routingInputOf(t), confident: true });
  assert.equal(decision.kind, 'routed');
  assert.equal(decision.kind === 'routed' ? decision.unitCode : null, rule.target.unitCode);
  // The same message about a pothole instead stays with the place's ward rule.
  const pothole = classifyMessage('Ổ gà lớn giữa đường Võ Văn Ngân, xe máy té mấy lần rồi.', loadModel(), loadGazetteer());
  assert.equal(pothole.routingCategory, pothole.category);
  const potholeDecision = routeCase(seeded, { ...routingInputOf(pothole), confident: true });
  assert.ok(potholeDecision.kind !== 'routed' || potholeDecision.unitCode !== rule.target.unitCode);
});
