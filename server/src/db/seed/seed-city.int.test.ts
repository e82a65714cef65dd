import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../../../test/fresh-db.ts';
import type { Queryable } from '../client.ts';
import { planCityGeography } from './city-geography.ts';
import { seedCity, type SeedCityResult } from './seed-city.ts';

type Step = { step: number; gso_code: string; full_name: string; valid_from: string; share: string | null };

/** Follows successions forward from one area, breadth-first: the chain documented in docs/domain. */
async function chainFrom(q: Queryable, level: string, code: string, validFrom: string): Promise<Step[]> {
  return q.query<Step>(
    `WITH RECURSIVE chain AS (
       SELECT a.id, 0 AS step, NULL::text AS share FROM admin_areas a
       WHERE a.level = $1 AND a.gso_code = $2 AND a.valid_from = $3::date
       UNION ALL
       SELECT s.to_area_id, c.step + 1, s.share FROM chain c JOIN admin_area_successions s ON s.from_area_id = c.id
     )
     SELECT c.step, a.gso_code, a.full_name, a.valid_from::text AS valid_from, c.share
     FROM chain c JOIN admin_areas a ON a.id = c.id ORDER BY c.step, a.gso_code`,
    [level, code, validFrom],
  );
}

void test('every succession row of the reference data maps to admin areas of the right periods', () => {
  const { areas, successions, unmapped } = planCityGeography();
  assert.equal(unmapped.length, 0, JSON.stringify(unmapped));
  // 4 province rows (old 79, 74, 77, new 79); 22+312 (2021–2024); 22+273, 9+91, 7+77 (to 2025-06); 168 (2025-07).
  assert.equal(areas.length, 4 + 334 + 295 + 100 + 84 + 168);
  // 315 pairs for 2025-01 (three wards split in two); 492 from hcmc-old-to-new-2025.json + Côn Đảo; 3 provinces.
  assert.equal(successions.length, 315 + 493 + 3);
});

let firstRun: SeedCityResult | undefined;
let seedMs = 0;

