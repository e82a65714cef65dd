/**
 * The portal against bad input and for people who do not use a mouse or see low contrast, in Chromium on a
 * phone-sized viewport: fake and huge images, a map point outside the city and script in the text each get a
 * clear message and store nothing (rows counted before and after); script is stored as text and shown escaped,
 * on the public list and in the console. Every portal page is audited for labels, names, text contrast and a
 * visible keyboard focus, and a report is sent with the keyboard alone. Screenshots: quality-*.png.
 */
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { shot, submitConsoleLogin, withServerAndBrowser, type TestServer } from './support.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const phone = () => browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });

async function counts(): Promise<{ cases: number; attachments: number; messages: number }> {
  const [r] = await server.db.query<{ cases: number; attachments: number; messages: number }>(
    'SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM attachments) AS attachments, (SELECT count(*)::int FROM messages) AS messages',
  );
  return r!;
}

/** A 1 KB PNG whose header declares 30000×30000 pixels. */
function pngBomb(): Buffer {
  const crc32 = (data: Buffer) => {
    let c = ~0;
    for (const byte of data) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30_000, 0);
  ihdr.writeUInt32BE(30_000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(90_000))), chunk('IEND', Buffer.alloc(0))]);
}

void test('bad input on the phone: clear messages, nothing stored; script is kept as text and shown escaped', async () => {
  const errors: string[] = [];
  const page = await phone();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' }).waitFor();
  const before = await counts();

  // A web page renamed to .jpg: the server decodes it and refuses it.
  await page.locator('input[type=file]').setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await page.getByRole('alert').filter({ hasText: 'Không đọc được ảnh này. Vui lòng chọn ảnh khác.' }).waitFor();
  // A tiny file that would decode to 2.7 GB.
  await page.locator('input[type=file]').setInputFiles({ name: 'bom.png', mimeType: 'image/png', buffer: pngBomb() });
  await page.getByRole('alert').filter({ hasText: 'Ảnh quá lớn. Tối đa 5 MB và 40 triệu điểm ảnh.' }).waitFor();
  // Over 5 MB: refused on the phone before any upload.
  await page.locator('input[type=file]').setInputFiles({ name: 'lon.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0xff) });
  await page.getByRole('alert').filter({ hasText: /5 MB/u }).first().waitFor();
  assert.equal(await page.getByRole('img', { name: /Ảnh đính kèm/u }).count(), 0, 'no refused photo is shown as attached');
  await shot(page, 'quality-01-bad-photos');

  // A tap on the map outside every ward is not kept.
  await page.getByRole('button', { name: 'Chọn trên bản đồ' }).tap();
  await page.locator('.ward-map-svg path.ward').first().waitFor();
  const outside = await page.evaluate(() => {
    const rect = document.querySelector('.ward-map-svg')!.getBoundingClientRect();
    for (let gy = 0.05; gy < 0.95; gy += 0.05)
      for (let gx = 0.05; gx < 0.95; gx += 0.05) {
        const x = rect.left + rect.width * gx;
        const y = rect.top + rect.height * gy;
        if (document.elementFromPoint(x, y)?.classList.contains('ward-map-svg')) return { x, y };
      }
    return null;
  });
  assert.ok(outside, 'the map shows some ground or sea outside the city');
  await page.touchscreen.tap(outside.x, outside.y);
  await page.getByRole('alert').filter({ hasText: 'Điểm này nằm ngoài Thành phố Hồ Chí Minh.' }).waitFor();
  assert.equal(await page.getByText(/Đã ghi nhận vị trí/u).count(), 0, 'the point outside is not kept');
  await shot(page, 'quality-02-outside-city');
  assert.deepEqual(await counts(), before, 'nothing stored by the refused photos and point');

  // Script in the text: accepted as text, stored as typed.
  const script = 'Ổ gà sâu <img src=x onerror="window.__pwned=1"> trước chợ <script>window.__pwned=2</script> rất nguy hiểm';
  await page.getByLabel('Nội dung phản ánh, kiến nghị').fill(script);
  await page.getByRole('button', { name: 'Gửi phản ánh' }).tap();
  const code = ((await page.getByTestId('tracking-code').textContent()) ?? '').trim();
  assert.match(code, /^GD-/u);
  const [stored] = await server.db.query<{ description: string }>('SELECT description FROM cases WHERE tracking_code = $1', [code]);
  assert.equal(stored?.description, script);
  await server.db.query(`UPDATE cases SET type = 'phan_anh' WHERE tracking_code = $1`, [code]);

  await page.goto(`${server.url}/phan-anh`);
  const card = page.locator('.problem-card', { hasText: 'Ổ gà sâu' });
  await card.waitFor();
  assert.equal(await card.locator('.problem-text').textContent(), script, 'shown literally');
  assert.equal(await card.locator('script, img[src=x]').count(), 0, 'no element made from the text');
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  await shot(page, 'quality-03-script-as-text');

  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  desk.on('pageerror', (e) => errors.push(e.message));
  await desk.goto(`${server.url}/console/`);
  await submitConsoleLogin(desk, server.staff.find((s) => s.role === 'city_admin')!);
  await desk.getByRole('link', { name: code }).click();
  await desk.getByRole('heading', { name: code, level: 1 }).waitFor();
  assert.equal(await desk.locator('.description').textContent(), script);
  assert.equal(await desk.locator('main script, main img[src=x]').count(), 0);
  assert.equal(await desk.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  await desk.close();
  assert.deepEqual(errors, []);
});

type Finding = { rule: string; what: string };

/** In-page audit: names of controls and images, text contrast (WCAG AA), one h1, the page language. */
async function audit(page: Page): Promise<Finding[]> {
  // tsx keeps function names with an `__name` helper that does not exist in the page.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(() => {
    const findings: { rule: string; what: string }[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const isVisible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
    };
    const nameOf = (el: Element): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy) return labelledBy.split(/\s+/u).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      const aria = el.getAttribute('aria-label');
      if (aria) return aria.trim();
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length > 0) return [...labels].map((l) => l.textContent ?? '').join(' ').trim();
      if (el.tagName === 'IMG') return el.getAttribute('alt') ?? '';
      if (el.tagName === 'BUTTON' || el.tagName === 'A') return (el.textContent ?? '').trim() || el.getAttribute('title') || '';
      return el.getAttribute('title') ?? '';
    };

    if (!document.documentElement.lang) findings.push({ rule: 'lang', what: 'html has no lang' });
    if (document.querySelectorAll('h1').length !== 1) findings.push({ rule: 'h1', what: `${document.querySelectorAll('h1').length} h1 elements` });
    for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], img, [role=application], [role=button]')) {
      const isFileInput = el instanceof HTMLInputElement && el.type === 'file';
      if (!isFileInput && !isVisible(el) && !(el instanceof HTMLInputElement && el.type === 'radio')) continue;
      if (el.tagName === 'IMG' && el.getAttribute('alt') === '' && el.getAttribute('aria-hidden') !== 'false') continue;
      if (!nameOf(el)) findings.push({ rule: 'name', what: describe(el) });
    }

    // Text contrast: each visible element with its own text against the first opaque background behind it.
    const parse = (c: string) => (c.match(/[\d.]+/gu) ?? []).map(Number) as [number, number, number, number?];
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const backgroundOf = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const [r, g, b, a = 1] = parse(getComputedStyle(e).backgroundColor);
        if (a > 0.9) return [r, g, b];
      }
      return [255, 255, 255];
    };
    for (const el of document.querySelectorAll('body *')) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!ownText || !isVisible(el) || el.closest('[disabled], [aria-disabled=true], .sr-only, svg, option')) continue;
      const s = getComputedStyle(el);
      const [r, g, b, a = 1] = parse(s.color);
      const bg = backgroundOf(el);
      const fg = [r * a + bg[0]! * (1 - a), g * a + bg[1]! * (1 - a), b * a + bg[2]! * (1 - a)];
      const [l1, l2] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(s.fontSize);
      const isLarge = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (isLarge ? 3 : 4.5)) findings.push({ rule: 'contrast', what: `${describe(el)} ${ratio.toFixed(2)}:1 (${s.color} on rgb(${bg.join(',')}))` });
    }
    return findings;
  });
}

