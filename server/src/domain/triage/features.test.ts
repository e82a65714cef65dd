import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureNames, shapeAndCueNames } from './features.ts';
import { analyzeText } from './normalize.ts';

void test('a letter is read by its body: salutation, closing formula and signature give no word, cue or edge feature', () => {
  const body = 'Tôi cần làm giấy xác nhận tình trạng hôn nhân. Xin hỏi nộp hồ sơ ở đâu?';
  const letter = `Kính gửi UBND phường Bến Nghé.\n${body}\nTrân trọng cảm ơn,\nNguyễn Thị C\nĐT: 0909 111 222`;
  const names = featureNames(letter);
  for (const frameWord of ['w:kinh', 'w:gui', 'w:tran', 'w:trong', 'w:cam', 'cue:other', 'last:c', 'last:222']) assert.ok(!names.includes(frameWord), frameWord);
  // The body's own features: its opening, its closing words and its last sentence's question.
  for (const bodyFeature of ['first:toi', 'first2:toi_can', 'cue:intent:opening', 'last:o', 'last:dau', 'last:cue:ask']) assert.ok(names.includes(bodyFeature), bodyFeature);
  // Apart from the formal-opening and length shapes, the letter has the features of its body alone.
  const shapes = (n: string) => n === 'shape:formal' || n.startsWith('shape:len:') || n === 'shape:longnumber';
  assert.deepEqual(names.filter((n) => !shapes(n)).sort(), featureNames(body).filter((n) => !shapes(n)).sort());
});

void test('an English letter is rewritten in parts and read by its body', () => {
  const names = featureNames('Dear Sir/Madam,\nPlease add an SMS reminder the day before the appointment.\nThank you,\nMaria');
  assert.ok(!names.includes('cue:other'), 'the closing "Thank you" is not counted');
  assert.ok(!names.includes('last:maria'));
  assert.ok(names.includes('cue:suggest'));
});

void test('the subject formula of a letter gives its opening words', () => {
  const names = shapeAndCueNames(analyzeText('Kính gửi UBND xã.\nV/v: đề nghị cấp giấy phép xây dựng.\nTôi là chủ hộ ở ấp 3.\nTrân trọng.'));
  assert.ok(names.includes('first2:de_nghi'));
  assert.ok(!names.some((n) => n.startsWith('first:ve') || n.startsWith('first:vay')));
});

void test('a message that opens with a proposal is marked, unless a verb of fixing or issuing follows the request', () => {
  const opening = (text: string) => shapeAndCueNames(analyzeText(text)).includes('cue:propose:opening');
  assert.ok(opening('Đề nghị phường lắp thêm đèn tín hiệu ở ngã ba, giờ cao điểm rất đông.'));
  assert.ok(opening('nên gắn camera ở bờ kênh để nhắc người dân'));
  assert.ok(opening('de xuat lam lan rieng cho xe dap'));
  // A request to act on a concrete fault (any addressee between) or to issue one's own paper.
  assert.ok(!opening('Đề nghị UBND phường Tam Phú giải quyết tranh chấp lối đi chung.'));
  assert.ok(!opening('Đề nghị kiểm tra các bếp ăn tập thể, đã có hai vụ ngộ độc.'));
  assert.ok(!opening('de nghi cap giay phep sua chua nha o'));
  // Further into the message it is not an opening (the proposal lexicon still counts).
  const late = shapeAndCueNames(analyzeText('Rác ở đầu hẻm cả tuần không ai dọn, hôi lắm, đề nghị phường đặt thêm thùng.'));
  assert.ok(!late.includes('cue:propose:opening'));
  assert.ok(late.includes('cue:propose'));
});
