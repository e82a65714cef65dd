import { randomBytes, randomInt } from 'node:crypto';

/** A string of `length` digits not starting with 0, like the numeric ids both providers use. */
export function randomDigits(length: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

/** Lowercase hex, like Zalo message ids. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** URL-safe random token text. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
