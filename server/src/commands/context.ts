import { randomBytes, randomInt } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { TriageEngine } from '../triage/triage-engine.ts';

/** Secure randomness, injectable so tests can pin codes and jitter. */
export type Random = { symbols(count: number, alphabetSize: number): number[]; token(bytes: number): string; unit(): number };

export const cryptoRandom: Random = {
  symbols: (count, size) => Array.from({ length: count }, () => randomInt(size)),
  token: (bytes) => randomBytes(bytes).toString('base64url'),
  unit: () => randomInt(1_000_000) / 1_000_000,
};

/** What every command receives: the database, the clock, randomness and the outbox wake-up. */
export type CommandContext = {
  db: Db;
  clock: Clock;
  random: Random;
  /** Base URL citizens use (links in acknowledgements). */
  publicUrl: string;
  /** Tells an in-process worker that new outgoing messages are waiting (other processes poll). */
  notifyOutbox: () => void;
  /** The first-pass classifier; without it cases keep the unit they were received by, unclassified. */
  triage?: TriageEngine;
};
