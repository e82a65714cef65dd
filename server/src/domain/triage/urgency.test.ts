import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cueCounts } from './cue-lexicons.ts';
import { vectorize } from './features.ts';
import { analyzeText } from './normalize.ts';
import { urgencyCues, urgencyRule } from './urgency.ts';

const urgent = (text: string) => urgencyRule(urgencyCues(analyzeText(text)));

void test('urgency rule: acute events, or hazards happening now', () => {
  for (const text of [
    'Xe khách lật trên cầu, nhiều người bị thương',
    'Dây điện trước nhà đang tóe lửa',
    'cot dien dang nghieng dan ra giua duong, nguy hiem lam',
    'Nước đã tràn vào nhà, ông bà tôi không tự đi được',
    'There is a fire in the market, please send help',
    'co nguoi bi dien giat o tru dien dau hem 12',
    'Một bé trai bị rơi xuống hố ga chưa có nắp',
    // Calling several times is not a habitual hazard.
    'Cháy nhà ở hẻm 5, gọi 114 mấy lần không ai bắt máy',
  ])
    assert.equal(urgent(text), true, text);
});

void test('urgency rule: habitual, risk-only, past or static hazards are not urgent', () => {
  for (const text of [
    'Đêm nào cũng có người đánh nhau ở quán nhậu đầu hẻm',
    'Đoạn đường này rất dễ gây tai nạn',
    'Cột điện trong hẻm bị nghiêng',
    'Tối qua có trộm vào nhà hàng xóm',
    'Đề nghị phường làm thêm đèn đường',
    'Lá cây rơi xuống hố ga làm nghẹt cống',
  ])
    assert.equal(urgent(text), false, text);
});

void test('cue lexicons match multi-word phrases once per occurrence, accents folded', () => {
  const c = cueCounts(analyzeText('Cho em hỏi làm khai sinh ở đâu? Cho em hỏi thêm lệ phí').tokens);
  assert.ok((c.ask ?? 0) >= 3);
  assert.equal(c['p:khai_sinh'], 1);
});

void test('vectors are deterministic, without repeated indices, and unit length', () => {
  const a = vectorize('Cây đổ chắn ngang đường Lê Lợi');
  const b = vectorize(analyzeText('Cây đổ chắn ngang đường Lê Lợi'));
  assert.deepEqual([...a.indices], [...b.indices]);
  assert.equal(new Set(a.indices).size, a.indices.length);
  const norm = a.values.reduce((s, v) => s + v * v, 0);
  assert.ok(Math.abs(norm - 1) < 1e-5);
});
