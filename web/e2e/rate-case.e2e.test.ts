/**
 * After an officer resolves a case, the citizen rates it on the tracking page (phone viewport); the rating shows
 * on the page and on the case's timeline. Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { shot, withServerAndBrowser, type TestServer } from './support.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

void test('a citizen rates a resolved case on the tracking page', async () => {
  const created = await fetch(`${server.url}/api/public/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Ổ gà trước số 3 Đồng Khởi', unitCode: '26740' }) });
  const { trackingCode } = (await created.json()) as { trackingCode: string };
  const officer = server.staff.find((s) => s.email === 'canbo.saigon@gandan.local')!;
  const login = await fetch(`${server.url}/api/staff/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: officer.email, password: officer.password }) });
  const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
  const list = (await (await fetch(`${server.url}/api/staff/cases?q=${trackingCode}`, { headers })).json()) as { items: { id: string }[] };
  const id = list.items[0]!.id;
  for (const status of ['in_progress', 'resolved']) {
    const r = await fetch(`${server.url}/api/staff/cases/${id}/status`, { method: 'POST', headers, body: JSON.stringify({ status }) });
    assert.equal(r.status, 200);
  }
  const errors: string[] = [];
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/track/${trackingCode}`);
  await page.getByText('Bạn hài lòng với cách giải quyết?').waitFor();
  await page.locator('.stars label').nth(3).tap();
  assert.ok(await page.getByRole('radio', { name: '4 sao' }).isChecked(), 'the fourth star is chosen');
  await page.getByLabel('Góp ý thêm').fill('Phường sửa nhanh, cảm ơn.');
  await shot(page, '30-portal-rate');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByText('Bạn đã đánh giá 4/5. Cảm ơn bạn!').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Báo chưa xong, mở lại hồ sơ' }).isVisible(), 'reopening is still offered');
  await shot(page, '31-portal-rated');
  const detail = (await (await fetch(`${server.url}/api/staff/cases/${id}`, { headers })).json()) as { timeline: { kind: string }[] };
  assert.ok(detail.timeline.some((e) => e.kind === 'case.rated'));
  assert.deepEqual(errors, []);
});
