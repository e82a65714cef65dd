import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routeCase, type RoutingInput, type RoutingRule } from './route-case.ts';

const RULES: RoutingRule[] = [
  { id: 'legal', priority: 10, match: { legalTracks: ['khieu_nai', 'to_cao'] }, target: { kind: 'place' }, fallbackUnitCode: 'TTTP', description: { vi: 'khiếu nại', en: 'complaints' } },
  { id: 'police', priority: 20, match: { categories: ['an_ninh'] }, target: { kind: 'unit', unitCode: 'CATP' }, description: { vi: 'an ninh', en: 'security' } },
  { id: 'procedures', priority: 40, match: { types: ['thu_tuc', 'hoi_dap'] }, target: { kind: 'place' }, description: { vi: 'thủ tục', en: 'procedures' } },
  { id: 'default', priority: 90, match: {}, target: { kind: 'place' }, description: { vi: 'tại chỗ', en: 'local' } },
];
const base: RoutingInput = { type: 'phan_anh', category: 'mat_duong', procedure: null, urgent: false, legalTrack: null, placeUnitCode: '26800', confident: true };

test('routing table', () => {
  const table: [string, Partial<RoutingInput>, string][] = [
    ['a road report goes to the ward where it is', {}, 'routed:26800:default'],
    ['security goes to the police wherever it is', { category: 'an_ninh' }, 'routed:CATP:police'],
    ['a procedure goes to the ward the citizen names', { type: 'thu_tuc', category: null, procedure: 'khai_sinh' }, 'routed:26800:procedures'],
    ['no place: a local report waits for a person', { placeUnitCode: null }, 'triage'],
    ['a formal complaint without a place goes to the inspectorate', { legalTrack: 'khieu_nai', placeUnitCode: null, type: 'phan_anh' }, 'routed:TTTP:legal'],
    ['a formal complaint is routed even when the rest is unsure', { legalTrack: 'to_cao', confident: false }, 'routed:26800:legal'],
    ['an unsure first pass waits for a person', { confident: false }, 'triage'],
  ];
  for (const [name, change, expected] of table) {
    const d = routeCase(RULES, { ...base, ...change });
    assert.equal(d.kind === 'routed' ? `routed:${d.unitCode}:${d.ruleId}` : 'triage', expected, name);
    assert.ok(d.explanation.length > 0 && d.explanation.every((e) => e.vi && e.en), name);
  }
});

test('priority, not list order, decides', () => {
  const reversed = [...RULES].reverse();
  const d = routeCase(reversed, { ...base, category: 'an_ninh' });
  assert.equal(d.kind === 'routed' && d.unitCode, 'CATP');
});
