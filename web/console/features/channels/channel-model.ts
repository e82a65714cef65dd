/**
 * Pure rules of the channels page: token expiry state, alerts for the top bar, client-side field checks, server
 * field errors, the units an admin may pick, and the catalogue keys of fields. Tested in channel-model.test.ts.
 */
import type { StaffRole } from '../../../../contracts/enums.ts';
import type { ChannelAccountView, ChannelFormField, Unit } from '../../../ui/api-types.ts';
import { vi } from '../../../ui/i18n/vi.ts';
import type { MessageKey } from '../../../ui/i18n/translate.ts';

const DAY_MS = 24 * 3_600_000;

/** Mirrors the server's grant of channel.manage (domain/access/permissions.ts); the server still decides. */
export function canManageChannels(role: StaffRole): boolean {
  return role === 'city_admin' || role === 'unit_admin';
}

export type TokenState = 'ok' | 'soon' | 'expired' | 'unknown';

/** Warn when the access token expires within 24 h, already did, or its expiry is not known yet. */
export function tokenState(account: Pick<ChannelAccountView, 'accessTokenExpiresAt'>, now: Date): TokenState {
  if (!account.accessTokenExpiresAt) return 'unknown';
  const left = new Date(account.accessTokenExpiresAt).getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left < DAY_MS ? 'soon' : 'ok';
}

export type ChannelAlerts = { reauth: number; expiring: number };

/** What the top-bar banner reports: accounts needing re-authorisation, and tokens expiring within 24 h. */
export function channelAlerts(accounts: readonly ChannelAccountView[], now: Date): ChannelAlerts {
  let reauth = 0;
  let expiring = 0;
  for (const account of accounts) {
    if (account.health === 'needs_reauth') reauth++;
    else if (account.tokenExpiresSoon || ['soon', 'expired'].includes(tokenState(account, now))) expiring++;
  }
  return { reauth, expiring };
}

export type FieldProblem = 'required' | 'pattern' | 'tooShort' | 'tooLong' | 'invalid';

/** The check the server will make, done first so a typo is shown beside its field without a round trip. */
export function checkField(field: ChannelFormField, raw: string): FieldProblem | null {
  const value = raw.trim();
  if (value === '') return field.required ? 'required' : null;
  if (field.minLength !== null && value.length < field.minLength) return 'tooShort';
  if (field.maxLength !== null && value.length > field.maxLength) return 'tooLong';
  if (field.pattern !== null) {
    try {
      if (!new RegExp(field.pattern, 'u').test(value)) return 'pattern';
    } catch {
      // A pattern JavaScript cannot read: leave it to the server.
    }
  }
  return null;
}

export function checkFields(fields: readonly ChannelFormField[], values: Record<string, string>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const problem = checkField(field, values[field.name] ?? '');
    if (problem) problems[field.name] = problem;
  }
  return problems;
}

/** CHANNEL_CONFIG_INVALID details ({field, code}[]) → one problem per field; anything else → {}. */
export function serverFieldProblems(details: unknown, values: Record<string, string>): Record<string, FieldProblem> {
  if (!Array.isArray(details)) return {};
  const problems: Record<string, FieldProblem> = {};
  for (const item of details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, code } = item as { field?: unknown; code?: unknown };
    if (typeof field !== 'string' || field === '') continue;
    const isEmpty = (values[field] ?? '').trim() === '';
    problems[field] =
      code === 'invalid_type' && isEmpty
        ? 'required'
        : code === 'invalid_format'
          ? 'pattern'
          : code === 'too_small'
            ? isEmpty
              ? 'required'
              : 'tooShort'
            : code === 'too_big'
              ? 'tooLong'
              : 'invalid';
  }
  return problems;
}

/** The configuration to send: trimmed values, empty ones left out so the channel's defaults apply. */
export function configToSend(fields: readonly ChannelFormField[], values: Record<string, string>): Record<string, string> {
  const config: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value !== '') config[field.name] = value;
  }
  return config;
}

/** The staff member's unit and every unit below it (units carry their parent's code), in list order. */
export function unitsInScope(units: readonly Unit[], rootCode: string): Unit[] {
  const inScope = new Set([rootCode]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentCode && inScope.has(unit.parentCode) && !inScope.has(unit.code)) {
        inScope.add(unit.code);
        grew = true;
      }
    }
  }
  return units.filter((unit) => inScope.has(unit.code));
}

function known(key: string): MessageKey | null {
  return key in vi ? (key as MessageKey) : null;
}

/** Catalogue keys of a form field's label and help text (`channelField.<channel>.<field>[.hint]`); null when absent. */
export function fieldKeys(channel: string, name: string): { label: MessageKey | null; hint: MessageKey | null } {
  return { label: known(`channelField.${channel}.${name}`), hint: known(`channelField.${channel}.${name}.hint`) };
}

/** Catalogue key of a health reason code, or null for a code this client does not know (shown as the code). */
export function reasonKey(code: string): MessageKey | null {
  return known(`channels.reason.${code}`);
}
