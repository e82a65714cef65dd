import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactHouseNumbers } from '../open311/public-text.ts';
import { blurCoordinate, compactRing, parseBbox } from './map-geometry.ts';
import { publicProblemText } from './public-problem-text.ts';
import { rankUnits } from './unit-stats.ts';

test('house numbers go, street names stay', () => {
  const cases: [string, string][] = [
    ['Trước nhà số 12 đường Lê Lợi', 'Trước [số nhà] đường Lê Lợi'],
    ['số 12A Pasteur', '[số nhà] Pasteur'],
    ['ngập ở 12/3 Nguyễn Trãi', 'ngập ở [số nhà] Nguyễn Trãi'],
    ['hẻm 45 Nguyễn Trãi tối', 'hẻm [số nhà] Nguyễn Trãi tối'],
    ['Kiệt 7 Lê Duẩn', 'Kiệt [số nhà] Lê Duẩn'],
    ['45 đường số 7 bị lún', '[số nhà] đường số 7 bị lún'],
    ['đã 3 ngày, 2 lần báo', 'đã 3 ngày, 2 lần báo'],
  ];
  for (const [input, expected] of cases) assert.equal(redactHouseNumbers(input), expected, input);
});

test('publicProblemText removes the known contact, self-introductions and redacts PII', () => {
  const text = publicProblemText('Tôi là Nguyễn Văn An, gọi chị Mai 0912.345.678 hoặc mai@x.vn. Ổ gà số 5 Lê Lợi', { name: 'Chị Mai', phone: '0912345678', email: 'mai@x.vn' });
  assert.equal(text, 'Tôi là [tên], gọi [tên] [SĐT] hoặc [email]. Ổ gà [số nhà] Lê Lợi');
  assert.ok(publicProblemText('x'.repeat(400)).length <= 280);
});

test('map geometry: bbox parsing, ~50 m blur, ring compaction', () => {
  assert.deepEqual(parseBbox('106.6,10.7,106.8,10.9'), { minLng: 106.6, minLat: 10.7, maxLng: 106.8, maxLat: 10.9 });
  assert.equal(parseBbox('106.8,10.7,106.6,10.9'), undefined);
  assert.equal(parseBbox('1,2,3'), undefined);
  assert.equal(blurCoordinate(10.77453), 10.7745);
  assert.equal(blurCoordinate(106.70118), 106.701);
  const ring = [[0, 0], [0.5, 0.00001], [1, 0], [1, 1], [0, 1], [0, 0]];
  assert.deepEqual(compactRing(ring, 0.001, 4), [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  assert.equal(compactRing([[0, 0], [1e-6, 0], [0, 0]], 0.001, 4), undefined);
});

test('ranking: on-time rate, then median resolution; too few cases unranked', () => {
  const row = (unitCode: string, cases: number, onTime: number, closed: number, pastDue: number, median: number | null) =>
    ({ unitCode, unitName: unitCode, cases, medianFirstResponseHours: 1, medianResolutionHours: median, closedOnTime: onTime, closedWithDue: closed, openPastDue: pastDue });
  const ranked = rankUnits([row('A', 10, 8, 10, 0, 30), row('B', 10, 8, 9, 1, 20), row('C', 3, 3, 3, 0, 1), row('D', 6, 0, 0, 0, null), row('E', 10, 10, 10, 0, 50)]);
  assert.deepEqual(ranked.map((r) => [r.unitCode, r.rank, r.onTimeRate]), [['E', 1, 1], ['B', 2, 0.8], ['A', 3, 0.8], ['D', 4, null], ['C', null, 1]]);
});
