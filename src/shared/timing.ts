/**
 * Lectern's User Timing entries (`lectern:detect`, `lectern:extract`, `lectern:render`, and the
 * detector's `lectern:detector-retired`) go into the page's own performance timeline, which every
 * script of the page can read. On the web they would tell any site that its reader uses Lectern, an
 * assistive tool, on every page load (the reason the fonts are web-accessible only at dynamic URLs).
 * So they are recorded only on pages served from this machine's loopback: `npm run bench` and the
 * tests serve from 127.0.0.1, as a developer's own server does. Nowhere else do they exist.
 */
import { urlParts } from './url-parts';

/**
 * Whether a page's host is this machine's loopback (as `location.hostname` spells it): 127.x.x.x,
 * localhost or [::1]. String tests only, as src/shared/url-parts.ts says why: this runs on every page.
 */
export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const parts = hostname.split('.');
  if (parts.length !== 4 || parts[0] !== '127') return false;
  for (const part of parts) {
    if (part.length < 1 || part.length > 3) return false;
    for (let i = 0; i < part.length; i++) if (part[i]! < '0' || part[i]! > '9') return false;
  }
  return true;
}

/** The page's address read as `document.URL`: no Location object is built for it. */
const recording = (): boolean => isLoopback(urlParts(document.URL)?.host ?? '');

/** Records the User Timing measure `name` from `start` to now, on a loopback page only. */
export function measure(name: string, start: number): void {
  if (recording()) performance.measure(name, { start, end: performance.now() });
}

/** Records the User Timing mark `name`, on a loopback page only. */
export function mark(name: string): void {
  if (recording()) performance.mark(name);
}
