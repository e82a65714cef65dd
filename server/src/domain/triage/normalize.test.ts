import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, foldAccents, lastSentenceStart, letterFrame, normalizeForDisplay, normalizeForMatching, paddedForm, repairTelex, repairVni } from './normalize.ts';

void test('matching form folds accents, expands teencode and place abbreviations', () => {
  const table: [string, string][] = [
    ['Đăng ký KHAI SINH', 'dang ky khai sinh'],
    ['ad ơi ko dc à', 'admin oi khong duoc a'],
    ['P7 Q3', 'phuong 7 quan 3'],
    ['q.12 p.05', 'quan 12 phuong 5'],
    ['Q . 3 và P- 7, p\u00A0.7, f.3', 'quan 3 va phuong 7 phuong 7 phuong 3'],
    ['up.3 gọi 0909.123 -3 q', 'up 3 goi 0909 123 3 q'],
    ['khoong dduwowcj', 'khong duoc'],
    ['xem https://example.com/a?b=1 😤', 'xem urltoken emojitoken'],
    ['hẻm 51 Tô Ký', 'hem 51 to ky'],
    ['', ''],
  ];
  for (const [input, expected] of table) assert.equal(normalizeForMatching(input), expected, input);
});

void test('display form keeps the words but drops control characters and caps length', () => {
  assert.equal(normalizeForDisplay('  Xin\u0000 chào\t\tphường  '), 'Xin chào phường');
  assert.equal(normalizeForDisplay('e\u0301'), 'é');
  assert.ok(normalizeForDisplay('a'.repeat(100_000)).length <= 20_000);
});

void test('fold, Telex and VNI repairs', () => {
  assert.equal(foldAccents('Thủ Đức'), 'thu duc');
  assert.equal(repairTelex('phuongw'), 'phuong');
  assert.equal(repairTelex('nguoi'), 'nguoi');
  assert.equal(repairVni('du7o7c5'), 'duoc');
  assert.equal(repairVni('q12'), 'q12');
});

void test('foldAccents by table equals decomposing, dropping marks, đ → d and lower-casing, for every Latin letter', () => {
  const slow = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
  const samples = ['Đường Nguyễn Huệ bị NGẬP', 'İstanbul Ǆ ǅ ß ẞ Å', 'e\u0301 A\u0323\u0302', 'Привет đèn', 'مرحبا đường', '日本 Đà Lạt', ''];
  for (let c = 0; c < 0x2000; c++) samples.push(`x${String.fromCharCode(c)}Đ`);
  for (const text of samples) assert.equal(foldAccents(text), slow(text), JSON.stringify(text));
});

void test('the last sentence starts after the last sentence end that has text before it', () => {
  assert.equal(lastSentenceStart('Một câu thôi?'), -1);
  assert.equal(lastSentenceStart('Một câu thôi?!  '), -1);
  assert.equal(lastSentenceStart('Câu một. Câu hai?'), 8);
  assert.equal(lastSentenceStart('Câu một\nCâu hai'), 8);
  assert.equal(analyzeText('Tôi cần làm tạm trú. Nộp ở đâu ạ?').lastFrom, 5);
  assert.equal(analyzeText('ko dc. ad oi').lastFrom, 2);
});

void test('display form: the pre-tests skip only replacements that would change nothing', () => {
  // The unconditional form of normalizeForDisplay before its pre-tests, as the reference.
  const reference = (raw: string) => {
    const out = raw.normalize('NFC').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]|[\uD800-\uDFFF]/gu, ' ').replace(/[ \t\u00A0]+/gu, ' ');
    return (out.includes('\n') ? out.replace(/\s*\n\s*/gu, '\n') : out).trim();
  };
  const samples = ['Xin chào', 'a  b', 'a\tb', 'a\u00A0b', 'a\u0085b', 'x\u007Fy', 'ok 😀 ok', 'lone \uD800 x', 'lone \uDC00', '\uFFFD', 'a\r\nb', ' \n '];
  for (let c = 0; c < 0x3000; c += 7) samples.push(`a${String.fromCharCode(c)}b c`);
  for (const t of samples) assert.equal(normalizeForDisplay(t), reference(t), JSON.stringify(t));
});

