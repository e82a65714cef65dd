import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { RoutingRuleList, RoutingTestResult, SettingsChange } from '../../../../../contracts/api.ts';
import { verifyAuditChain } from '../../../commands/verify-audit-chain.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';

type Session = Awaited<ReturnType<TestApp['login']>>;
const DRAIN = 'Cống trước số 20 Lý Tự Trọng, phường Bến Nghé quận 1 bị tắc, nước tràn lên vỉa hè';
const describe = (vi: string) => ({ vi, en: `${vi} (en)` });

describeEachEngine('routing rules edited by city administrators', (db) => {
  let t: TestApp;
  let admin: Session;
  let unitAdmin: Session;
  let officer: Session;
  const get = (s: Session, url: string) => t.app.inject({ url, headers: { cookie: s.cookie } });
  const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: unknown) =>
    t.app.inject({ method, url, headers: s.headers, payload: payload as object });
  const list = async (s: Session = admin) => (await get(s, '/api/staff/routing-rules')).json() as RoutingRuleList;
  const error = (r: { json(): unknown }) => (r.json() as { error: { code: string; details?: Record<string, unknown> } }).error;
  const submit = async (text: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text } });
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await t.ctx.db.query<{
      code: string;
      routing: { ruleId: string | null; explanation: { vi: string; en: string }[] };
    }>('SELECT u.code, c.routing FROM cases c JOIN units u ON u.id = c.unit_id WHERE c.tracking_code = $1', [
      (res.json() as { trackingCode: string }).trackingCode,
    ]);
    return row!;
  };
  const snapshot = async () =>
    JSON.stringify(
      await t.ctx.db.query(
        'SELECT id, priority, match, target_kind, target_unit_id, description, enabled FROM routing_rules ORDER BY id',
      ),
    );

  before(async () => {
    t = await buildTestApp(db(), { triage: true });
    admin = await t.login('admin@gandan.local');
    unitAdmin = await t.login('truongphong.saigon@gandan.local');
    officer = await t.login('canbo.saigon@gandan.local');
  });

  test('every staff member reads the rules; only a city administrator may edit; the shipped rules name only codes the first pass gives', async () => {
    const mine = await list(officer);
    assert.equal(mine.canEdit, false);
    assert.equal((await list(unitAdmin)).canEdit, false);
    const all = await list();
    assert.equal(all.canEdit, true);
    assert.deepEqual(
      all.rules.map((r) => r.priority),
      [10, 20, 30, 40, 90],
    );
    // The public-transport rule was once unreachable (no first-pass category xe_buyt); it is a routing category now.
    assert.deepEqual(all.rules.find((r) => r.match.categories?.includes('xe_buyt'))?.warnings, []);
    const rule = {
      version: all.version,
      match: { categories: ['ngap_nuoc'] },
      target: { kind: 'unit', unitCode: 'SXD' },
      description: describe('Ngập → Sở'),
    };
    const before = await snapshot();
    for (const s of [officer, unitAdmin]) {
      assert.equal(error(await send(s, 'POST', '/api/staff/routing-rules', rule)).code, 'FORBIDDEN');
      assert.equal(
        error(await send(s, 'PUT', `/api/staff/routing-rules/${all.rules[0]!.id}`, { ...rule, enabled: false })).code,
        'FORBIDDEN',
      );
      assert.equal(
        error(
          await send(s, 'PUT', '/api/staff/routing-rules/order', {
            version: all.version,
            ids: all.rules.map((r) => r.id).reverse(),
          }),
        ).code,
        'FORBIDDEN',
      );
    }
    assert.equal(await snapshot(), before);
    assert.equal((await t.app.inject({ url: '/api/staff/routing-rules' })).statusCode, 401);
  });

  test('a new rule routes the next case at once, with its words in the explanation; disabling it restores the old route; each change is audited', async () => {
    const tried = (await send(officer, 'POST', '/api/staff/routing-rules/test', { text: DRAIN })).json() as RoutingTestResult;
    assert.equal(tried.decision, 'routed');
    assert.equal(tried.unitCode, '26740');
    const category = tried.understood.category;
    assert.ok(category, 'the first pass understood a category');
    assert.equal((await submit(DRAIN)).code, '26740');

    const { version } = await list();
    const created = await send(admin, 'POST', '/api/staff/routing-rules', {
      version,
      priority: 25,
      match: { categories: [category] },
      target: { kind: 'unit', unitCode: 'SXD' },
      description: { vi: 'Thử nghiệm: lĩnh vực này → Sở Xây dựng', en: 'Trial: this category → Department of Construction' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const saved = created.json() as { version: number; rule: { id: string } };
    assert.equal(saved.version, version + 1);

    const routed = await submit(DRAIN);
    assert.equal(routed.code, 'SXD');
    assert.equal(routed.routing.ruleId, saved.rule.id);
    assert.ok(
      routed.routing.explanation.some((e) => e.vi === 'Quy tắc: Thử nghiệm: lĩnh vực này → Sở Xây dựng'),
      JSON.stringify(routed.routing.explanation),
    );
    const retried = (await send(admin, 'POST', '/api/staff/routing-rules/test', { text: DRAIN })).json() as RoutingTestResult;
    assert.deepEqual([retried.unitCode, retried.ruleId], ['SXD', saved.rule.id]);

    const off = await send(admin, 'PUT', `/api/staff/routing-rules/${saved.rule.id}`, {
      version: saved.version,
      priority: 25,
      match: { categories: [category] },
      target: { kind: 'unit', unitCode: 'SXD' },
      description: { vi: 'Thử nghiệm: lĩnh vực này → Sở Xây dựng', en: 'Trial: this category → Department of Construction' },
      enabled: false,
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal((await submit(DRAIN)).code, '26740');

    const history = (await get(admin, '/api/staff/settings/history?area=routing')).json() as SettingsChange[];
    assert.deepEqual(
      history.slice(0, 2).map((h) => [h.action, h.actorName]),
      [
        ['routing_rule.updated', 'Quản trị Thành phố'],
        ['routing_rule.created', 'Quản trị Thành phố'],
      ],
    );
    assert.deepEqual((history[0]!.payload.before as { enabled: boolean }).enabled, true);
    assert.deepEqual((history[0]!.payload.after as { enabled: boolean }).enabled, false);
    assert.equal((await verifyAuditChain(t.ctx)).firstBreak, null);
  });

  test('bad input gets a stable code and changes nothing', async () => {
    const { version, rules } = await list();
    const valid = {
      version,
      match: { types: ['phan_anh'], urgent: true },
      target: { kind: 'unit', unitCode: 'CATP' },
      description: describe('Khẩn cấp → Công an'),
    };
    const before = await snapshot();
    const cases: [unknown, string, Record<string, unknown>?][] = [
      [{ ...valid, match: { categories: ['xe_lua', 'an_ninh'] } }, 'ROUTING_CATEGORY_UNKNOWN', { values: ['xe_lua'] }],
      [{ ...valid, match: { procedures: ['visa'] } }, 'ROUTING_PROCEDURE_UNKNOWN', { values: ['visa'] }],
      [{ ...valid, target: { kind: 'unit', unitCode: '99999' } }, 'UNIT_NOT_FOUND'],
      [{ ...valid, target: { kind: 'place' }, fallbackUnitCode: 'NOPE' }, 'UNIT_NOT_FOUND'],
      [{ ...valid, fallbackUnitCode: 'TTTP' }, 'VALIDATION_FAILED'],
      [{ ...valid, match: { categories: ['an_ninh'] } }, 'ROUTING_RULE_DUPLICATE', { reason: 'same_conditions' }],
      [{ ...valid, priority: 20 }, 'ROUTING_RULE_DUPLICATE', { reason: 'same_priority' }],
      [{ ...valid, version: version - 1 }, 'SETTINGS_CHANGED'],
      [{ ...valid, match: { types: ['khieu_nai'] } }, 'VALIDATION_FAILED'],
      [{ ...valid, description: { vi: '', en: 'x' } }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, code, details] of cases) {
      const res = await send(admin, 'POST', '/api/staff/routing-rules', payload);
      assert.equal(error(res).code, code, `${JSON.stringify(payload)} → ${res.body}`);
      for (const [k, v] of Object.entries(details ?? {})) assert.deepEqual(error(res).details?.[k], v);
    }
    assert.equal(
      error(await send(admin, 'PUT', '/api/staff/routing-rules/00000000-0000-4000-8000-000000000000', valid)).code,
      'ROUTING_RULE_NOT_FOUND',
    );
    assert.equal(
      error(await send(admin, 'PUT', '/api/staff/routing-rules/order', { version, ids: rules.slice(1).map((r) => r.id) })).code,
      'VALIDATION_FAILED',
    );
    assert.equal(await snapshot(), before);
    assert.equal((await list()).version, version, 'a refused change does not move the version');
  });

  test('reordering puts a rule first: the ward-of-the-place rule before the police one sends security reports to the ward', async () => {
    const THEFT = 'Tối qua có nhóm thanh niên đánh nhau, cướp giật điện thoại trước chợ Bến Thành, phường Bến Thành quận 1';
    const tryIt = async () =>
      (await send(admin, 'POST', '/api/staff/routing-rules/test', { text: THEFT })).json() as RoutingTestResult;
    const first = await tryIt();
    assert.deepEqual([first.understood.category, first.unitCode], ['an_ninh', 'CATP'], JSON.stringify(first));
    const { version, rules } = await list();
    const police = rules.find((r) => r.target.kind === 'unit' && r.target.unitCode === 'CATP')!;
    const order = [...rules.filter((r) => r.id !== police.id).map((r) => r.id), police.id];
    const res = await send(admin, 'PUT', '/api/staff/routing-rules/order', { version, ids: order });
    assert.equal(res.statusCode, 200, res.body);
    const after = await list();
    assert.deepEqual(
      after.rules.map((r) => r.id),
      order,
    );
    assert.equal(after.rules.at(-1)?.priority, order.length * 10);
    assert.equal(
      error(await send(admin, 'PUT', '/api/staff/routing-rules/order', { version, ids: order })).code,
      'SETTINGS_CHANGED',
    );
    const history = (await get(admin, '/api/staff/settings/history?area=routing')).json() as SettingsChange[];
    assert.equal(history[0]?.action, 'routing_rule.reordered');
    assert.equal((await tryIt()).unitCode, first.understood.place.unitCode);
    assert.ok(first.understood.place.unitCode);
  });
});
