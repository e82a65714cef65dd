/**
 * City settings in the console: the working calendar (a city administrator adds a make-up working day and gives a
 * ward Saturday hours; the ward's administrator sees their unit and may only set its hours) and the routing rules
 * (try a message, add a rule, see the next case routed by it, a refused duplicate, switch it off, history, English).
 * Screenshots go to test-results/screenshots/. Needs `npm run build:web` and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, shot, signInToConsole } from './support.ts';
// eslint-disable-next-line no-restricted-imports -- the e2e test starts the real server
import { startTestServer, type TestServer } from '../../server/test/test-server.ts';
import type { Unit } from '../ui/api-types.ts';

const LIGHT = 'Đèn đường trên đường Nguyễn Huệ phường Bến Nghé quận 1 bị hỏng mấy hôm nay, tối đi rất nguy hiểm';

let server: TestServer;
let browser: Browser;
let units: Unit[];

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  units = (await (await fetch(`${server.url}/api/public/units`)).json()) as Unit[];
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (email: string, path: string, errors: string[]) => signInToConsole(server, browser, email, path, errors);

async function showYear(page: Page, year: number): Promise<void> {
  const shown = Number((await page.locator('.cal-year').textContent())?.replace(/\D/g, ''));
  for (let y = shown; y !== year; y += y < year ? 1 : -1) {
    await page.getByRole('button', { name: y < year ? 'Năm sau' : 'Năm trước' }).click();
    await page.locator('.cal-year', { hasText: String(y + (y < year ? 1 : -1)) }).waitFor();
  }
  await page.locator('[data-date="2026-01-01"]').waitFor();
}

const unitName = (code: string) => units.find((u) => u.code === code)!.fullName;

void test('a city administrator adds a make-up working day and sets a ward’s hours; the ward’s administrator edits only its hours', async () => {
  const errors: string[] = [];
  const admin = await signIn('admin@gandan.local', '/console/calendar', errors);
  await admin.getByRole('heading', { name: 'Lịch làm việc', level: 1 }).waitFor();
  await showYear(admin, 2026);
  const tet = admin.locator('[data-date="2026-02-17"]');
  assert.match((await tet.getAttribute('class')) ?? '', /cal-holiday/);
  assert.match((await tet.getAttribute('aria-label')) ?? '', /Tết Âm lịch \(mùng 1\)/);
  assert.match((await admin.locator('[data-date="2026-01-03"]').getAttribute('class')) ?? '', /cal-weekend/);
  await shot(admin, 'calendar-01-year-2026');

  const saturday = admin.locator('[data-date="2026-10-10"]');
  await saturday.click();
  const day = admin.getByTestId('day-panel');
  await day.getByText('Nghỉ cuối tuần').waitFor();
  await day.getByLabel('Loại ngày').selectOption('working_day');
  await day.getByLabel('Tên (tiếng Việt)').fill('Làm bù cho ngày nghỉ 2/9');
  await day.getByLabel('Tên (tiếng Anh)').fill('Make-up day for 2 September');
  await day.getByLabel(/Ghi chú: vì sao thay đổi/).fill('Thông báo số 12/TB-UBND');
  await day.getByRole('button', { name: 'Lưu' }).click();
  await admin.locator('[data-date="2026-10-10"].cal-working_day').waitFor();
  await day.getByText(/Thông báo số 12\/TB-UBND/).waitFor();
  await admin
    .getByTestId('settings-history')
    .getByText(/Sửa ngày 2026-10-10 \(Thành phố\): Thông báo số 12\/TB-UBND/)
    .waitFor();
  await shot(admin, 'calendar-02-make-up-day');

  await admin.getByRole('combobox', { name: /Lịch của đơn vị/ }).fill('sai gon');
  await admin.getByRole('option', { name: unitName('26740'), exact: true }).click();
  const hours = admin.getByTestId('hours-panel');
  await hours.getByText('Đơn vị dùng giờ làm việc chung của Thành phố.').waitFor();
  await hours.getByLabel('Thứ Bảy').fill('7:30-11:30');
  await hours.getByRole('button', { name: 'Lưu' }).click();
  await hours.getByText('Đơn vị có giờ làm việc riêng.').waitFor();
  await admin.locator('[data-date="2026-01-03"].cal-working').waitFor();
  await shot(admin, 'calendar-03-ward-hours');

  const head = await signIn('truongphong.saigon@gandan.local', '/console/calendar', errors);
  await showYear(head, 2026);
  await head.getByTestId('hours-panel').getByLabel('Thứ Bảy').waitFor();
  assert.equal(await head.getByTestId('hours-panel').getByLabel('Thứ Bảy').inputValue(), '07:30-11:30');
  await head.locator('[data-date="2026-09-02"]').click();
  await head.getByTestId('day-panel').getByText('Chỉ Quản trị Thành phố được sửa ngày nghỉ, ngày làm bù.').waitFor();
  assert.equal(await head.getByTestId('day-panel').getByRole('button', { name: 'Lưu' }).count(), 0);
  await shot(head, 'calendar-04-unit-admin');
  assert.deepEqual(errors, []);
});

void test('a city administrator tries a message, adds a rule, and the next case follows it; duplicates are refused; history and English', async () => {
  const errors: string[] = [];
  const admin = await signIn('admin@gandan.local', '/console/routing', errors);
  await admin.getByRole('heading', { name: 'Quy tắc điều phối', level: 1 }).waitFor();
  const box = admin.getByTestId('routing-test');
  await box.getByLabel('Nội dung tin nhắn').fill(LIGHT);
  await box.getByRole('button', { name: 'Thử' }).click();
  const result = admin.getByTestId('routing-test-result');
  await result.getByText(`Chuyển đến: ${unitName('26740')}`).waitFor();
  await result
    .getByText(/Chiếu sáng công cộng/)
    .first()
    .waitFor();
  await shot(admin, 'routing-01-test-message');

  await admin.getByRole('button', { name: 'Thêm quy tắc' }).click();
  const form = admin.getByTestId('rule-form');
  await form.getByLabel('Chiếu sáng công cộng').check();
  await form.getByRole('combobox', { name: /Đơn vị nhận/ }).fill('so xay dung');
  await admin.getByRole('option', { name: unitName('SXD'), exact: true }).click();
  await form.getByLabel('Diễn giải (tiếng Việt)').fill('Đèn đường hỏng → Sở Xây dựng (thí điểm)');
  await form.getByLabel('Diễn giải (tiếng Anh)').fill('Broken street lights → Department of Construction (pilot)');
  await form.getByLabel(/Thứ tự ưu tiên/).fill('25');
  await shot(admin, 'routing-02-new-rule-form');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await admin.getByText('Đã lưu. Áp dụng ngay cho hồ sơ tiếp theo.').waitFor();
  const rows = admin.getByTestId('routing-rules').locator('tbody tr');
  await rows.nth(2).getByText('Đèn đường hỏng → Sở Xây dựng (thí điểm)').waitFor();

  await box.getByRole('button', { name: 'Thử' }).click();
  await result.getByText(`Chuyển đến: ${unitName('SXD')}`).waitFor();
  await result.getByText('theo quy tắc số 3').waitFor();
  await result.getByText('Quy tắc: Đèn đường hỏng → Sở Xây dựng (thí điểm)').waitFor();
  await shot(admin, 'routing-03-rule-applies');

  // A real case from the portal, no ward chosen: routed by the new rule.
  const opened = await fetch(`${server.url}/api/public/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: LIGHT }),
  });
  const { trackingCode } = (await opened.json()) as { trackingCode: string };
  const view = (await (await fetch(`${server.url}/api/public/cases/${trackingCode}`)).json()) as { unit: { code: string } };
  assert.equal(view.unit.code, 'SXD');

  // The same conditions again: refused with its stable code, nothing added.
  await admin.getByRole('button', { name: 'Thêm quy tắc' }).click();
  await form.getByLabel('Chiếu sáng công cộng').check();
  await form.getByRole('combobox', { name: /Đơn vị nhận/ }).fill('cong an thanh pho');
  await admin.getByRole('option', { name: unitName('CATP'), exact: true }).click();
  await form.getByLabel('Diễn giải (tiếng Việt)').fill('Trùng điều kiện');
  await form.getByLabel('Diễn giải (tiếng Anh)').fill('Same conditions');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await form.getByText('Mã lỗi: ROUTING_RULE_DUPLICATE').waitFor();
  await shot(admin, 'routing-04-duplicate-refused');
  await form.getByRole('button', { name: 'Hủy' }).click();
  assert.equal(await rows.count(), 6);

  await rows.nth(2).getByRole('button', { name: 'Tắt', exact: true }).click();
  await rows.nth(2).getByText('Đã tắt').waitFor();
  await box.getByRole('button', { name: 'Thử' }).click();
  await result.getByText(`Chuyển đến: ${unitName('26740')}`).waitFor();
  const history = admin.getByTestId('settings-history');
  await history.getByText('Sửa quy tắc: Đèn đường hỏng → Sở Xây dựng (thí điểm)').waitFor();
  await history.getByText('Thêm quy tắc: Đèn đường hỏng → Sở Xây dựng (thí điểm)').waitFor();
  await shot(admin, 'routing-05-rule-off-history');

  await admin.getByRole('button', { name: /Ngôn ngữ/ }).click();
  await admin.getByRole('heading', { name: 'Routing rules', level: 1 }).waitFor();
  await shot(admin, 'routing-06-english');

  const officer = await signIn('canbo.saigon@gandan.local', '/console/routing', errors);
  await officer.getByText('Chỉ Quản trị Thành phố được sửa các quy tắc.').waitFor();
  assert.equal(await officer.getByRole('button', { name: 'Thêm quy tắc' }).count(), 0);
  assert.equal(await officer.getByRole('button', { name: 'Tắt', exact: true }).count(), 0);
  await shot(officer, 'routing-07-officer-read-only');
  assert.deepEqual(errors, []);
});
