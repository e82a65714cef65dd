import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisCues, LEXICONS, scanCues } from './cue-lexicons.ts';
import { shapeAndCueNames } from './features.ts';
import { analyzeText, writtenToken } from './normalize.ts';

function lexicons(text: string): string[] {
  const scan = analysisCues(analyzeText(text));
  return scan.found.map((id) => LEXICONS[id] as string);
}

void test('a lexicon word written with diacritics only counts where the message writes that word', () => {
  // "đất" (land) and "đặt" (to book) fold alike; "đang" (now) and "đăng" (to register) too.
  assert.ok(lexicons('Tranh chấp đất với hàng xóm').includes('c:dat_dai'));
  assert.ok(!lexicons('Cho em đặt lịch làm giấy tờ').includes('c:dat_dai'));
  assert.ok(lexicons('Dây điện đang tóe lửa').includes('now'));
  assert.ok(!lexicons('Em muốn đăng ký tạm trú').includes('now'));
});

void test('without diacritics (or for a word written without them) the folded word still counts', () => {
  assert.ok(lexicons('tranh chap dat voi hang xom').includes('c:dat_dai'));
  assert.ok(lexicons('day dien dang toe lua').includes('now'));
  assert.ok(lexicons('Khu này dat bị lấn chiếm').includes('c:dat_dai'));
});

void test('accented forms stay aligned with the matching tokens through teencode and links', () => {
  const a = analyzeText('Ad ơi ko có điện 3 ngày rồi https://x.vn/a 😤 đất');
  const written = a.tokens.map((_, i) => writtenToken(a.written, i));
  // "ad" and "ko" are teencode (expanded to "admin", "khong"): their written form says nothing about a homograph.
  assert.deepEqual(written.slice(0, 6), [null, 'ơi', null, 'có', 'điện', '3']);
  assert.equal(written[written.length - 1], 'đất');
});

void test('the cue lexicons of the last sentence are marked, only in a text of several sentences', () => {
  const last = (text: string) => {
    const scan = analysisCues(analyzeText(text));
    return LEXICONS.filter((_, id) => id < 32 && (scan.lastMask >>> id) & 1);
  };
  assert.deepEqual(last('Em muốn đăng ký tạm trú. Cho em hỏi nộp ở đâu ạ?'), ['ask']);
  assert.ok(last('Rác để ở đầu hẻm cả tuần không ai dọn!! Đề xuất phường đặt thêm thùng rác.').includes('suggest'));
  assert.equal(analysisCues(analyzeText('Cho em hỏi nộp ở đâu ạ?')).lastMask, 0);
  assert.equal(analysisCues(analyzeText('Cho em hỏi nộp ở đâu ạ???')).lastMask, 0);
});

void test('the words kept on an analysis give the same scan and places as the plain tokens', async () => {
  const { extractPlaces } = await import('./places.ts');
  const { loadGazetteer } = await import('../../triage/load-gazetteer.ts');
  const g = loadGazetteer();
  for (const text of ['Cháy nhà ở đường Lê Lợi phường Bến Nghé, đang cháy lớn', 'ad ơi ko dc à, mn ơi P7 Q3 ngập', 'cho toi hoi lam cccd o dau', 'The street light is broken']) {
    for (let pass = 0; pass < 2; pass++) {
      const a = analyzeText(text);
      assert.ok(a.words && a.words.length === a.tokens.length);
      assert.deepEqual(analysisCues(a), scanCues(a.tokens, a.written, a.lastFrom, undefined, a.bodyFrom, a.bodyTo), text);
      assert.deepEqual(extractPlaces(a, g), extractPlaces({ ...analyzeText(text), words: undefined }, g), text);
    }
  }
});

void test('a message that opens with a first-person intent (pronoun + need/want/plan verb) is marked', () => {
  const opens = (text: string) => shapeAndCueNames(analyzeText(text)).includes('cue:intent:opening');
  assert.ok(opens('Em cần làm giấy xác nhận tình trạng hôn nhân, thứ 7 phường có làm việc không ạ?'));
  assert.ok(opens('Chúng tôi định đăng ký kết hôn vào tháng sau, xin hỏi đặt lịch thế nào?'));
  assert.ok(opens('toi dang muon lam ho chieu cho con'));
  assert.ok(opens('I want to register my marriage. What documents do I need to bring?'));
  // The intent comes after the question: a general question with a personal reason, not an opening statement.
  assert.ok(!opens('Cho em hỏi thủ tục đăng ký kết hôn cần giấy tờ gì, tháng sau em muốn làm'));
  // The phrases stay in `own`; the intent lexicon is not a feature by itself.
  assert.ok(!shapeAndCueNames(analyzeText('Tôi cần làm tạm trú')).some((n) => n === 'cue:intent' || n.startsWith('cue:intent:1')));
});

void test('a request to fix or check something concrete is told apart from a proposal', () => {
  assert.ok(lexicons('Đề nghị phường kiểm tra quán karaoke này').includes('fix'));
  assert.ok(lexicons('yeu cau co quan chuc nang xu ly').includes('fix'));
  assert.ok(lexicons('Đề nghị cấp giấy phép xây dựng').includes('fix'));
  const proposal = lexicons('Đề nghị phường lắp thêm đèn đường');
  assert.ok(proposal.includes('propose'));
  assert.ok(!proposal.includes('fix'));
});
