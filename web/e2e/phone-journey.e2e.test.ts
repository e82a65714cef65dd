/**
 * One chained journey, the citizen on a phone (390×844, touch, a slow mobile connection emulated through the
 * Chrome DevTools Protocol) and the officer at a desk: report with a photo and a point tapped in Phường Sài Gòn
 * on the ward map → tracking code → the officer sees the case, approves the photo for the public map, answers
 * and resolves → the citizen reads the answer on the tracking page, rates it, then reopens the case → the
 * officer sees the rating and the reopening; the public list shows the approved photo and no personal data.
 * Screenshots of every step go to test-results/screenshots/journey-*.png.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { shot, submitConsoleLogin, withServerAndBrowser, type TestServer } from './support.ts';

const SAI_GON = '26740';
// DevTools' "Slow 3G"-like profile: 400 ms round trip, 500 kbit/s each way.
const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: (500 * 1024) / 8, uploadThroughput: (500 * 1024) / 8 };

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

/**
 * Brings one ward into view with the map's keyboard controls (arrow keys pan by 15 %, + zooms in), then taps a
 * point inside it.
 */
async function tapInsideWard(page: Page, code: string): Promise<void> {
  const map = page.getByRole('application', { name: /Bản đồ phường\/xã/u });
  const ward = page.locator(`.ward-map-svg path.ward[data-code="${code}"]`);
  await ward.waitFor();
  await map.focus();
  for (let step = 0; step < 60; step++) {
    const [m, w] = [await map.boundingBox(), await ward.boundingBox()];
    assert.ok(m && w, `ward ${code} is drawn`);
    const fx = (w.x + w.width / 2 - (m.x + m.width / 2)) / m.width;
    const fy = (w.y + w.height / 2 - (m.y + m.height / 2)) / m.height;
    const key = fx > 0.12 ? 'ArrowRight' : fx < -0.12 ? 'ArrowLeft' : fy > 0.12 ? 'ArrowDown' : fy < -0.12 ? 'ArrowUp' : w.width < m.width / 3 ? '+' : null;
    if (!key) break;
    await page.keyboard.press(key);
  }
  const point = await page.evaluate((c) => {
    const map = document.querySelector('.ward-map-svg')!.getBoundingClientRect();
    const rect = document.querySelector(`.ward-map-svg path.ward[data-code="${c}"]`)!.getBoundingClientRect();
    const left = Math.max(rect.left, map.left);
    const top = Math.max(rect.top, map.top);
    const right = Math.min(rect.right, map.right);
    const bottom = Math.min(rect.bottom, map.bottom);
    for (let gy = 0.5; gy < 0.95; gy += 0.05)
      for (const gx of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        const x = left + (right - left) * gx;
        const y = top + (bottom - top) * gy;
        if (document.elementFromPoint(x, y)?.getAttribute('data-code') === c) return { x, y };
      }
    return null;
  }, code);
  assert.ok(point, `a visible point inside ward ${code}`);
  await page.touchscreen.tap(point.x, point.y);
}

