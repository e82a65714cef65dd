import type { Locale } from '../../../contracts/enums.ts';
import { en } from './en.ts';
import { vi, type Catalogue, type MessageKey } from './vi.ts';

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const catalogues: Record<Locale, Catalogue> = { vi, en };
export const DEFAULT_LOCALE: Locale = 'vi';

/** Looks a key up and fills {placeholders}; an unknown placeholder is left visible so it gets noticed. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = catalogues[locale][key] ?? vi[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Placeholder names used in a message, sorted; the catalogue test compares them across locales. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

/** BCP 47 tag for Intl formatting. */
export function intlTag(locale: Locale): string {
  return locale === 'vi' ? 'vi-VN' : 'en-GB';
}
