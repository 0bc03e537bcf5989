/**
 * Lectern's User Timing entries (`lectern:detect`, `lectern:extract`, `lectern:render`, and the
 * detector's `lectern:detector-retired`) go into the page's own performance timeline, which every
 * script of the page can read. On the web they would tell any site that its reader uses Lectern, an
 * assistive tool, on every page load (the reason the fonts are web-accessible only at dynamic URLs).
 * So they are recorded only on pages served from this machine's loopback: `npm run bench` and the
 * tests serve from 127.0.0.1, as a developer's own server does. Nowhere else do they exist.
 */
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;

/** Whether a page's host is this machine's loopback (as `location.hostname` spells it). */
export function isLoopback(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

const recording = (): boolean => isLoopback(location.hostname);

/** Records the User Timing measure `name` from `start` to now, on a loopback page only. */
export function measure(name: string, start: number): void {
  if (recording()) performance.measure(name, { start, end: performance.now() });
}

/** Records the User Timing mark `name`, on a loopback page only. */
export function mark(name: string): void {
  if (recording()) performance.mark(name);
}
