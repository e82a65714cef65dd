/**
 * The seed's 15-minute certified copy at home: an officer offers slots from the case page, the citizen chooses one
 * on the tracking page (phone), the officer is dispatched, sets off, collects the documents and completes the visit
 * with fee and receipt; the case page and the report show 15 minutes from the first message. The server's clock is
 * a manual one set to 09:00 of the next working day under the city's calendar (in the future, so the session
 * cookie is valid for the browser), so slots and working hours do not depend on when this runs.
 * Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
// eslint-disable-next-line no-restricted-imports -- the e2e test reads the city's working calendar
import { loadUnitCalendar } from '../../server/src/commands/load-unit-calendar.ts';
// eslint-disable-next-line no-restricted-imports -- the e2e test reads the city's working calendar
import { addDays, localDateOf } from '../../server/src/domain/deadline/local-date.ts';
// eslint-disable-next-line no-restricted-imports -- the e2e test starts the real server with a manual clock
import { manualClock } from '../../server/src/lib/clock.ts';
// eslint-disable-next-line no-restricted-imports -- the e2e test starts the real server
import { startTestServer, type TestServer } from '../../server/test/test-server.ts';
import { launchBrowser, shot, submitConsoleLogin } from './support.ts';

const MIN = 60_000;
const clock = manualClock(new Date());
let server: TestServer;
let browser: Browser;
/** The next working day (YYYY-MM-DD, city time) and a later day that is not one. */
let day = '';
let dayOff = '';

before(async () => {
  server = await startTestServer({ start: { clock } });
  browser = await launchBrowser();
  const calendar = await loadUnitCalendar(server.db, null);
  day = localDateOf(calendar.addWorkingDays(new Date(), 1));
  dayOff = addDays(day, 1);
  while (calendar.isWorkingDay(dayOff)) dayOff = addDays(dayOff, 1);
  clock.set(new Date(`${day}T09:00:00+07:00`));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function fillSlot(page: Page, index: number, date: string, time: string) {
  const slot = page.locator('.visit-slot').nth(index);
  await slot.getByLabel('Ngày').fill(date);
  await slot.getByLabel('Bắt đầu').fill(time);
}

void test('a certified copy at home: offer, confirm on the portal, dispatch, complete, 15 minutes reported', async () => {
  const created = await fetch(`${server.url}/api/public/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Mẹ tôi 85 tuổi cần chứng thực bản sao sổ hộ khẩu, nhờ cán bộ đến nhà được không?', unitCode: '26740' }),
  });
  const { trackingCode } = (await created.json()) as { trackingCode: string };
  const [row] = await server.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [trackingCode]);
  const caseId = row!.id;
  const errors: string[] = [];

  // The officer offers two slots from the case page; a Saturday slot is refused first, with the reason.
  const officer = server.staff.find((s) => s.email === 'canbo.saigon@gandan.local')!;
  const consolePage = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  consolePage.on('pageerror', (e) => errors.push(e.message));
  await consolePage.goto(`${server.url}/console/cases/${caseId}`);
  await submitConsoleLogin(consolePage, officer);
  const panel = consolePage.getByTestId('visit-panel');
  await panel.waitFor();
  if (!(await panel.getByTestId('visit-offer').isVisible())) await panel.getByText('Đề nghị cán bộ đến tận nhà…').click();
  await panel.getByLabel('Thủ tục').selectOption('2.000815');
  await fillSlot(consolePage, 0, dayOff, '10:00');
  await panel.getByRole('button', { name: 'Gửi lịch hẹn cho người dân' }).click();
  await panel.getByText('Khung giờ 1: ngoài giờ làm việc của đơn vị').waitFor();
  await shot(consolePage, '40-console-visit-slot-refused');
  await fillSlot(consolePage, 0, day, '09:30');
  await panel.getByRole('button', { name: 'Thêm khung giờ' }).click();
  await fillSlot(consolePage, 1, day, '14:00');
  await shot(consolePage, '41-console-visit-offer');
  clock.advance(2 * MIN);
  await panel.getByRole('button', { name: 'Gửi lịch hẹn cho người dân' }).click();
  await panel.getByText('Chờ người dân chọn giờ').waitFor();

  // The citizen chooses the first slot on the tracking page, on a phone.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  phone.on('pageerror', (e) => errors.push(e.message));
  await phone.goto(`${server.url}/track/${trackingCode}`);
  await phone.getByText('Lịch cán bộ đến tận nhà').waitFor();
  await phone.getByText(/có thể cử cán bộ đến tận nhà Ông\/Bà/).first().waitFor();
  await shot(phone, '42-portal-visit-choose');
  clock.advance(MIN);
  await phone.getByRole('button', { name: /^Chọn 1: 09:30–09:45/ }).tap();
  await phone.getByTestId('track-visit-confirmed').waitFor();
  assert.match((await phone.getByTestId('track-visit-confirmed').textContent()) ?? '', /Lịch hẹn đã xác nhận: 09:30–09:45/);
  await shot(phone, '43-portal-visit-confirmed');

  // Back in the console: dispatch, on the way, documents collected, done with fee and receipt.
  await consolePage.reload();
  await panel.getByText('Người dân đã chọn giờ').waitFor();
  clock.advance(MIN);
  await panel.getByRole('button', { name: 'Cử cán bộ' }).click();
  await panel.getByText('Đã cử cán bộ').waitFor();
  clock.advance(MIN);
  await panel.getByRole('button', { name: 'Cán bộ lên đường' }).click();
  await panel.getByText('Cán bộ đang đến').waitFor();
  clock.advance(5 * MIN);
  await panel.getByRole('button', { name: 'Đã nhận hồ sơ tại nhà' }).click();
  await panel.getByTestId('visit-complete').waitFor();
  assert.equal(await panel.getByLabel('Lệ phí đã thu (đồng)').inputValue(), '2000', 'the catalogue fee is proposed');
  await panel.getByLabel('Lệ phí đã thu (đồng)').fill('4000');
  await panel.getByLabel('Số biên lai').fill('BL-2026/000777');
  await shot(consolePage, '44-console-visit-complete');
  clock.advance(5 * MIN);
  await panel.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
  await panel.getByTestId('visit-elapsed').waitFor();
  assert.equal(await panel.getByTestId('visit-elapsed').textContent(), '15 phút');
  await consolePage.getByText('Hoàn thành tại nhà — lệ phí 4.000 đ, 15 phút kể từ tin nhắn đầu tiên').waitFor();
  await shot(consolePage, '45-console-visit-done');

  // The report for the period: one visit, median and p90 of 15 minutes.
  await consolePage.goto(`${server.url}/console/bao-cao`);
  await consolePage.getByLabel('Từ ngày').fill(day);
  await consolePage.getByLabel('Đến ngày').fill(day);
  await consolePage.getByRole('button', { name: 'Xem' }).click();
  const table = consolePage.getByTestId('visits-table');
  await table.waitFor();
  const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
  assert.deepEqual(cells, ['Phường Sài Gòn', '1', '0', '0', '15 phút', '15 phút']);
  await table.scrollIntoViewIfNeeded();
  await shot(consolePage, '46-console-visit-report');

  // The citizen sees the visit done and every message about it.
  await phone.getByRole('button', { name: 'Tải lại' }).tap();
  await phone.getByText('Tình trạng: Hoàn thành').waitFor();
  await phone.getByText(/Đã hoàn thành thủ tục Chứng thực bản sao từ bản chính tại nhà/).waitFor();
  await shot(phone, '47-portal-visit-done');
  assert.deepEqual(errors, []);
});
