/**
 * The inbox as a unit head uses it to share out work: the overdue view, ticking cases with the keyboard (x) and the
 * mouse, taking them and moving them on together, and the all-or-nothing refusal naming the case that stopped it.
 * Screenshots go to test-results/screenshots/. Needs `npm run build:web` first and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { shot, submitConsoleLogin, withServerAndBrowser, type TestServer } from './support.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

async function openCase(text: string): Promise<string> {
  const r = await fetch(`${server.url}/api/public/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, unitCode: '26740' }) });
  return ((await r.json()) as { trackingCode: string }).trackingCode;
}

void test('a unit head opens the overdue view, ticks cases, takes them and moves them on together; a refusal changes nothing', async () => {
  const errors: string[] = [];
  const codes = [
    await openCase('Nắp cống vỡ trước số 40 Lê Lợi'),
    await openCase('Đèn đường tắt cả đoạn Hàm Nghi'),
    await openCase('Rác tồn đọng ở hẻm 15 Pasteur'),
  ];
  // Two of them are past their deadline (the clock ran out an hour ago); the third is closed already.
  await server.db.query("UPDATE cases SET due_at = now() - interval '1 hour', due_soon_at = now() - interval '1 day' WHERE tracking_code = ANY($1::text[])", [codes.slice(0, 2)]);
  await server.db.query("UPDATE cases SET status = 'closed', closed_at = now() WHERE tracking_code = $1", [codes[2]]);

  const account = server.staff.find((s) => s.email === 'truongphong.saigon@gandan.local')!;
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/console/`);
  await submitConsoleLogin(page, account);
  await page.getByRole('heading', { name: 'Hồ sơ', level: 1 }).waitFor();

  await page.getByRole('button', { name: 'Quá hạn', exact: true }).click();
  // The previous view's rows stay on screen while the overdue view loads (the table is aria-busy meanwhile): wait
  // for the overdue list itself before reading it.
  await page.waitForURL(/view=overdue/u);
  await page.locator('table[aria-busy="false"]').waitFor();
  await page.getByRole('link', { name: codes[2] }).waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
  await page.getByRole('link', { name: codes[0] }).waitFor();
  assert.equal(await page.getByRole('link', { name: codes[2] }).count(), 0, 'a closed case is not overdue');
  // The keyboard: the first row is highlighted; x ticks it, j moves down, x ticks the next.
  await page.locator('body').press('x');
  await page.locator('body').press('j');
  await page.locator('body').press('x');
  const bar = page.getByTestId('bulk-bar');
  await bar.getByText('Đã chọn 2 hồ sơ').waitFor();
  await shot(page, 'bulk-01-overdue-ticked');
  await bar.getByRole('button', { name: 'Nhận xử lý' }).click();
  await page.getByTestId('bulk-done').getByText('Đã cập nhật 2 hồ sơ.').waitFor();
  for (const code of codes.slice(0, 2)) await page.getByRole('row', { name: new RegExp(code, 'u') }).getByText('Lê Thị Hoa').waitFor();

  // Both to "in progress" with the mouse.
  for (const code of codes.slice(0, 2)) await page.getByRole('checkbox', { name: `Chọn hồ sơ ${code}` }).check();
  await bar.getByLabel('Chuyển trạng thái').selectOption({ label: 'Đang xử lý' });
  await bar.getByRole('button', { name: 'Áp dụng' }).nth(1).click();
  await page.getByTestId('bulk-done').waitFor();
  for (const code of codes.slice(0, 2)) await page.getByRole('row', { name: new RegExp(code, 'u') }).getByText('Đang xử lý').waitFor();
  await shot(page, 'bulk-02-taken-and-in-progress');

  // With the closed case among them, "waiting for the citizen" is refused (allowed for the case in progress, not
  // for the closed one, whichever the server reaches first) and nothing changes.
  await page.getByRole('button', { name: 'Của đơn vị', exact: true }).click();
  await page.getByRole('link', { name: codes[2] }).waitFor();
  await page.getByRole('checkbox', { name: `Chọn hồ sơ ${codes[2]}` }).check();
  await page.getByRole('checkbox', { name: `Chọn hồ sơ ${codes[1]}` }).check();
  await bar.getByLabel('Chuyển trạng thái').selectOption({ label: 'Chờ người dân bổ sung' });
  await bar.getByRole('button', { name: 'Áp dụng' }).nth(1).click();
  await bar.getByText(`hồ sơ ${codes[2]} không thực hiện được`).waitFor();
  await shot(page, 'bulk-03-refused');
  const [{ status }] = (await server.db.query<{ status: string }>('SELECT status FROM cases WHERE tracking_code = $1', [codes[1]])) as [{ status: string }];
  assert.equal(status, 'in_progress', 'nothing changed');
  assert.deepEqual(errors, []);
});
