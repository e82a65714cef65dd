import type { Locale } from '../../contracts/enums.ts';
import { intlTag } from './i18n/translate.ts';

// Dates are shown in city time whatever the device's zone, so staff and citizens see the same clock.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
// dd/mm/yyyy in both languages: what Vietnamese forms use, and unambiguous for English readers here.
const DATE = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlTag(locale), { ...DATE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(date);
}

export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlTag(locale), { ...DATE, timeZone: TIME_ZONE }).format(date);
}

/** 5242880 → "5.0 MB"; used in file-size messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
