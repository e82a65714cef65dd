/**
 * Tracking codes look like GD-7K3Q-9MPX: 8 symbols of Crockford's base32 (no I, L, O, U). People read them
 * over the phone and retype them, so input is normalised the way the server parses it: upper case, spaces
 * and dashes dropped, O read as 0, I and L as 1.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 8;

/** Canonical form of a typed code, or null when it cannot be one. */
export function parseTrackingCode(input: string): string | null {
  let s = input.trim().toUpperCase().replace(/[\s.-]/g, '');
  if (s.startsWith('GD')) s = s.slice(2);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== SYMBOLS || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return `GD-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** The canonical code when the input parses, otherwise the trimmed input (the server then explains). */
export function normalizeTrackingCode(input: string): string {
  return parseTrackingCode(input) ?? input.trim().toUpperCase();
}

/** Path of the public tracking page for a code. */
export function trackingPath(code: string): string {
  return `/track/${encodeURIComponent(code)}`;
}

/** The code in a /track/<code> path, if any. */
export function codeFromTrackingPath(pathname: string): string | null {
  const match = /^\/track\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
