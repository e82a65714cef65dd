import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../../../test/fresh-db.ts';
import { seedCity } from '../seed/seed-city.ts';
import { findUnitByCode, findUnitById, getUnitByCode, isUnitInSubtree, listUnits, listUnitsInSubtree } from './units.repo.ts';

describeEachEngine(
  'units.repo',
  (ctx) => {
    void test('listUnits: the city, then departments by name, then wards by Vietnamese name order', async () => {
      const units = await listUnits(ctx().db);
      assert.equal(units.length, 186);
      assert.equal(units[0]?.code, '79');
      assert.deepEqual(
        units.slice(1, 18).map((u) => u.kind),
        Array(17).fill('department'),
      );
      assert.deepEqual(
        units.slice(1, 4).map((u) => u.name),
        ['Công an Thành phố', 'Sở An toàn thực phẩm', 'Sở Công Thương'],
      );
      const wards = units.slice(18);
      assert.ok(wards.every((u) => u.kind === 'ward' || u.kind === 'commune' || u.kind === 'special_zone'));
      // Vietnamese order puts Đ after every D… name, which a byte or English sort would not.
      const names = wards.map((u) => u.name);
      const lastD = names.findLastIndex((n) => n.startsWith('D'));
      const firstĐ = names.findIndex((n) => n.startsWith('Đ'));
      assert.ok(lastD >= 0 && firstĐ > lastD, `${names[lastD]} should come before ${names[firstĐ]}`);
      assert.equal(names[0], 'An Đông');
    });

    void test('findUnitByCode maps the row to camelCase with the parent code', async () => {
      const city = await getUnitByCode(ctx().db, '79');
      const ward = await findUnitByCode(ctx().db, '26800');
      assert.deepEqual(ward, {
        id: ward?.id,
        code: '26800',
        kind: 'ward',
        name: 'Linh Xuân',
        fullName: 'Phường Linh Xuân',
        nameEn: 'Linh Xuan',
        parentId: city.id,
        parentCode: '79',
        path: '79/26800',
      });
      assert.equal(city.parentId, null);
      assert.equal(city.parentCode, null);
      assert.equal(await findUnitByCode(ctx().db, 'nope'), undefined);
    });

    void test('getUnitByCode throws when the code is unknown', async () => {
      await assert.rejects(getUnitByCode(ctx().db, 'nope'), /unit nope not found/);
    });

    void test('findUnitById finds by id and returns undefined for unknown or malformed ids', async () => {
      const dept = await getUnitByCode(ctx().db, 'SYT');
      assert.deepEqual(await findUnitById(ctx().db, dept.id), dept);
      assert.equal(await findUnitById(ctx().db, '00000000-0000-4000-8000-000000000000'), undefined);
      assert.equal(await findUnitById(ctx().db, 'not-a-uuid'), undefined);
    });

    void test('isUnitInSubtree: a unit is in its own subtree and in its ancestors', async () => {
      const { db } = ctx();
      const [city, ward, dept] = await Promise.all(['79', '26737', 'SXD'].map((c) => getUnitByCode(db, c)));
      assert.ok(city && ward && dept);
      assert.equal(await isUnitInSubtree(db, ward.id, city.id), true);
      assert.equal(await isUnitInSubtree(db, ward.id, ward.id), true);
      assert.equal(await isUnitInSubtree(db, city.id, city.id), true);
      assert.equal(await isUnitInSubtree(db, city.id, ward.id), false);
      assert.equal(await isUnitInSubtree(db, ward.id, dept.id), false);
      assert.equal(await isUnitInSubtree(db, ward.id, 'not-a-uuid'), false);
    });

    void test('a code that is a prefix of another code does not make a subtree', async () => {
      const { db } = ctx();
      const city = await getUnitByCode(db, '79');
      // A made-up sibling '2673' whose path '79/2673' is a string prefix of Phường Tân Định's '79/26737'.
      await db.query(
        "INSERT INTO units (code, kind, name, full_name, parent_id, path) VALUES ('2673', 'ward', 'Thử', 'Phường Thử', $1, '79/2673')",
        [city.id],
      );
      const [sibling, ward] = await Promise.all(['2673', '26737'].map((c) => getUnitByCode(db, c)));
      assert.ok(sibling && ward);
      assert.equal(await isUnitInSubtree(db, ward.id, sibling.id), false);
      assert.deepEqual(
        (await listUnitsInSubtree(db, sibling.id)).map((u) => u.code),
        ['2673'],
      );
      await db.query("DELETE FROM units WHERE code = '2673'");
    });

    void test('listUnitsInSubtree: the whole tree under the city, only itself under a ward', async () => {
      const { db } = ctx();
      const city = await getUnitByCode(db, '79');
      const ward = await getUnitByCode(db, '25747');
      assert.deepEqual(await listUnitsInSubtree(db, city.id), await listUnits(db));
      assert.deepEqual(await listUnitsInSubtree(db, ward.id), [ward]);
      assert.deepEqual(await listUnitsInSubtree(db, '00000000-0000-4000-8000-000000000000'), []);
    });
  },
  async ({ db }) => {
    await seedCity(db);
  },
);
