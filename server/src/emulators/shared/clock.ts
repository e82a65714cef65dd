/** The emulators' notion of "now" (epoch ms). Tests inject one; the control API can move it forward. */
export type EmulatorClock = { now(): number };

/** A clock that follows `base` plus an offset, so window rules can be tested by jumping ahead in time. */
export type ShiftableClock = EmulatorClock & { advance(ms: number): void; readonly offsetMs: number };

export function createShiftableClock(base: EmulatorClock = { now: () => Date.now() }): ShiftableClock {
  let offsetMs = 0;
  return {
    now: () => base.now() + offsetMs,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('advance(ms) needs a non-negative number');
      offsetMs += ms;
    },
    get offsetMs() {
      return offsetMs;
    },
  };
}

/** A manual clock for tests: time moves only when told to. */
export function createManualClock(startMs: number): EmulatorClock & { set(ms: number): void } {
  let nowMs = startMs;
  return { now: () => nowMs, set: (ms: number) => void (nowMs = ms) };
}
