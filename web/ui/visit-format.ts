import type { Locale } from '../../contracts/enums.ts';
import type { Translate } from './i18n/translate.ts';
import { intlTag } from './i18n/translate.ts';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "15 phút", "4 giờ 40 phút": an elapsed time rounded to the minute; "—" when unknown. */
export function formatElapsed(ms: number | null, t: Translate): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('duration.minutes', { n: minutes });
  return t('duration.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** A visit slot in city time: "09:05–09:20 · 02/11/2026". */
export function formatSlot(slot: { startsAt: string; endsAt: string }, locale: Locale): string {
  const time = new Intl.DateTimeFormat(intlTag(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
  const day = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
  return `${time.format(new Date(slot.startsAt))}–${time.format(new Date(slot.endsAt))} · ${day.format(new Date(slot.startsAt))}`;
}

/** 4000 → "4.000 đ". */
export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}
