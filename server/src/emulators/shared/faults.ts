import type { EmulatorClock } from './clock.ts';

/**
 * How the emulated provider misbehaves: answer with a server error, with its rate-limit error, or not at all
 * (the request hangs until the client gives up). Used by tests and by the "make it fail" knob of the page.
 */
export type FaultKind = 'server-error' | 'rate-limit' | 'timeout';

/** `count` requests fail, or every request for `durationMs`; with neither, until cleared. */
export type FaultSpec = { kind: FaultKind; count?: number; durationMs?: number; /** Provider error code to use for 'rate-limit'. */ code?: number };

export type FaultState = { kind: FaultKind; remaining: number | null; untilMs: number | null; code?: number } | null;

export function createFaultSwitch(clock: EmulatorClock) {
  let state: FaultState = null;
  return {
    set(spec: FaultSpec): void {
      state = {
        kind: spec.kind,
        remaining: spec.count ?? null,
        untilMs: spec.durationMs === undefined ? null : clock.now() + spec.durationMs,
        ...(spec.code === undefined ? {} : { code: spec.code }),
      };
    },
    clear(): void {
      state = null;
    },
    /** The fault to apply to this request, if any; consumes one from a counted fault. */
    take(): { kind: FaultKind; code?: number; untilMs: number | null } | null {
      if (!state) return null;
      if (state.untilMs !== null && clock.now() >= state.untilMs) {
        state = null;
        return null;
      }
      if (state.remaining !== null) {
        if (state.remaining <= 0) {
          state = null;
          return null;
        }
        state.remaining -= 1;
      }
      return { kind: state.kind, untilMs: state.untilMs, ...(state.code === undefined ? {} : { code: state.code }) };
    },
    current(): FaultState {
      return state ? { ...state } : null;
    },
  };
}

export type FaultSwitch = ReturnType<typeof createFaultSwitch>;