void test('phone report with photo and map point → officer approves the photo, answers, resolves → citizen reads, rates, reopens', async () => {
  const officer = server.staff.find((s) => s.email === 'canbo.saigon@gandan.local');
  assert.ok(officer);
  const errors: string[] = [];

  // --- Citizen on a phone, slow connection ---
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  phone.on('pageerror', (error) => errors.push(`phone: ${error.message}`));
  const cdp = await phone.context().newCDPSession(phone);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  const startedAt = Date.now();
  await phone.goto(`${server.url}/`);
  const text = phone.getByLabel('Nội dung phản ánh, kiến nghị');
  await text.waitFor({ timeout: 60_000 });
  process.stdout.write(`# portal form ready after ${Date.now() - startedAt} ms on the emulated slow connection\n`);
  await shot(phone, 'journey-01-phone-form');

  const said = 'Cây xanh gãy cành đè lên vỉa hè trước nhà số 7 đường Đồng Khởi, người đi bộ phải xuống lòng đường. Tôi là Lê Thị Hoa.';
  await text.fill(said);
  await phone.getByRole('button', { name: 'Chọn trên bản đồ' }).tap();
  await phone.locator('.ward-map-svg path.ward').first().waitFor({ timeout: 60_000 });
  await tapInsideWard(phone, SAI_GON);
  await phone.getByText('Vị trí thuộc Phường Sài Gòn').waitFor();
  assert.match(await phone.getByRole('combobox', { name: /Phường, xã/u }).inputValue(), /Sài Gòn/u, 'the ward under the point fills the form');
  await shot(phone, 'journey-02-phone-map-point');

  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#4f7f3a' } }).jpeg().toBuffer();
  await phone.locator('input[type=file]').setInputFiles({ name: 'cay-gay.jpg', mimeType: 'image/jpeg', buffer: photo });
  await phone.getByRole('img', { name: 'Ảnh đính kèm 1' }).waitFor({ timeout: 60_000 });
  await phone.getByLabel('Họ và tên').fill('Lê Thị Hoa');
  await phone.getByLabel('Số điện thoại').fill('0938 765 432');
  await shot(phone, 'journey-03-phone-filled');
  await phone.getByRole('button', { name: 'Gửi phản ánh' }).tap();
  const codeBox = phone.getByTestId('tracking-code');
  await codeBox.waitFor({ timeout: 60_000 });
  const code = ((await codeBox.textContent()) ?? '').trim();
  assert.match(code, /^GD-[0-9A-Z]{4}-[0-9A-Z]{4}$/u);
  await shot(phone, 'journey-04-phone-code');

  // --- Officer at a desk ---
  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  desk.on('pageerror', (error) => errors.push(`desk: ${error.message}`));
  await desk.goto(`${server.url}/console/`);
  await submitConsoleLogin(desk, officer);
  await desk.getByRole('link', { name: code }).click();
  await desk.getByRole('heading', { name: code, level: 1 }).waitFor();
  const approve = desk.getByRole('checkbox', { name: 'Công khai ảnh 1 trên bản đồ phản ánh' });
  await approve.waitFor();
  assert.equal(await approve.isChecked(), false, 'a new photo is private');
  assert.ok(await desk.getByRole('img', { name: 'Ảnh đính kèm 1 của hồ sơ' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the officer sees the photo');
  await shot(desk, 'journey-05-desk-case');
  await approve.check();
  await desk.getByTestId('timeline').getByText('Duyệt công khai một ảnh').waitFor();
  assert.equal(await approve.isChecked(), true);

  const answer = 'Chào chị, đội cây xanh đã cắt cành gãy và dọn vỉa hè sáng nay. Cảm ơn chị đã phản ánh.';
  await desk.getByRole('textbox', { name: /Trả lời người dân/u }).fill(answer);
  await desk.getByRole('button', { name: 'Gửi trả lời' }).click();
  await desk.getByTestId('timeline').getByText(answer).waitFor();
  await desk.getByRole('button', { name: '→ Đang xử lý' }).click();
  await desk.getByTestId('timeline').getByText('Chuyển trạng thái: Mới tiếp nhận → Đang xử lý').waitFor();
  await desk.getByRole('button', { name: '→ Đã giải quyết' }).click();
  await desk.getByTestId('timeline').getByText('Chuyển trạng thái: Đang xử lý → Đã giải quyết').waitFor();
  await shot(desk, 'journey-06-desk-answered-resolved');

  // --- Citizen follows, rates, reopens ---
  await phone.getByRole('link', { name: 'Xem tình trạng xử lý' }).tap();
  await phone.getByRole('heading', { name: code }).waitFor({ timeout: 60_000 });
  const answerOnPhone = phone.getByText(answer);
  for (let attempt = 0; attempt < 30 && !(await answerOnPhone.isVisible()); attempt++) {
    await phone.getByRole('button', { name: 'Tải lại' }).tap();
    await phone.waitForLoadState('networkidle');
  }
  await answerOnPhone.waitFor();
  await phone.getByText('Bạn hài lòng với cách giải quyết?').waitFor();
  const page = (await phone.locator('main').textContent()) ?? '';
  for (const secret of ['Lê Thị Hoa', '0938', 'số 7']) assert.ok(!page.includes(secret), `the tracking page leaks ${secret}`);
  await shot(phone, 'journey-07-phone-answer');

  await phone.locator('.stars label').nth(4).tap();
  await phone.getByLabel('Góp ý thêm').fill('Xử lý nhanh, cảm ơn phường.');
  await phone.getByRole('button', { name: 'Gửi đánh giá' }).tap();
  await phone.getByText('Bạn đã đánh giá 5/5. Cảm ơn bạn!').waitFor({ timeout: 60_000 });
  await shot(phone, 'journey-08-phone-rated');

  await phone.getByLabel('Sự việc chưa được xử lý xong?').fill('Cành gãy phía trong vẫn còn treo trên cây, rất nguy hiểm.');
  await phone.getByRole('button', { name: 'Báo chưa xong, mở lại hồ sơ' }).tap();
  await phone.locator('.badge', { hasText: 'Đang xử lý' }).first().waitFor({ timeout: 60_000 });
  await shot(phone, 'journey-09-phone-reopened');

  await desk.reload();
  await desk.getByTestId('timeline').locator('[data-kind="case.rated"]').waitFor();
  await desk.getByTestId('timeline').locator('[data-kind="case.reopened"]').waitFor();
  await shot(desk, 'journey-10-desk-rated-reopened');

  // --- The public list: the approved photo, no personal data ---
  await phone.goto(`${server.url}/phan-anh`);
  const card = phone.locator('.problem-card', { hasText: 'Cây xanh gãy cành' });
  await card.waitFor({ timeout: 60_000 });
  const publicPhoto = card.getByRole('img', { name: 'Ảnh hiện trường đã được duyệt công khai' });
  await publicPhoto.waitFor();
  await phone.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await publicPhoto.elementHandle(), { timeout: 60_000 });
  const cardText = (await card.textContent()) ?? '';
  for (const secret of ['Lê Thị Hoa', 'Hoa', '0938', 'số 7']) assert.ok(!cardText.includes(secret), `the public list leaks ${secret}: ${cardText}`);
  await card.scrollIntoViewIfNeeded();
  await shot(phone, 'journey-11-phone-public-list');

  assert.deepEqual(errors, [], 'no uncaught errors in the pages');
});
