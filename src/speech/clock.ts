/** Timers, injected so the player's watchdog and pauses run on jest's fake timers in tests. */

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** The global timers, looked up at each call (so fake timers installed later are used too). */
export function realClock(): Clock {
  return {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof globalThis.setTimeout>),
  };
}
