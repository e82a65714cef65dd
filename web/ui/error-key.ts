import { ERROR_STATUS } from '../../contracts/errors.ts';
import type { MessageKey } from './i18n/translate.ts';

type ClientCode = 'NETWORK' | 'UNKNOWN';

/** The catalogue key for an error code, or null when the code is new to this client. */
export function errorKey(code: string): MessageKey | null {
  if (code === 'NETWORK' || code === 'UNKNOWN') return `error.${code satisfies ClientCode}`;
  if (code in ERROR_STATUS) return `error.${code as keyof typeof ERROR_STATUS}`;
  return null;
}
