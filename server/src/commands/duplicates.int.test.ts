import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { describeEachEngine } from '../../test/fresh-db.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';

type Detail = {
  case: { id: string; status: string; trackingCode: string };
  duplicates: { caseId: string; trackingCode: string; score: number; reasons: { vi: string }[] }[];
  mergedInto: { id: string; trackingCode: string } | null;
  timeline: { kind: string; data: Record<string, unknown> }[];
};

describeEachEngine('duplicate reports', (db) => {
  let t: TestApp;
  let officer: Awaited<ReturnType<TestApp['login']>>;
  const submit = async (text: string, location?: { lat: number; lng: number }, contact?: Record<string, string>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text, unitCode: '26740', ...(location ? { location } : {}), ...(contact ? { contact } : {}) } });
    assert.equal(res.statusCode, 201, res.body);
    const code = (res.json() as { trackingCode: string }).trackingCode;
    const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [code]);
    return { id: row!.id, code };
  };
  const detail = async (id: string) => (await t.app.inject({ url: `/api/staff/cases/${id}`, headers: officer.headers })).json() as Detail;

  before(async () => {
    t = await buildTestApp(db(), { triage: true });
    officer = await t.login('canbo.saigon@gandan.local');
  });

  test('a second report of the same thing near the same place is proposed; merging sends the updates to both reporters', async () => {
    const first = await submit('Nắp cống trước số 12 Lê Lợi bị vỡ, rất nguy hiểm cho xe máy', { lat: 10.7745, lng: 106.7012 });
    const other = await submit('Cây xanh trước chợ Bến Thành cần cắt tỉa', { lat: 10.7725, lng: 106.698 });
    const second = await submit('Nắp cống ở Lê Lợi gần số 14 bị bể, xe máy dễ sụp bánh', { lat: 10.7746, lng: 106.7013 });
    const d = await detail(second.id);
    assert.deepEqual(d.duplicates.map((x) => x.trackingCode), [first.code], 'the nearby, similar report — not the unrelated one');
    assert.ok(d.duplicates[0]!.reasons.some((r) => /Cách nhau \d+ m/.test(r.vi)));
    assert.deepEqual((await detail(first.id)).duplicates.map((x) => x.trackingCode), [second.code], 'visible from both cases');
    assert.deepEqual((await detail(other.id)).duplicates, []);

    const merged = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${second.id}/merge`, headers: officer.headers, payload: { intoCaseId: first.id } });
    assert.equal(merged.statusCode, 204, merged.body);
    const after = await detail(second.id);
    assert.equal(after.case.status, 'closed');
    assert.equal(after.mergedInto?.trackingCode, first.code);
    assert.deepEqual((await detail(first.id)).duplicates, []);

    await t.app.inject({ method: 'POST', url: `/api/staff/cases/${first.id}/status`, headers: officer.headers, payload: { status: 'in_progress' } });
    const reply = 'Phường đã cho thay nắp cống mới, cảm ơn bà con đã báo.';
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/cases/${first.id}/replies`, headers: officer.headers, payload: { body: reply } })).statusCode, 201);
    await t.deliver();
    // The second reporter follows their own code: told of the merge, then the reply, with the shared status.
    const view = (await t.app.inject({ url: `/api/public/cases/${second.code}` })).json() as { status: string; mergedInto: string | null; replies: { body: string; kind: string }[] };
    assert.equal(view.mergedInto, first.code);
    assert.equal(view.status, 'in_progress');
    assert.deepEqual(view.replies.map((r) => r.kind), ['acknowledgement', 'notification', 'reply']);
    assert.equal(view.replies[2]!.body, reply);
    const firstView = (await t.app.inject({ url: `/api/public/cases/${first.code}` })).json() as { replies: { body: string }[] };
    assert.equal(firstView.replies.at(-1)?.body, reply);
  });

  test('dismissing a proposal removes it; merging into itself is refused', async () => {
    const a = await submit('Đèn đường trước số 5 Pasteur không sáng');
    const b = await submit('Đèn đường trước số 7 Pasteur không sáng mấy hôm nay');
    const d = await detail(b.id);
    assert.deepEqual(d.duplicates.map((x) => x.caseId), [a.id]);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/cases/${b.id}/duplicates/${a.id}/dismiss`, headers: officer.headers })).statusCode, 204);
    assert.deepEqual((await detail(b.id)).duplicates, []);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/cases/${b.id}/merge`, headers: officer.headers, payload: { intoCaseId: b.id } })).statusCode, 400);
  });
  test('an open report without a stored signature (written before migration 0150) is still compared by its text', async () => {
    const old = await submit('Cột đèn trước nhà văn hóa khu phố 3 bị nghiêng sắp đổ');
    await t.ctx.db.query('UPDATE cases SET description_trgm = NULL WHERE id = $1', [old.id]);
    const fresh = await submit('Cột đèn gần nhà văn hóa khu phố 3 bị nghiêng, sắp đổ rồi');
    const [row] = await t.ctx.db.query<{ signed: boolean }>('SELECT description_trgm IS NOT NULL AS signed FROM cases WHERE id = $1', [fresh.id]);
    assert.equal(row!.signed, true, 'a new case gets its signature at intake');
    assert.deepEqual((await detail(fresh.id)).duplicates.map((x) => x.trackingCode), [old.code]);
  });

  test('the stored trigram signature gives the same similarity as pg_trgm on real messages', async () => {
    // Corpus messages with and without diacritics, short and long: every pair compared both ways.
    const texts = readFileSync(new URL('../../../reference-data/triage/messages.jsonl', import.meta.url), 'utf8')
      .split('\n').filter(Boolean).slice(0, 40).map((l) => (JSON.parse(l) as { text: string }).text);
    texts.push('', '!!!', 'Đèn đường hỏng', 'den duong hong');
    const rows = await t.ctx.db.query<{ pairs: number; differ: number; close: number }>(
      `WITH t AS (SELECT f_unaccent(lower(x)) AS f, trgm_signature(f_unaccent(lower(x))) AS s FROM unnest($1::text[]) AS x)
       SELECT count(*)::int AS pairs,
              count(*) FILTER (WHERE abs(similarity(a.f, b.f) - coalesce(icount(a.s & b.s)::float4 / nullif(icount(a.s) + icount(b.s) - icount(a.s & b.s), 0), 0)) > 1e-6)::int AS differ,
              count(*) FILTER (WHERE similarity(a.f, b.f) >= 0.3)::int AS close
         FROM t a, t b`,
      [texts],
    );
    assert.equal(rows[0]!.pairs, texts.length ** 2);
    assert.equal(rows[0]!.differ, 0);
    assert.ok(rows[0]!.close > texts.length, 'some pairs besides each text with itself are similar');
  });
});
