import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ProcedureDetailSchema, ProcedureListSchema } from '../../../../../contracts/api.ts';
import { seedProcedures } from '../../../db/seed/seed-procedures.ts';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../../test/fresh-db.ts';

// What citizens type → the procedure that must come first. Without diacritics, with typos, with everyday words.
const FIRST_RESULT: [query: string, code: string][] = [
  ['sao y bang dai hoc', '2.000815'],
  ['sao y', '2.000815'],
  ['photo công chứng học bạ', '2.000815'],
  ['chứng thực bản sao', '2.000815'],
  ['khai sinh', '1.001193'],
  ['làm giấy khai sinh cho con', '1.001193'],
  ['dang ky ket hon', '1.000894'],
  ['dang ki ket hom', '1.000894'],
  ['ĐĂNG KÝ KẾT HÔN', '1.000894'],
  ['lay vo', '1.000894'],
  ['khai tu', '1.000656'],
  ['bao tu', '1.000656'],
  ['ho khau', '1.004222'],
  ['tam tru', '1.004194'],
  ['giay doc than', '1.004873'],
  ['xac nhan tinh trang hon nhan', '1.004873'],
  ['chung thuc chu ky', '2.000884'],
  ['di chuc', '2.001019'],
  ['sua ten', '1.004859'],
  ['mo quan an', '1.001612'],
  ['ho kinh doanh', '1.001612'],
  ['tro cap nguoi gia', '1.014027'],
  ['trich luc', '2.000635'],
  ['1.001193', '1.001193'],
];

describeEachEngine('procedure look-up', (fresh) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(fresh());
  });

  const search = async (q: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/procedures?q=${encodeURIComponent(q)}` });
    assert.equal(res.statusCode, 200, res.body);
    return ProcedureListSchema.parse(res.json());
  };

  for (const [query, code] of FIRST_RESULT) {
    void test(`"${query}" finds ${code} first`, async () => {
      const results = await search(query);
      assert.equal(results[0]?.code, code, `got ${results.slice(0, 3).map((r) => `${r.code} ${r.shortName}`).join(' | ')}`);
    });
  }

  void test('nonsense finds nothing; an empty query lists the catalogue, described procedures first', async () => {
    assert.deepEqual(await search('xyzzy qwerty'), []);
    const all = await search('');
    assert.ok(all.length >= 40);
    assert.equal(all[0]?.hasDetails, true);
    assert.equal(all.at(-1)?.hasDetails, false);
  });

  void test('detail: documents, fees, time, legal basis, where to go, and the facts still to check', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/procedures/2.000884' });
    assert.equal(res.statusCode, 200);
    const p = ProcedureDetailSchema.parse(res.json());
    assert.equal(p.shortName, 'Chứng thực chữ ký');
    assert.ok(p.documents.length > 0 && p.fees.length > 0 && p.legalBasis.length > 0);
    assert.match(p.agency ?? '', /UBND/u);
    // confidence: processing_time verified, fees and documents from the legal text only.
    assert.deepEqual(p.needsCheck, { processingTime: false, fees: true, documents: true, legalBasis: true });
    const verified = ProcedureDetailSchema.parse((await t.app.inject({ method: 'GET', url: '/api/public/procedures/2.000815' })).json());
    assert.deepEqual(verified.needsCheck, { processingTime: false, fees: false, documents: false, legalBasis: true });
  });

  void test('an unknown code answers 404 NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/procedures/9.999999' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });

  void test('seeding again changes nothing (idempotent upsert)', async () => {
    const before = await search('');
    await seedProcedures(fresh().db);
    assert.deepEqual(await search(''), before);
  });
});
