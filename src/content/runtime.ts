/**
 * The always-on detector's only handle on the extension: `runtime.id` and `runtime.sendMessage`. Both
 * browsers' MV3 namespaces (`browser` in Firefox, `chrome` in Chrome) already return promises for these
 * two, so every page is spared parsing webextension-polyfill (about two thirds of the detector's bytes
 * before this). Everything else in Lectern goes through the polyfill in src/shared/browser.ts.
 */
export interface DetectorRuntime {
  /** Gone once the extension was reloaded or updated under the page. */
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

export function runtime(): DetectorRuntime | undefined {
  const g = globalThis as { browser?: { runtime?: DetectorRuntime }; chrome?: { runtime?: DetectorRuntime } };
  return (g.browser ?? g.chrome)?.runtime;
}