void test('interned tokens: a growing and then restarted table keeps every token as it is written', () => {
  // 210 000 distinct tokens that no expansion changes ("zk" + a number): past the table's cap it starts again.
  const chunk = (from: number) => Array.from({ length: 2000 }, (_, k) => `zk${from + k}`).join(' ');
  for (let from = 0; from < 210_000; from += 2000) {
    const text = chunk(from);
    assert.equal(normalizeForMatching(text), text);
  }
  assert.equal(normalizeForMatching('zk5 ko dc zk209999 P7'), 'zk5 khong duoc zk209999 phuong 7');
});

void test('the padded matching form is built on first use and kept', () => {
  const a = analyzeText('Ngập ở P7 Q3');
  assert.equal(a.padded, undefined);
  assert.equal(paddedForm(a), ' ngap o phuong 7 quan 3 ');
  assert.equal(a.padded, ' ngap o phuong 7 quan 3 ');
  assert.equal(paddedForm(analyzeText('')), '  ');
});

void test('a letter frame: salutation, subject formula and closing formula with its signature lines', () => {
  const parts = (text: string) => {
    const folded = foldAccents(normalizeForDisplay(text));
    const f = letterFrame(folded);
    return [folded.slice(0, f.start), folded.slice(f.start, f.open), folded.slice(f.open, f.end), folded.slice(f.end)];
  };
  assert.deepEqual(parts('Kính gửi: UBND phường An Phú.\nTôi đề nghị cấp giấy xác nhận.\nTrân trọng,\nNguyễn Văn A\nĐT: 0909 123 456'), [
    'kinh gui: ubnd phuong an phu.\n', '', 'toi de nghi cap giay xac nhan.\n', 'tran trong,\nnguyen van a\ndt: 0909 123 456',
  ]);
  assert.deepEqual(parts('Dear Sir/Madam,\nWhere can I register my marriage?\nKind regards,\nOliver'), [
    'dear sir/madam,\n', '', 'where can i register my marriage?\n', 'kind regards,\noliver',
  ]);
  // One-line letters: the salutation runs to the first punctuation, a formal closing sentence ends the body.
  assert.deepEqual(parts('Kính gửi UBND phường, tôi phản ánh rác ở hẻm 5. Trân trọng.'), ['kinh gui ubnd phuong,', '', ' toi phan anh rac o hem 5.', ' tran trong.']);
  // The subject formula names the letter's purpose: the opening words are read after it.
  assert.deepEqual(parts('Kính gửi UBND xã.\nV/v: đề nghị cấp giấy phép xây dựng\nTôi là chủ hộ'), [
    'kinh gui ubnd xa.\n', 'v/v: ', 'de nghi cap giay phep xay dung\ntoi la chu ho', '',
  ]);
  // A greeting line that holds the message itself is not a salutation; a chat message has no frame.
  assert.deepEqual(parts('Chào phường cho em hỏi làm căn cước ở đâu ạ\nCảm ơn'), ['', '', 'chao phuong cho em hoi lam can cuoc o dau a\n', 'cam on']);
  assert.deepEqual(parts('ad ơi đèn đường hẻm 12 tắt cả tuần rồi'), ['', '', 'ad oi den duong hem 12 tat ca tuan roi', '']);
  // "re" as a word (rẽ, to turn) is not a subject formula.
  assert.deepEqual(parts('Rẽ trái ở đây bị cấm à?'), ['', '', 're trai o day bi cam a?', '']);
});

void test('an analysis marks the letter body in its tokens, and the last sentence is the body\'s', () => {
  const a = analyzeText('Kính gửi UBND phường.\nNhà tôi bị ngập. Đề nghị nạo vét cống.\nTrân trọng,\nLê Văn B');
  assert.deepEqual(a.tokens.slice(a.bodyFrom, a.bodyTo), ['nha', 'toi', 'bi', 'ngap', 'de', 'nghi', 'nao', 'vet', 'cong']);
  assert.deepEqual(a.tokens.slice(a.lastFrom, a.bodyTo), ['de', 'nghi', 'nao', 'vet', 'cong']);
  // A body of one sentence has no last-sentence features, however many lines the frame has.
  assert.equal(analyzeText('Kính gửi UBND phường.\nXin hỏi làm tạm trú ở đâu?\nTrân trọng.').lastFrom, -1);
  const plain = analyzeText('Tôi cần làm tạm trú. Nộp ở đâu ạ?');
  assert.deepEqual([plain.bodyFrom, plain.bodyTo, plain.openFrom], [0, plain.tokens.length, 0]);
  // "V/v" is the subject formula (về việc), not teencode for "vậy".
  assert.equal(normalizeForMatching('V/v đề nghị cấp giấy'), 've viec de nghi cap giay');
});
