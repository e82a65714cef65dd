/**
 * A citizen on a phone looks up a procedure typing without diacritics ("sao y bang dai hoc"), opens it and
 * sees documents, fees, time, where to go and the "cần kiểm tra" marks. Screenshots go to
 * test-results/screenshots/. Needs `npm run build:web` first and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { shot, withServerAndBrowser, type TestServer } from './support.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

void test('procedure search without diacritics on a phone, then the procedure page', async () => {
  const errors: string[] = [];
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: 'Thủ tục' }).click();
  await page.getByRole('heading', { name: 'Tra cứu thủ tục hành chính' }).waitFor();
  await page.getByRole('heading', { name: 'Các thủ tục cấp phường/xã thường gặp' }).waitFor();

  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('sao y bang dai hoc');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.getByRole('heading', { name: /^Tìm thấy \d+ thủ tục$/u }).waitFor();
  assert.match(page.url(), /\/thu-tuc\?q=sao\+y\+bang\+dai\+hoc$/u);
  const first = page.locator('.procedure-list li').first();
  assert.match((await first.textContent()) ?? '', /Chứng thực bản sao từ bản chính/u);
  await shot(page, 'procedures-01-search');

  await first.getByRole('link').click();
  await page.getByRole('heading', { name: 'Chứng thực bản sao từ bản chính', level: 1 }).waitFor();
  for (const heading of ['Hồ sơ cần chuẩn bị', 'Lệ phí', 'Thời hạn giải quyết', 'Nơi nộp hồ sơ', 'Căn cứ pháp lý']) {
    await page.getByRole('heading', { name: new RegExp(`^${heading}`, 'u') }).waitFor();
  }
  // 2.000815: documents, fees and time verified; the legal basis is not.
  assert.equal(await page.getByText('Cần kiểm tra', { exact: true }).count(), 1);
  await page.getByText('2.000 đồng/trang', { exact: false }).waitFor();
  await shot(page, 'procedures-02-detail');

  // A direct link works too (server SPA fallback for /thu-tuc/*).
  await page.goto(`${server.url}/thu-tuc/2.000884`);
  await page.getByRole('heading', { name: 'Chứng thực chữ ký', level: 1 }).waitFor();
  assert.equal(await page.getByText('Cần kiểm tra', { exact: true }).count(), 3);
  assert.deepEqual(errors, []);
});
