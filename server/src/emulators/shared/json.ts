/**
 * JSON with every non-ASCII character written as a lowercase `\uXXXX` escape, as Meta sends webhook bodies
 * (facebook spec §2.3). Code that re-serialises the parsed body gets a different signature, which is the point.
 */
export function toEscapedUnicodeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