/** Tabs through the page; every element reached shows a focus indicator. Returns what has none. */
async function unfocusable(page: Page, maxTabs = 60): Promise<string[]> {
  const missing: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      return { ring, what: `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ""} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"` };
    });
    if (!state) break;
    if (!state.ring) missing.push(state.what);
  }
  return missing;
}

void test('every portal page: labels and names, AA text contrast, visible keyboard focus; a report sent by keyboard alone', async () => {
  const created = await fetch(`${server.url}/api/public/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Đèn đường hỏng', unitCode: '26740' }) });
  const { trackingCode } = (await created.json()) as { trackingCode: string };
  const page = await phone();
  const pages: [string, string][] = [
    ['/', 'Gửi phản ánh, kiến nghị'],
    [`/track/${trackingCode}`, trackingCode],
    ['/thu-tuc', 'Tra cứu thủ tục hành chính'],
    ['/phan-anh', 'Danh sách phản ánh'],
    ['/ban-do', 'Bản đồ phản ánh'],
    ['/so-lieu', 'Số liệu giải quyết phản ánh theo đơn vị'],
  ];
  const report: string[] = [];
  for (const [path, heading] of pages) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { name: heading }).first().waitFor();
    await page.waitForLoadState('networkidle');
    for (const f of await audit(page)) report.push(`${path} ${f.rule}: ${f.what}`);
    for (const what of await unfocusable(page)) report.push(`${path} focus: no visible focus on ${what}`);
  }
  assert.deepEqual(report, [], report.join('\n'));

  // Keyboard only: skip link, the text, then Tab to the send button and Enter.
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Chuyển đến nội dung chính');
  await page.keyboard.press('Enter');
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA');
  }
  assert.ok(reached, 'the text box is reached by Tab');
  await page.keyboard.type('Cống thoát nước bị tắc, nước tràn lên vỉa hè.');
  let onSend = false;
  for (let i = 0; i < 30 && !onSend; i++) {
    await page.keyboard.press('Tab');
    onSend = await page.evaluate(() => document.activeElement?.textContent === 'Gửi phản ánh');
  }
  assert.ok(onSend, 'the send button is reached by Tab');
  await shot(page, 'quality-04-keyboard-focus-send');
  await page.keyboard.press('Enter');
  assert.match(((await page.getByTestId('tracking-code').textContent()) ?? '').trim(), /^GD-/u);
  await shot(page, 'quality-05-keyboard-sent');
});
