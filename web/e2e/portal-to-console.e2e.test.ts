/**
 * Citizen reports on the portal (phone viewport, with a photo) → officer replies in the console (desktop) →
 * the citizen's tracking page shows the reply. Screenshots of each step go to test-results/screenshots/.
 * Needs `npm run build:web` first and Debian's /usr/bin/chromium (never downloads a browser).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { shot, submitConsoleLogin, withServerAndBrowser, type TestServer } from './support.ts';
import sharp from 'sharp';
import type { Unit } from '../ui/api-types.ts';

const CODE_PATTERN = /^GD-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

/** Fails the test on any uncaught page error, which a screenshot alone would not show. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
}

void test('a citizen report reaches an officer, and the reply reaches the citizen', async () => {
  const officer = server.staff.find((s) => s.role === 'officer');
  assert.ok(officer, 'the seed has an officer');
  const units = (await (await fetch(`${server.url}/api/public/units`)).json()) as Unit[];
  const unit = units.find((u) => u.code === officer.unitCode);
  assert.ok(unit, `unit ${officer.unitCode} is listed`);
  const errors: string[] = [];

  // --- Citizen on a phone ---
  const citizen = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  watchErrors(citizen, errors);
  await citizen.goto(`${server.url}/`);
  await citizen.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' }).waitFor();
  await shot(citizen, '01-portal-form');

  const text = 'Đèn đường trước số 12 Lê Lợi bị hỏng ba ngày nay, buổi tối rất tối và nguy hiểm.';
  await citizen.getByLabel('Nội dung phản ánh, kiến nghị').fill(text);
  // Typed without diacritics, as on a phone keyboard.
  const unitBox = citizen.getByRole('combobox', { name: /Phường, xã/ });
  await unitBox.fill(unit.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase());
  await citizen.getByRole('option', { name: unit.fullName, exact: true }).click();
  assert.equal(await unitBox.inputValue(), unit.fullName);

  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d9822b' } }).jpeg().toBuffer();
  await citizen.locator('input[type=file]').setInputFiles({ name: 'den-duong.jpg', mimeType: 'image/jpeg', buffer: photo });
  await citizen.getByRole('img', { name: 'Ảnh đính kèm 1' }).waitFor();

  await citizen.getByLabel('Họ và tên').fill('Trần Thị Bình');
  await citizen.getByLabel('Số điện thoại').fill('0901 234 567');
  await shot(citizen, '02-portal-filled');

  await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
  const codeBox = citizen.getByTestId('tracking-code');
  await codeBox.waitFor();
  const code = (await codeBox.textContent())?.trim() ?? '';
  assert.match(code, CODE_PATTERN);
  await shot(citizen, '03-portal-success');

  // --- Officer at a desk ---
  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  watchErrors(desk, errors);
  await desk.goto(`${server.url}/console/`);
  await desk.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
  await desk.getByLabel('Email công vụ').fill(officer.email);
  await desk.getByLabel('Mật khẩu').fill(officer.password);
  await shot(desk, '04-console-login');
  await desk.getByRole('button', { name: 'Đăng nhập' }).click();

  const caseLink = desk.getByRole('link', { name: code });
  await caseLink.waitFor();
  await shot(desk, '05-console-inbox');
  await caseLink.click();
  await desk.getByRole('heading', { name: code, level: 1 }).waitFor();
  await desk.getByText(text).first().waitFor();
  assert.ok(await desk.getByTestId('citizen-contact').getByText('Trần Thị Bình').isVisible(), 'staff see the citizen contact');
  await shot(desk, '06-console-case');

  // The first pass explains itself by name, and an officer corrects it by name; the correction is kept.
  const panel = desk.getByTestId('triage-panel');
  await panel.getByText(/^Lĩnh vực: Chiếu sáng công cộng/).waitFor();
  await panel.getByLabel(/^Lĩnh vực/).selectOption({ label: 'Cây xanh' });
  await panel.getByRole('button', { name: 'Lưu phân loại' }).click();
  await panel.getByText('Đã lưu. Hệ thống sẽ học từ chỉnh sửa này.').waitFor();
  await desk.reload();
  await desk.getByTestId('triage-panel').getByRole('heading', { name: 'Xác nhận / sửa phân loại' }).waitFor();
  assert.equal(await desk.getByTestId('triage-panel').getByLabel(/^Lĩnh vực/).inputValue(), 'cay_xanh', 'the form shows the corrected category');

  const reply = 'Chào chị, phường đã cử đội kỹ thuật thay bóng đèn trong chiều nay. Cảm ơn chị đã phản ánh.';
  await desk.keyboard.press('r');
  const replyBox = desk.getByRole('textbox', { name: /Trả lời người dân/ });
  assert.ok(await replyBox.evaluate((el) => el === document.activeElement), '"r" focuses the reply box');
  await replyBox.fill(reply);
  await desk.getByRole('button', { name: 'Gửi trả lời' }).click();
  await desk.getByTestId('timeline').getByText(reply).waitFor();
  await desk.getByTestId('timeline').locator('[data-kind="message.sent"]').last().getByText('Đã gửi').waitFor({ timeout: 15_000 }).catch(() => undefined);
  await desk.reload();
  await desk.getByTestId('timeline').getByText(reply).waitFor();
  await shot(desk, '07-console-replied');

  // --- Citizen follows the case ---
  await citizen.getByRole('link', { name: 'Xem tình trạng xử lý' }).click();
  await citizen.getByRole('heading', { name: code }).waitFor();
  const replyOnTrack = citizen.getByText(reply);
  for (let attempt = 0; attempt < 20 && !(await replyOnTrack.isVisible()); attempt++) {
    await citizen.waitForTimeout(250);
    await citizen.getByRole('button', { name: 'Tải lại' }).click();
  }
  await replyOnTrack.waitFor({ timeout: 5_000 });
  const trackText = (await citizen.locator('main').textContent()) ?? '';
  assert.ok(!trackText.includes('Trần Thị Bình') && !trackText.includes('0901'), 'the tracking page shows no personal data');
  assert.ok(trackText.includes(unit.name), 'the tracking page names the unit');
  await shot(citizen, '08-portal-track');

  assert.deepEqual(errors, [], 'no uncaught errors in the pages');
});

void test('an officer records a phone call, sees the code to read out, and opens the other console pages', async () => {
  const officer = server.staff.find((s) => s.role === 'officer');
  const admin = server.staff.find((s) => s.role === 'unit_admin') ?? server.staff.find((s) => s.role === 'city_admin');
  assert.ok(officer && admin);
  const errors: string[] = [];
  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  watchErrors(desk, errors);
  await desk.goto(`${server.url}/console/intake`);
  await submitConsoleLogin(desk, officer);

  await desk.getByRole('heading', { name: 'Tiếp nhận trực tiếp', level: 1 }).waitFor();
  await desk.getByLabel('Hình thức tiếp nhận').selectOption('phone');
  await desk.getByLabel('Nội dung').fill('Người dân gọi điện báo rác thải tồn đọng ở hẻm 45 Nguyễn Trãi.');
  await desk.getByLabel('Họ và tên').fill('Lê Văn Cường');
  await shot(desk, '09-console-intake');
  await desk.getByRole('button', { name: 'Tạo hồ sơ' }).click();
  const code = (await desk.getByTestId('intake-code').textContent())?.trim() ?? '';
  assert.match(code, CODE_PATTERN);
  await shot(desk, '10-console-intake-created');

  await desk.getByRole('link', { name: 'Mở hồ sơ' }).click();
  await desk.getByRole('heading', { name: code, level: 1 }).waitFor();
  await desk.getByRole('button', { name: 'Nhận xử lý' }).click();
  await desk.getByTestId('timeline').getByText('Phân công cho Nguyễn Văn An').waitFor();
  await desk.keyboard.press('n');
  await desk.keyboard.type('Đã gọi lại cho người dân, hẹn kiểm tra sáng mai.');
  await desk.keyboard.press('Control+Enter');
  await desk.getByTestId('timeline').locator('[data-kind="note.added"]').waitFor();
  await desk.getByRole('button', { name: '→ Đang xử lý' }).click();
  await desk.getByTestId('timeline').getByText('Chuyển trạng thái: Đã phân công → Đang xử lý').waitFor();
  await shot(desk, '11-console-case-worked');

  // Inbox keyboard: "?" opens the help, "/" focuses search, j + Enter opens a case.
  await desk.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await desk.getByRole('link', { name: code }).waitFor();
  await desk.keyboard.press('?');
  await desk.getByRole('dialog', { name: 'Phím tắt' }).waitFor();
  await shot(desk, '12-console-shortcuts');
  await desk.keyboard.press('Escape');
  await desk.keyboard.press('/');
  assert.ok(await desk.getByRole('searchbox').evaluate((el) => el === document.activeElement), '"/" focuses the search box');
  await desk.keyboard.press('Escape');
  await desk.keyboard.press('Enter');
  await desk.getByRole('heading', { level: 1 }).filter({ hasText: /^GD-/ }).waitFor();

  await desk.goto(`${server.url}/console/outbox`);
  await desk.getByRole('heading', { name: 'Tin nhắn gửi lỗi, tạm giữ' }).waitFor();
  await desk.getByText('Không có tin nhắn nào.').or(desk.locator('table')).first().waitFor();
  await shot(desk, '13-console-outbox');

  await desk.getByRole('button', { name: 'Đăng xuất' }).click();
  await submitConsoleLogin(desk, admin);
  await desk.getByRole('button', { name: 'Thiết lập' }).click();
  await desk.getByRole('link', { name: 'Mẫu xác nhận' }).click();
  const body = desk.getByLabel('Nội dung mẫu');
  await body.waitFor();
  await body.fill('Phường đã nhận phản ánh {trackingCode} của Ông/Bà. Theo dõi tại {trackUrl}');
  await desk.getByRole('button', { name: 'Lưu', exact: true }).click();
  await desk.getByText('Đã lưu.').waitFor();
  await shot(desk, '14-console-template');

  assert.deepEqual(errors, [], 'no uncaught errors in the pages');
  await desk.close();
});
