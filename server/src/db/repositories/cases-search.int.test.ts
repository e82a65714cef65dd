import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.ts';
import { describeEachEngine } from '../../../test/fresh-db.ts';
import { listCases, type CaseListFilter } from './cases.repo.ts';

// A unit's search reads its newest cases first and falls back to the trigram index; whichever answers, the page
// must be the one the plain query gives. Small windows make both paths run on a small table.
describeEachEngine('listCases search: the window over the unit’s cases and the trigram index agree', (db) => {
  let t: TestApp;
  let unitId: string;
  before(async () => {
    t = await buildTestApp(db());
    const texts = ['Karaoke ồn ào cả đêm ở hẻm 12', ...Array.from({ length: 9 }, (_, i) => (i % 3 === 0 ? `Đèn đường hỏng số ${i}` : `Rác thải tồn đọng số ${i}`))];
    for (const text of texts) {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text, unitCode: '26740' } });
      assert.equal(r.statusCode, 201);
    }
    [{ id: unitId }] = (await t.ctx.db.query<{ id: string }>("SELECT id FROM units WHERE code = '26740'")) as [{ id: string }];
  });

  test('every window size gives the plain query’s page, for common and rare words, both sorts, with a cursor', async () => {
    const base: CaseListFilter = { scopePath: '79/26740', unitId, limit: 2 };
    for (const search of ['rac thai', 'den duong', 'karaoke', 'khong co dau', 'GD-']) {
      for (const sort of ['newest', 'due'] as const) {
        const plain = await listCases(t.ctx.db, { ...base, search, sort, searchWindow: 0 });
        for (const searchWindow of [1, 2, 3, 5, 1000]) {
          const got = await listCases(t.ctx.db, { ...base, search, sort, searchWindow });
          assert.deepEqual(got.map((c) => c.id), plain.map((c) => c.id), `${search} ${sort} window ${searchWindow}`);
        }
      }
    }
    const all = await listCases(t.ctx.db, { ...base, search: 'rac thai', limit: 10, searchWindow: 0 });
    assert.equal(all.length, 6);
    const next = await listCases(t.ctx.db, { ...base, search: 'rac thai', searchWindow: 2, before: { createdAt: all[1]!.createdAt, id: all[1]!.id } });
    assert.deepEqual(next.map((c) => c.id), all.slice(2, 4).map((c) => c.id));
  });
});
