/**
 * A unit administrator writes a reply template (an unknown variable is refused); an officer inserts it into the
 * reply box of a case with "/" and the keyboard, filled from the case, and sends it. Screenshots go to
 * test-results/screenshots/. Needs `npm run build:web` first and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { shot, signInToConsole, withServerAndBrowser, type TestServer } from './support.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const signIn = (email: string, path: string, errors: string[]) => signInToConsole(server, browser, email, path, errors);

void test('a template written by the unit head is inserted with "/" by an officer, filled from the case, and sent', async () => {
  const errors: string[] = [];
  const opened = await fetch(`${server.url}/api/public/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Vỉa hè trước chợ Bến Thành bị lấn chiếm để bán hàng.', unitCode: '26740', contact: { name: 'Phạm Quốc Bảo', phone: '0912345678' } }),
  });
  const { trackingCode } = (await opened.json()) as { trackingCode: string };

  // --- The unit head writes the template ---
  const head = await signIn('truongphong.saigon@gandan.local', '/console/mau-tra-loi', errors);
  await head.getByRole('heading', { name: 'Mẫu trả lời', level: 1 }).waitFor();
  await head.getByRole('button', { name: 'Thêm mẫu' }).click();
  const form = head.getByTestId('reply-template-form');
  await form.getByLabel('Tên mẫu').fill('Đã chuyển đội trật tự');
  await form.getByLabel('Nội dung').fill('Kính gửi {formOfAddress}, {unitName} đã chuyển phản ánh {trackingCode} cho đội trật tự đô thị; kết quả trước {dueDate}. Thủ tục: {procedureName}. {hanXuLy}');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await form.getByText('Biến không tồn tại: {hanXuLy}').waitFor();
  await shot(head, 'templates-01-unknown-variable');
  const body = form.getByLabel('Nội dung');
  await body.fill((await body.inputValue()).replace(' {hanXuLy}', '\n{staffName}'));
  await form.getByRole('button', { name: 'Lưu' }).click();
  await head.getByTestId('reply-templates').getByText('Đã chuyển đội trật tự').waitFor();
  await shot(head, 'templates-02-saved');

  // --- An officer answers a case with it, from the keyboard ---
  const officer = await signIn('canbo.saigon@gandan.local', '/console/', errors);
  await officer.getByRole('link', { name: trackingCode }).click();
  await officer.getByRole('heading', { name: trackingCode, level: 1 }).waitFor();
  await officer.getByTestId('reply-window').waitFor();
  await officer.keyboard.press('r'); // the reply box shortcut
  await officer.keyboard.press('/');
  const picker = officer.getByTestId('template-picker');
  await picker.getByRole('option', { name: /Đã chuyển đội trật tự/ }).waitFor();
  await officer.keyboard.type('trat tu'); // filtering ignores diacritics
  await shot(officer, 'templates-03-picker');
  await officer.keyboard.press('Enter');
  await picker.waitFor({ state: 'detached' });
  const reply = officer.getByTestId('reply-form').getByRole('textbox');
  const text = await reply.inputValue();
  assert.match(text, new RegExp(`^Kính gửi ông/bà Phạm Quốc Bảo, UBND Phường Sài Gòn đã chuyển phản ánh ${trackingCode} cho đội trật tự đô thị; kết quả trước \\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}\\.`));
  assert.ok(text.endsWith('\nNguyễn Văn An'));
  // No procedure on this case: the officer is told, and the gap is marked in the text.
  assert.match(text, /\[chưa xác định thủ tục\]/);
  await officer.getByTestId('template-missing').getByText('tên thủ tục').waitFor();
  // The channel's window is still shown next to the box.
  await officer.getByTestId('reply-window').waitFor();
  await shot(officer, 'templates-04-inserted');

  await reply.fill(text.replace(' Thủ tục: [chưa xác định thủ tục].', ''));
  await officer.getByTestId('reply-form').getByRole('button', { name: 'Gửi trả lời' }).click();
  await officer.getByTestId('timeline').getByText(/đã chuyển phản ánh .* cho đội trật tự đô thị/).waitFor();
  await shot(officer, 'templates-05-sent');
  assert.deepEqual(errors, []);
});
