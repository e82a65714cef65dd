/**
 * A city admin connects a Zalo OA through the console's generated form (invalid values first), sees it healthy,
 * sees the top-bar warning once it needs re-authorisation, and reconnects it. Nothing is sent to Zalo, so no
 * emulator runs. Screenshots go to test-results/screenshots/. Needs `npm run build:web` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { shot, submitConsoleLogin, withServerAndBrowser, type TestServer } from './support.ts';


/** Fake but well-formed Zalo credentials. */
const OA = {
  oaId: '2718281828459045235',
  appId: '3141592653589793238',
  oaSecretKey: 'oaSecretE2E-7f3k9QmZ',
  accessToken: 'accessTokenE2E-Zq81xVbN',
  refreshToken: 'refreshTokenE2E-Lm42pRtY',
  appSecret: 'appSecretE2E-Hd73sWqK',
};
const LABELS: Record<keyof typeof OA, string> = {
  oaId: 'ID Official Account (OA ID)',
  appId: 'ID ứng dụng (App ID)',
  oaSecretKey: 'Khóa bí mật OA (OA Secret Key)',
  accessToken: 'Mã truy cập (Access token)',
  refreshToken: 'Mã làm mới (Refresh token)',
  appSecret: 'Khóa bí mật ứng dụng (App Secret)',
};

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

