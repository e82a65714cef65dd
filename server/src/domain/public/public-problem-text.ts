/**
 * The one rule for the text of a report shown publicly — the map and list of reported problems and Open311
 * `description`/`address` alike (docs/domain/transparency.md): the sender's known contact (name, phone, email as
 * given with the case) and self-introductions ("tôi là Nguyễn Văn An", "tên tôi là …") removed, then
 * `publicDescription` (redactPii: phones, ID numbers, emails, own address; then house numbers). Pure.
 */
import { publicDescription } from '../open311/public-text.ts';

export const NAME_PLACEHOLDER = '[tên]';
const SHORT_TEXT_CHARS = 280;

export type KnownContact = { name?: string | null; phone?: string | null; email?: string | null };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

// "tôi là Nguyễn Văn An", "tên tôi là Lê Thị B", "em tên Hoa": up to four capitalised words after the phrase.
const SELF_NAME_RE =
  /((?:[Tt]ôi|[Ee]m|[Mm]ình|[Cc]háu|[Cc]on|[Tt]ên tôi|[Tt]ên em|[Tt]ên mình|[Mm]y name)\s+(?:là|tên là|tên|is)\s+)\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,3}/gu;

function removeKnownContact(text: string, contact: KnownContact): string {
  let out = text;
  // The email first: its local part is often the given name.
  const email = contact.email?.trim();
  if (email) out = out.replace(new RegExp(escapeRe(email), 'giu'), '[email]');
  const name = contact.name?.trim();
  if (name && name.length >= 2) {
    // The whole name, and its last word when it is a given name of 2+ letters ("Mai" for "Chị Mai").
    const parts = name.split(/\s+/u);
    const given = parts[parts.length - 1] ?? '';
    for (const needle of [name, ...(parts.length > 1 && given.length >= 2 ? [given] : [])])
      out = out.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRe(needle)}(?![\\p{L}\\d])`, 'giu'), NAME_PLACEHOLDER);
  }
  const digits = contact.phone?.replace(/\D/gu, '') ?? '';
  if (digits.length >= 8) {
    const spaced = digits.split('').map(escapeRe).join('[\\s.\\-]?');
    out = out.replace(new RegExp(`(?<!\\d)(?:\\+?84[\\s.\\-]?|0)?${spaced.replace(/^0(\[\\s\.\\-\]\?)?/u, '')}(?!\\d)`, 'gu'), '[SĐT]');
  }
  return out;
}

/** The whole public text of a report (at most 4,000 characters), line breaks kept. */
export function publicReportText(text: string, contact: KnownContact = {}): string {
  return publicDescription(removeKnownContact(text.normalize('NFC'), contact).replace(SELF_NAME_RE, `$1${NAME_PLACEHOLDER}`));
}

/** `publicReportText` with whitespace folded and cut to 280 characters: the map popup and list card. */
export function publicProblemText(text: string, contact: KnownContact = {}): string {
  const flat = publicReportText(text, contact).replace(/\s+/gu, ' ').trim();
  return flat.length <= SHORT_TEXT_CHARS ? flat : `${flat.slice(0, SHORT_TEXT_CHARS - 1).trimEnd()}…`;
}

/** Rejected cases (abuse, not about the city) are never listed on the map, and Open311 shows no text or photo of them. */
export function isReportContentPublic(status: string): boolean {
  return status !== 'rejected';
}
