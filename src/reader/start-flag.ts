/** The reader bundle's "already started" flag, on a key that the page cannot clobber. */

/**
 * A symbol, not a property name: a page element `<div id="__lecternReader">` is reachable as
 * `window.__lecternReader` (named access on window), which a string-keyed flag would read as "started".
 * A content script's realm has its own symbol registry, so the page cannot reach this key either.
 */
export const STARTED = Symbol.for('lectern.reader.started');

/** True the first time it is called on a global object, false after that. */
export function claimStart(global: object): boolean {
  const g = global as Record<symbol, unknown>;
  if (g[STARTED] === true) return false;
  g[STARTED] = true;
  return true;
}
