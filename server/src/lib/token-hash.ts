import { createHash } from 'node:crypto';

/** Session tokens are stored hashed; a leaked table yields no usable sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