describeEachEngine(
  'seedCity',
  (ctx) => {
    void test('creates the unit tree, the areas and the successions, and reports them', (t) => {
      t.diagnostic(`seeding took ${seedMs.toFixed(0)} ms on ${ctx().engine}`);
      assert.deepEqual(firstRun, { unitsCreated: 186, areasCreated: 985, successionsCreated: 811 });
    });

    void test('the city is the root, with 17 departments and 168 wards (113 phường, 54 xã, 1 đặc khu)', async () => {
      const { db } = ctx();
      const [city] = await db.query<Record<string, unknown>>(
        "SELECT code, kind, name, full_name, name_en, path, parent_id, gso_code, gso_valid_from::text AS valid_from FROM units WHERE kind = 'city'",
      );
      assert.deepEqual(city, {
        code: '79',
        kind: 'city',
        name: 'Hồ Chí Minh',
        full_name: 'Thành phố Hồ Chí Minh',
        name_en: 'Ho Chi Minh City',
        path: '79',
        parent_id: null,
        gso_code: '79',
        valid_from: '2025-07-01',
      });
      const kinds = await db.query<{ kind: string; n: number }>(
        'SELECT kind, count(*)::int AS n FROM units GROUP BY kind ORDER BY kind',
      );
      assert.deepEqual(kinds, [
        { kind: 'city', n: 1 },
        { kind: 'commune', n: 54 },
        { kind: 'department', n: 17 },
        { kind: 'special_zone', n: 1 },
        { kind: 'ward', n: 113 },
      ]);
      const orphans = await db.query(
        "SELECT u.code FROM units u JOIN units c ON c.code = '79' WHERE u.kind <> 'city' AND (u.parent_id IS DISTINCT FROM c.id OR u.path <> '79/' || u.code)",
      );
      assert.deepEqual(orphans, []);
      const [ward] = await db.query<Record<string, unknown>>(
        "SELECT kind, full_name, name_en, gso_code, gso_valid_from::text AS valid_from, area_km2 FROM units WHERE code = '25747'",
      );
      assert.deepEqual(ward, {
        kind: 'ward',
        full_name: 'Phường Thủ Dầu Một',
        name_en: 'Thu Dau Mot',
        gso_code: '25747',
        valid_from: '2025-07-01',
        area_km2: 15.68,
      });
      const [dept] = await db.query<Record<string, unknown>>("SELECT kind, path, gso_code FROM units WHERE code = 'STP'");
      assert.deepEqual(dept, { kind: 'department', path: '79/STP', gso_code: null });
    });

    void test('a second run creates nothing and changes nothing', async () => {
      const { db } = ctx();
      const count = async () =>
        db.query(
          'SELECT (SELECT count(*) FROM units) AS u, (SELECT count(*) FROM admin_areas) AS a, (SELECT count(*) FROM admin_area_successions) AS s',
        );
      const before = await count();
      assert.deepEqual(await seedCity(db), { unitsCreated: 0, areasCreated: 0, successionsCreated: 0 });
      assert.deepEqual(await count(), before);
    });

    void test('a reused GSO code is told apart by its validity period (25747)', async () => {
      const rows = await ctx().db.query(
        "SELECT full_name, province_code, district_name, valid_from::text AS valid_from, valid_to::text AS valid_to FROM admin_areas WHERE gso_code = '25747' ORDER BY valid_from",
      );
      assert.deepEqual(rows, [
        {
          full_name: 'Phường Phú Cường',
          province_code: '74',
          district_name: 'Thành phố Thủ Dầu Một',
          valid_from: '2025-03-01',
          valid_to: '2025-06-30',
        },
        { full_name: 'Phường Thủ Dầu Một', province_code: '79', district_name: null, valid_from: '2025-07-01', valid_to: null },
      ]);
    });

    void test('an area is found by code and date', async () => {
      const asOf = (on: string) =>
        ctx().db.query<{ full_name: string }>(
          "SELECT full_name FROM admin_areas WHERE level = 'ward' AND gso_code = '26872' AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)",
          [on],
        );
      assert.deepEqual(await asOf('2024-06-01'), [{ full_name: 'Phường 13' }]);
      assert.deepEqual(await asOf('2025-02-01'), [{ full_name: 'Phường 15' }]);
      assert.deepEqual(await asOf('2025-08-01'), []);
    });

    void test('Phường Linh Trung (Thủ Đức) of 2021–2024 resolves to Phường Linh Xuân of 2025-07', async () => {
      const chain = await chainFrom(ctx().db, 'ward', '26800', '2021-01-01');
      assert.deepEqual(
        chain.map((s) => [s.step, s.gso_code, s.full_name, s.valid_from, s.share]),
        [
          [0, '26800', 'Phường Linh Trung', '2021-01-01', null],
          [1, '26800', 'Phường Linh Trung', '2025-01-01', 'full'],
          [2, '26800', 'Phường Linh Xuân', '2025-07-01', 'full'],
        ],
      );
    });

    void test('a ward merged in 2025-01 follows its new code: Phường 15 (Gò Vấp, 26869) → 26872 → Phường An Hội Đông', async () => {
      const chain = await chainFrom(ctx().db, 'ward', '26869', '2021-01-01');
      assert.deepEqual(
        chain.map((s) => [s.gso_code, s.full_name, s.valid_from]),
        [
          ['26869', 'Phường 15', '2021-01-01'],
          ['26872', 'Phường 15', '2025-01-01'],
          ['26878', 'Phường An Hội Đông', '2025-07-01'],
        ],
      );
      const [succession] = await ctx().db.query<Record<string, unknown>>(
        `SELECT s.effective_on::text AS effective_on, s.legal_basis FROM admin_area_successions s
         JOIN admin_areas f ON f.id = s.from_area_id WHERE f.gso_code = '26869'`,
      );
      assert.deepEqual(succession, {
        effective_on: '2025-01-01',
        legal_basis: 'Nghị quyết 1278/NQ-UBTVQH15 Điều 1 khoản 9 điểm d',
      });
    });

    void test('a split ward has several partial successors (Phường Sơn Kỳ, Tân Phú → three wards)', async () => {
      const chain = await chainFrom(ctx().db, 'ward', '27016', '2025-01-01');
      assert.deepEqual(
        chain.filter((s) => s.step === 1).map((s) => [s.gso_code, s.full_name, s.share]),
        [
          ['27013', 'Phường Tây Thạnh', 'partial'],
          ['27019', 'Phường Tân Sơn Nhì', 'partial'],
          ['27439', 'Phường Bình Hưng Hoà', 'partial'], // sic: old-style tone mark, as in hcmc-2025.json
        ],
      );
      const [{ n } = { n: -1 }] = await ctx().db.query<{ n: number }>(
        `SELECT count(DISTINCT from_area_id)::int AS n FROM admin_area_successions
         WHERE effective_on = '2025-07-01' AND share = 'partial'`,
      );
      assert.equal(n, 47);
    });

    void test('the old Côn Đảo district, which had no wards, becomes Đặc khu Côn Đảo whole', async () => {
      const chain = await chainFrom(ctx().db, 'district', '755', '2025-03-01');
      assert.deepEqual(
        chain.map((s) => [s.gso_code, s.full_name, s.share]),
        [
          ['755', 'Huyện Côn Đảo', null],
          ['26732', 'Đặc khu Côn Đảo', 'full'],
        ],
      );
    });

    void test('the three provinces merged into the new city, Bình Dương and Bà Rịa - Vũng Tàu with their snapshot dates', async () => {
      const rows = await ctx().db.query(
        `SELECT f.gso_code, f.full_name, f.valid_from::text AS valid_from, f.valid_to::text AS valid_to, t.valid_from::text AS to_from
         FROM admin_area_successions s JOIN admin_areas f ON f.id = s.from_area_id JOIN admin_areas t ON t.id = s.to_area_id
         WHERE f.level = 'province' ORDER BY f.gso_code`,
      );
      assert.deepEqual(rows, [
        { gso_code: '74', full_name: 'Tỉnh Bình Dương', valid_from: '2025-03-01', valid_to: '2025-06-30', to_from: '2025-07-01' },
        {
          gso_code: '77',
          full_name: 'Tỉnh Bà Rịa - Vũng Tàu',
          valid_from: '2025-03-01',
          valid_to: '2025-06-30',
          to_from: '2025-07-01',
        },
        {
          gso_code: '79',
          full_name: 'Thành phố Hồ Chí Minh',
          valid_from: '2021-01-01',
          valid_to: '2025-06-30',
          to_from: '2025-07-01',
        },
      ]);
    });
  },
  async ({ db }) => {
    const started = performance.now();
    firstRun = await seedCity(db);
    seedMs = performance.now() - started;
  },
);