async function signIn(page: Page, role: string): Promise<void> {
  const who = server.staff.find((s) => s.role === role);
  assert.ok(who, `the seed has a ${role}`);
  await page.goto(`${server.url}/console/`);
  await submitConsoleLogin(page, who);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

void test('a city admin connects a Zalo OA through the form and watches its health', async () => {
  const errors: string[] = [];
  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  desk.on('pageerror', (error) => errors.push(error.message));
  const responses: string[] = [];
  desk.on('response', (r) => {
    if (r.url().includes('/api/staff/channels'))
      void r.text().then(
        (body) => responses.push(body),
        () => undefined,
      );
  });
  await signIn(desk, 'city_admin');

  // The set-up pages sit behind one menu in the bar; every link stays visible at 1366 px.
  await desk.getByRole('button', { name: 'Thiết lập' }).click();
  await shot(desk, 'ch-00-setup-menu');
  await desk.getByRole('link', { name: 'Kênh kết nối' }).click();
  await desk.getByRole('heading', { name: 'Kênh kết nối', level: 1 }).waitFor();
  assert.equal(await desk.getByRole('button', { name: 'Thiết lập: Kênh kết nối' }).count(), 1, 'the menu button names the open set-up page');
  assert.equal(await desk.getByRole('link', { name: 'Mẫu xác nhận' }).count(), 0, 'the menu closed on navigation');
  await desk.getByText('Chưa có kênh nào được kết nối.').waitFor();
  await shot(desk, 'ch-01-empty');

  // --- An invalid form: errors beside the fields, nothing stored ---
  await desk.getByRole('button', { name: 'Kết nối kênh mới' }).click();
  const form = desk.getByTestId('channel-form');
  await form.getByRole('combobox', { name: 'Kênh', exact: true }).selectOption('zalo');
  await form.getByLabel(LABELS.oaId).fill('OA Sài Gòn');
  await form.getByLabel(LABELS.appId).fill(OA.appId);
  await form.getByRole('button', { name: 'Lưu và kết nối' }).click();
  await form.getByText('Vui lòng sửa 5 trường được đánh dấu.').waitFor();
  const oaBox = form.getByLabel(LABELS.oaId);
  assert.equal(await oaBox.getAttribute('aria-invalid'), 'true');
  assert.ok(await oaBox.evaluate((el) => el === document.activeElement), 'the first invalid field gets focus');
  assert.equal(
    await form.locator(`#${await oaBox.getAttribute('id')}-error`.replace(/:/g, '\\:')).textContent(),
    'Sai định dạng.',
  );
  assert.equal(await form.getByText('Vui lòng nhập trường này.').count(), 4, 'four empty secrets');
  for (const secret of ['oaSecretKey', 'accessToken', 'refreshToken', 'appSecret'] as const) {
    assert.equal(await form.getByLabel(LABELS[secret]).getAttribute('type'), 'password', `${secret} is a password input`);
  }
  await shot(desk, 'ch-02-form-invalid');
  const stored = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM channel_accounts');
  assert.equal(stored[0]!.n, 0, 'nothing stored');

  // --- The valid form ---
  const unitBox = form.getByRole('combobox', { name: /Đơn vị phụ trách/ });
  await unitBox.fill('sai gon');
  await desk.getByRole('option', { name: 'Phường Sài Gòn', exact: true }).click();
  await form.getByLabel('Tên hiển thị').fill('Zalo OA Phường Sài Gòn');
  for (const [name, value] of Object.entries(OA)) await form.getByLabel(LABELS[name as keyof typeof OA]).fill(value);
  await shot(desk, 'ch-03-form-filled');
  // The server's own field errors land beside the field too (one request altered on the way, as a stale form would).
  await desk.route(
    '**/api/staff/channels',
    (route) => {
      const body = route.request().postDataJSON() as { config: Record<string, string> };
      return route.continue({ postData: JSON.stringify({ ...body, config: { ...body.config, refreshToken: undefined } }) });
    },
    { times: 1 },
  );
  await form.getByRole('button', { name: 'Lưu và kết nối' }).click();
  await form.getByText('Vui lòng sửa 1 trường được đánh dấu.').waitFor();
  assert.equal(
    await form.getByLabel(LABELS.refreshToken).getAttribute('aria-invalid'),
    'true',
    'the server error is shown beside its field',
  );
  assert.equal(
    (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM channel_accounts'))[0]!.n,
    0,
    'still nothing stored',
  );
  await shot(desk, 'ch-03b-server-field-error');
  await form.getByLabel(LABELS.refreshToken).fill(OA.refreshToken);
  await form.getByRole('button', { name: 'Lưu và kết nối' }).click();
  await desk.getByText(`Đã kết nối Zalo ${OA.oaId}.`).waitFor();
  const row = desk.locator(`tr[data-account="${OA.oaId}"]`);
  await row.getByText('Hoạt động tốt').waitFor();
  assert.ok(await row.getByRole('cell', { name: 'Phường Sài Gòn', exact: true }).isVisible());
  assert.ok(await row.getByText('Chưa rõ hạn').isVisible(), 'a pasted token has no known expiry yet');
  await shot(desk, 'ch-04-connected');
  assert.equal(await desk.getByTestId('channel-banner').count(), 0, 'no banner while healthy');

  // --- Needs re-authorisation: banner on every page, badge with the reason, reconnect ---
  await server.db.query("UPDATE channel_accounts SET health = 'needs_reauth', health_reason = 'ZALO_REFRESH_REJECTED'");
  await desk.reload();
  const banner = desk.getByTestId('channel-banner');
  await banner.getByText('1 kênh cần kết nối lại').waitFor();
  await row.getByText('Cần kết nối lại').waitFor();
  assert.ok(await row.getByText('Zalo từ chối làm mới mã truy cập').isVisible());
  await shot(desk, 'ch-05-needs-reauth');
  await desk.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await banner.waitFor();
  await shot(desk, 'ch-06-banner-inbox');
  await banner.getByRole('link', { name: 'Xem kênh kết nối' }).click();
  await row.getByRole('button', { name: 'Kết nối lại Zalo OA Phường Sài Gòn' }).click();
  await desk.getByRole('heading', { name: `Kết nối lại Zalo ${OA.oaId}` }).waitFor();
  assert.equal(await form.getByLabel(LABELS.accessToken).inputValue(), '', 'secrets are never filled back');
  for (const [name, value] of Object.entries(OA)) await form.getByLabel(LABELS[name as keyof typeof OA]).fill(value);
  await shot(desk, 'ch-07-reconnect');
  await form.getByRole('button', { name: 'Lưu và kết nối' }).click();
  await desk.getByText(`Đã cập nhật Zalo ${OA.oaId}.`).waitFor();
  await row.getByText('Hoạt động tốt').waitFor();
  await banner.waitFor({ state: 'detached' });

  // --- English, for the layout with longer words ---
  await desk.getByRole('button', { name: /Ngôn ngữ/ }).click();
  await desk.getByRole('heading', { name: 'Connected channels', level: 1 }).waitFor();
  await desk.getByRole('button', { name: 'Connect a channel' }).click();
  await desk.getByTestId('channel-form').getByRole('button', { name: 'Save and connect' }).click();
  await shot(desk, 'ch-08-english-form');

  const html = await desk.content();
  for (const secret of Object.values(OA).slice(2)) {
    assert.ok(!html.includes(secret), 'no secret in the page');
    assert.ok(!responses.some((body) => body.includes(secret)), 'no secret in any channels response');
  }
  assert.deepEqual(errors, [], 'no uncaught errors in the pages');
  await desk.close();
});

void test('an officer sees no channel administration in the navigation', async () => {
  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  await signIn(desk, 'officer');
  await desk.getByRole('button', { name: 'Thiết lập' }).click();
  await desk.getByRole('link', { name: 'Lịch làm việc' }).waitFor();
  assert.equal(await desk.getByRole('link', { name: 'Kênh kết nối' }).count(), 0);
  // Escape closes the menu and gives the focus back to its button.
  await desk.keyboard.press('Escape');
  assert.equal(await desk.getByRole('link', { name: 'Lịch làm việc' }).count(), 0);
  assert.equal(await desk.evaluate(() => document.activeElement?.textContent?.trim()), 'Thiết lập ▾');
  await desk.close();
});
