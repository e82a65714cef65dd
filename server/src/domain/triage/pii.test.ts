import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectPii, foldSameLength, hasPii, redactPii } from './pii.ts';

void test('phones in every common form are redacted', () => {
  for (const phone of ['0912345678', '0912 345 678', '+84 912 345 678', '84912345678', '091.234.5678', '0912-345-678', '028 3822 1234', '(028) 3822 1234', '1900 1234'])
    assert.equal(redactPii(`gọi ${phone} nhé`), 'gọi [SĐT] nhé', phone);
});

void test('CCCD, CMND, passport and email', () => {
  assert.equal(redactPii('CCCD 079195004321'), 'CCCD [CCCD]');
  assert.equal(redactPii('số CMND: 025123456.'), 'số CMND: [CCCD].');
  assert.equal(redactPii('My passport number is 19FR45821.'), 'My passport number is [CCCD].');
  assert.equal(redactPii('email yen.hoang@gmail.com ạ'), 'email [email] ạ');
});

void test('emails and phone numbers written to dodge scrapers', () => {
  assert.equal(redactPii('email: khoa.tran88 @ gmail.com nhé'), 'email: [email] nhé');
  assert.equal(redactPii('mail khoatran88 at gmail dot com'), 'mail [email]');
  assert.equal(redactPii('liên hệ khoa(at)yahoo(dot)com.vn'), 'liên hệ [email]');
  assert.equal(redactPii('số điện thoại không chín không ba bốn một hai tám tám sáu ạ'), 'số điện thoại [SĐT] ạ');
  assert.equal(redactPii('sdt khong chin 0 ba 4 mot 2 tam tam sau nhe'), 'sdt [SĐT] nhe');
  // Not personal data: "at" in an English sentence, counting aloud, a short run of digit words.
  for (const t of ['I am at the ward office dot com', 'gặp nhau at home', 'đếm không một hai ba', 'hai ba năm nay không ai sửa'])
    assert.deepEqual(detectPii(t), [], t);
});

void test("the sender's own address, not a third party's", () => {
  assert.equal(redactPii('Nhà tôi ở 12/3 Lê Lợi, phường 7'), 'Nhà tôi ở [địa chỉ], phường 7');
  assert.equal(redactPii('Địa chỉ: 112/5 Bùi Minh Trực, Phường 5'), 'Địa chỉ: [địa chỉ], Phường 5');
  assert.equal(hasPii('Nhà số 25 hẻm 102 Nguyễn Sơn đang xây lấn ra hẻm'), false);
  // Other ways of saying where one lives.
  const table: [string, string][] = [
    ['Tôi sống tại 25 Nguyễn Trãi, P.3', 'Tôi sống tại [địa chỉ], P.3'],
    ['địa chỉ liên hệ: 25 Nguyễn Trãi, Q5', 'địa chỉ liên hệ: [địa chỉ], Q5'],
    ['Tôi cư ngụ tại 12 Lê Lợi, Q1', 'Tôi cư ngụ tại [địa chỉ], Q1'],
    ['Chỗ ở hiện tại: 12 Lê Lợi, Q1', 'Chỗ ở hiện tại: [địa chỉ], Q1'],
    ['em ở trọ 15 hẻm 42 Nguyễn Kiệm, Phú Nhuận', 'em ở trọ [địa chỉ], Phú Nhuận'],
  ];
  for (const [text, redacted] of table) assert.equal(redactPii(text), redacted, text);
});

void test('no false positives on dates, money and plot numbers', () => {
  for (const t of ['nộp ngày 10/3/2024', 'mất 20 triệu', 'thửa đất số 512, tờ bản đồ số 8', 'năm 1990, 2 xe máy'])
    assert.deepEqual(detectPii(t), [], t);
});

void test('folding keeps length and makes no digit or @ out of another character (the pre-test relies on it)', () => {
  for (let c = 0; c < 0x2000; c++) {
    const ch = String.fromCharCode(c);
    const folded = foldSameLength(`Ấ${ch}`);
    assert.equal(folded.length, 2);
    assert.equal(/[0-9@]/u.test(folded), /[0-9@]/u.test(ch), `U+${c.toString(16)}`);
  }
  assert.equal(foldSameLength('Đường Lê Lợi 😀'), 'duong le loi 😀');
});

void test('hasPii agrees with detectPii, including texts without digits or @', () => {
  for (const t of ['', 'không có số nào', 'email a@b.vn', 'gọi 0912345678', 'Nhà tôi ở 12/3 Lê Lợi, phường 7', 'hộ chiếu B1234567', 'mất 20 triệu'])
    assert.equal(hasPii(t), detectPii(t).length > 0, t);
});
