/**
 * Two consoles open at once: what one officer does appears on the other's screen without a reload (timeline,
 * inbox), and the bell rings when a deadline notification arrives. Screenshots go to test-results/screenshots/.
 * Needs `npm run build:web` first and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { shot, submitConsoleLogin, withServerAndBrowser, type TestServer } from './support.ts';
// eslint-disable-next-line no-restricted-imports -- the deadline sweep the worker runs every minute, run now
import { sweepDeadlines } from '../../server/src/commands/sweep-deadlines.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

async function signIn(email: string, errors: string[]): Promise<Page> {
  const account = server.staff.find((s) => s.email === email);
  assert.ok(account, `${email} is a demo account`);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/console/`);
  await submitConsoleLogin(page, account);
  await page.getByRole('heading', { name: 'Hồ sơ', level: 1 }).waitFor();
  // Survives only as long as the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  return page;
}

const wasNotReloaded = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

async function openCase(text: string): Promise<string> {
  const r = await fetch(`${server.url}/api/public/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, unitCode: '26740' }) });
  return ((await r.json()) as { trackingCode: string }).trackingCode;
}

void test('a note added in one console appears in another without reload; a new case appears in the inbox; the bell rings', async () => {
  const errors: string[] = [];
  const first = await openCase('Nắp cống trên đường Lê Lợi bị vỡ, rất nguy hiểm cho xe máy.');
  const officer = await signIn('canbo.saigon@gandan.local', errors);
  const head = await signIn('truongphong.saigon@gandan.local', errors);

  // Both open the same case.
  for (const page of [officer, head]) {
    await page.getByRole('link', { name: first }).click();
    await page.getByRole('heading', { name: first, level: 1 }).waitFor();
  }
  // The unit head writes an internal note; the officer's page shows it by itself.
  const note = 'Đã báo đội duy tu thay nắp cống trong chiều nay.';
  await head.getByTestId('note-form').getByRole('textbox').fill(note);
  await head.getByTestId('note-form').getByRole('button', { name: 'Lưu ghi chú' }).click();
  await officer.getByTestId('timeline').getByText(note).waitFor({ timeout: 15_000 });
  assert.equal(await wasNotReloaded(officer), true);
  await shot(officer, 'live-01-note-appears-on-other-console');

  // A citizen sends a new report while the head looks at the inbox: the row appears.
  await head.getByRole('link', { name: /Quay lại danh sách|Hồ sơ/ }).first().click();
  await head.getByRole('heading', { name: 'Hồ sơ', level: 1 }).waitFor();
  const second = await openCase('Đèn tín hiệu giao thông ở ngã tư Hàm Nghi không hoạt động.');
  await head.getByRole('link', { name: second }).waitFor({ timeout: 15_000 });
  assert.equal(await wasNotReloaded(head), true);
  await shot(head, 'live-02-new-case-in-inbox');

  // The deadline sweep notifies the unit head: the bell shows the count; the list links to the case.
  const bell = head.getByTestId('notification-bell');
  assert.equal(await bell.locator('.bell-count').count(), 0);
  const swept = await sweepDeadlines({ db: server.db }, new Date(Date.now() + 90 * 86_400_000));
  assert.ok(swept.notifications > 0);
  await bell.locator('.bell-count').waitFor({ timeout: 15_000 });
  await shot(head, 'live-03-bell-rings');
  await bell.click();
  await head.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
  const list = head.getByTestId('notifications');
  await list.getByRole('link', { name: first }).first().waitFor();
  await shot(head, 'live-04-notifications');
  await head.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
  await bell.locator('.bell-count').waitFor({ state: 'detached', timeout: 15_000 });
  await list.getByText('Đã đọc').first().waitFor();
  await shot(head, 'live-05-all-read');
  assert.equal(await wasNotReloaded(head), true);
  assert.deepEqual(errors, []);
});

void test('an officer mentions the unit head in a note with "@": her bell rings, the notification names him, the note marks her name', async () => {
  const errors: string[] = [];
  const code = await openCase('Cây xanh nghiêng sát nhà số 12 Nguyễn Huệ, gió mạnh có thể đổ.');
  const head = await signIn('truongphong.saigon@gandan.local', errors);
  await head.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click().catch(() => undefined);
  const officer = await signIn('canbo.saigon@gandan.local', errors);
  await officer.getByRole('link', { name: code }).click();
  await officer.getByRole('heading', { name: code, level: 1 }).waitFor();

  // "@" at the start of the note opens the list of colleagues who may read the case; typing filters it.
  const form = officer.getByTestId('note-form');
  const box = form.getByRole('textbox');
  await box.click();
  await box.press('@');
  const picker = officer.getByTestId('mention-picker');
  await picker.getByRole('option', { name: /Lê Thị Hoa/u }).waitFor();
  assert.equal(await picker.getByRole('option', { name: /Trần Minh Khoa/u }).count(), 0, 'an officer of another ward may not read the case');
  await picker.getByRole('combobox').fill('hoa');
  await shot(officer, 'live-06-mention-picker');
  await picker.getByRole('combobox').press('Enter');
  await box.pressSequentially('chị duyệt giúp xe cẩu chiều nay.');
  assert.equal(await box.inputValue(), '@Lê Thị Hoa chị duyệt giúp xe cẩu chiều nay.');
  await form.getByRole('button', { name: 'Lưu ghi chú' }).click();
  const saved = officer.getByTestId('timeline').locator('mark.mention', { hasText: '@Lê Thị Hoa' });
  await saved.waitFor();
  await shot(officer, 'live-07-note-with-mention');

  // The unit head, on her inbox, hears of it at once.
  const bell = head.getByTestId('notification-bell');
  await bell.locator('.bell-count').waitFor({ timeout: 15_000 });
  await bell.click();
  const item = head.getByTestId('notifications').getByRole('listitem').filter({ hasText: 'Bạn được nhắc đến trong ghi chú' });
  await item.getByText('bởi Nguyễn Văn An').waitFor();
  await shot(head, 'live-08-mention-notification');
  await item.getByRole('link', { name: code }).click();
  await head.getByTestId('timeline').locator('mark.mention', { hasText: '@Lê Thị Hoa' }).waitFor();
  assert.equal(await wasNotReloaded(head), true);
  assert.deepEqual(errors, []);
});
