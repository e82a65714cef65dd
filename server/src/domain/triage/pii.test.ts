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

void test("the sender's own address, not a third party's", () => {
  assert.equal(redactPii('Nhà tôi ở 12/3 Lê Lợi, phường 7'), 'Nhà tôi ở [địa chỉ], phường 7');
  assert.equal(redactPii('Địa chỉ: 112/5 Bùi Minh Trực, Phường 5'), 'Địa chỉ: [địa chỉ], Phường 5');
  assert.equal(hasPii('Nhà số 25 hẻm 102 Nguyễn Sơn đang xây lấn ra hẻm'), false);
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
