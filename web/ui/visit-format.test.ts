import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translate } from './i18n/translate.ts';
import { formatElapsed, formatSlot, formatVnd } from './visit-format.ts';

test('visit figures as staff and citizens read them', () => {
  const vi = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('vi', key, vars);
  const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
  const table: [number | null, string, string][] = [
    [null, '—', '—'],
    [15 * 60_000, '15 phút', '15 min'],
    [15 * 60_000 + 29_000, '15 phút', '15 min'],
    [280 * 60_000, '4 giờ 40 phút', '4 h 40 min'],
  ];
  for (const [ms, textVi, textEn] of table) {
    assert.equal(formatElapsed(ms, vi), textVi);
    assert.equal(formatElapsed(ms, en), textEn);
  }
  assert.equal(formatVnd(4000), '4.000 đ');
  assert.match(formatSlot({ startsAt: '2026-11-02T02:05:00Z', endsAt: '2026-11-02T02:20:00Z' }, 'vi'), /^09:05–09:20 · .*02\/11\/2026$/);
});
