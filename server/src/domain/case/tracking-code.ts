/**
 * Tracking codes: `GD-XXXX-XXXX`, 8 symbols of Crockford's base32 (no I, L, O, U), 40 random bits.
 * Short enough to read over the phone; reading mistakes (O for 0, I or L for 1, lower case, missing dashes)
 * are forgiven by `parseTrackingCode`.
 */
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 8;

/** Builds a code from 8 random integers in [0, 32) (the caller supplies the randomness). */
export function formatTrackingCode(symbols: readonly number[]): string {
  if (symbols.length !== SYMBOLS || symbols.some((s) => !Number.isInteger(s) || s < 0 || s >= 32)) {
    throw new Error('formatTrackingCode needs 8 integers in [0, 32)');
  }
  const chars = symbols.map((s) => TRACKING_ALPHABET[s]).join('');
  return `GD-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Canonical form of a code as typed or read aloud, or null when it cannot be one. */
export function parseTrackingCode(input: string): string | null {
  let s = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (s.startsWith('GD')) s = s.slice(2);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== SYMBOLS || [...s].some((c) => !TRACKING_ALPHABET.includes(c))) return null;
  return `GD-${s.slice(0, 4)}-${s.slice(4)}`;
}
