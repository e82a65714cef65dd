/**
 * A citizen on a phone reports a problem by tapping the ward map (the ward's name appears and fills the form),
 * then finds it on /phan-anh without the name, phone or house number they typed; the map of reports and the
 * figures page render. Screenshots go to test-results/screenshots/. Needs `npm run build:web` first and
 * Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { shot, withServerAndBrowser, type TestServer } from './support.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

void test('report with a tap on the ward map, then find it on /phan-anh without personal data', async () => {
  const errors: string[] = [];
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  page.on('pageerror', (error) => errors.push(error.message));
  const geoRequests: string[] = [];
  page.on('request', (r) => r.url().includes('wards.geojson') && geoRequests.push(r.url()));
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(geoRequests.length, 0, 'the first load does not fetch the polygons');

  await page.getByLabel(/Nội dung/u).fill('Đèn đường hỏng trước nhà số 12 đường Lê Lợi, hẻm 45 tối om. Tôi là Trần Thị Bình, SĐT 0903 123 456.');
  await page.getByRole('button', { name: 'Chọn trên bản đồ' }).click();
  const map = page.getByRole('application', { name: /Bản đồ phường\/xã/u });
  await map.waitFor();
  await page.locator('.ward-map-svg path.ward').first().waitFor();
  await page.getByRole('button', { name: 'Phóng to' }).click();
  await page.getByRole('button', { name: 'Phóng to' }).click();
  // A point near the middle of the map that lies inside a ward.
  const target = await page.evaluate(() => {
    const rect = document.querySelector('.ward-map-svg')!.getBoundingClientRect();
    let best: { x: number; y: number; code: string; d: number } | null = null;
    for (let gx = 0.1; gx < 0.9; gx += 0.05)
      for (let gy = 0.1; gy < 0.9; gy += 0.05) {
        const x = rect.left + rect.width * gx;
        const y = rect.top + rect.height * gy;
        const el = document.elementFromPoint(x, y);
        const code = el?.getAttribute('data-code');
        const d = Math.hypot(gx - 0.5, gy - 0.5);
        if (code && (!best || d < best.d)) best = { x, y, code, d };
      }
    return best;
  });
  assert.ok(target, 'a ward under the map');
  await page.touchscreen.tap(target.x, target.y);
  const found = page.getByText(/^Vị trí thuộc (Phường|Xã|Đặc khu) /u);
  await found.waitFor();
  const wardName = ((await found.textContent()) ?? '').replace('Vị trí thuộc ', '');
  assert.equal(await page.locator(`.ward-map-svg path.ward-picked[data-code="${target.code}"]`).count(), 1);
  assert.equal(geoRequests.length, 1);
  await shot(page, 'transparency-01-map-pick');

  await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
  await page.getByLabel('Số điện thoại').fill('0903 123 456');
  await page.getByRole('button', { name: /^Gửi/u }).click();
  await page.getByText(/GD-[0-9A-Z]{4}-[0-9A-Z]{4}/u).first().waitFor();

  await page.goto(`${server.url}/phan-anh`);
  await page.getByRole('heading', { name: 'Danh sách phản ánh' }).waitFor();
  const card = page.locator('.problem-card', { hasText: 'Đèn đường hỏng' });
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  const said = (await card.locator('.problem-text').textContent()) ?? '';
  for (const secret of ['Trần Thị Bình', '0903', '123 456', 'số 12', 'hẻm 45']) assert.ok(!text.includes(secret), `leaked ${secret}: ${text}`);
  assert.ok(!said.includes('Bình'), said);
  assert.match(said, /\[số nhà\] đường Lê Lợi/u);
  assert.match(text, /Mới tiếp nhận|Đã phân công|Đang xử lý/u);
  process.stdout.write(`# picked ${wardName}; listed as: ${text}\n`);
  await shot(page, 'transparency-02-list');

  await page.getByRole('link', { name: 'Xem trên bản đồ' }).click();
  await page.locator('.ward-map-svg circle.map-dot').first().waitFor();
  await shot(page, 'transparency-03-map');

  await page.getByRole('link', { name: 'Số liệu' }).click();
  await page.getByRole('heading', { name: 'Số liệu giải quyết phản ánh theo đơn vị' }).waitFor();
  await page.locator('.stats-table tbody tr').first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Tải CSV' }).getAttribute('href') !== null, true);
  await shot(page, 'transparency-04-stats');
  assert.deepEqual(errors, []);
});
