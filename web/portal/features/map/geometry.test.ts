import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findWardAt, project, tilesFor, unproject, wardPath, zoomBox, type WardCollection } from './geometry.ts';

const square = (code: string, x0: number, y0: number, size: number, hole = false): WardCollection['features'][number] => ({
  properties: { code, name: `Phường ${code}`, nameEn: null },
  geometry: {
    type: 'MultiPolygon',
    coordinates: [[
      [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]],
      ...(hole ? [[[x0 + size / 4, y0 + size / 4], [x0 + (3 * size) / 4, y0 + size / 4], [x0 + (3 * size) / 4, y0 + (3 * size) / 4], [x0 + size / 4, y0 + (3 * size) / 4], [x0 + size / 4, y0 + size / 4]]] : []),
    ]],
  },
});
const wards: WardCollection = { features: [square('A', 106.6, 10.7, 0.1, true), square('B', 106.7, 10.7, 0.1)] };

test('project and unproject are inverse (Web Mercator)', () => {
  const [x, y] = project(106.7012, 10.7745);
  const back = unproject(x, y);
  assert.ok(Math.abs(back.lat - 10.7745) < 1e-9 && Math.abs(back.lng - 106.7012) < 1e-9);
  assert.deepEqual(project(0, 0), [50_000, 50_000]);
});

test('findWardAt: inside, in a hole, in another ward, outside', () => {
  assert.equal(findWardAt(wards, { lat: 10.71, lng: 106.61 })?.properties.code, 'A');
  assert.equal(findWardAt(wards, { lat: 10.75, lng: 106.65 }), undefined, 'the hole is not ward A');
  assert.equal(findWardAt(wards, { lat: 10.75, lng: 106.75 })?.properties.code, 'B');
  assert.equal(findWardAt(wards, { lat: 21.0, lng: 105.8 }), undefined);
});

test('wardPath: one subpath per ring, closed', () => {
  const d = wardPath(wards.features[0]!);
  assert.equal(d.match(/M/gu)?.length, 2);
  assert.equal(d.match(/Z/gu)?.length, 2);
});

test('zoomBox keeps the focus point fixed and respects limits', () => {
  const box = { x: 0, y: 0, w: 100, h: 50 };
  assert.deepEqual(zoomBox(box, 0.5, 50, 25, { minW: 1, maxW: 1000 }), { x: 25, y: 12.5, w: 50, h: 25 });
  assert.equal(zoomBox(box, 0.001, 0, 0, { minW: 10, maxW: 1000 }).w, 10);
});

test('tilesFor picks the zoom with ~256 px tiles and covers the box', () => {
  const [x, y] = project(106.7, 10.78);
  const box = { x: x - 20, y: y - 20, w: 40, h: 40 };
  const tiles = tilesFor(box, 400);
  assert.ok(tiles.length > 0 && tiles.length <= 36);
  assert.equal(tiles[0]!.z, Math.round(Math.log2((100_000 * 10) / 256)));
});
