import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * PGlite has no cross-process locking: two processes on one data directory silently lose writes. Whoever opens
 * the embedded database holds this lock; a crashed holder's lock goes stale after 10 s.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  return lockfile.lock(dataDir, { lockfilePath: lockPath(dataDir), stale: 10_000, update: 2_000, realpath: false });
}

export async function isDataDirLocked(dataDir: string): Promise<boolean> {
  return lockfile.check(dataDir, { lockfilePath: lockPath(dataDir), stale: 10_000, realpath: false }).catch(() => false);
}

export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

export function adminSocketPath(dataDir: string): string {
  return path.join(dataDir, 'gandan.sock');
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, 'gandan.lock');
}
