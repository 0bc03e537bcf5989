/**
 * The `pull` report (see ReportMode below): the detector leaves its detection in
 * its own world, and the background reads it there with `scripting.executeScript`, which runs in that
 * same world (the page cannot see it). Shared here so both sides name the same slots.
 */
import type { TabArticleState } from './messages';

/**
 * - `push`: the detector sends its first detection with `runtime.sendMessage`. In Chromium 156 the
 *   extension API's first use cost the page about 1 ms (November 2026, the bench's detector pass), and the message goes out at document_idle,
 *   which there can come well before the page's load event.
 * - `pull`: the detector only leaves its first detection in its own world (`DETECTED_SLOT`), and the
 *   background reads it with `scripting.executeScript` once the tab has loaded. In Firefox ESR 153 the
 *   API's first use cost the page about 16 ms (building the `browser` object; November 2026, profiler), against a few ms for the
 *   injection, and document_idle there already comes after the load event, so nothing is shown later.
 * Either way, looks again after a same-document navigation are sent as messages.
 */
export type ReportMode = 'push' | 'pull';

/** Where the detector leaves its latest detection. */
export const DETECTED_SLOT = '__lecternDetected';
/** Where a pull that came before the detection waits for it. */
export const WAITING_SLOT = '__lecternWaiting';
/** How long a pull waits for a detector that has not run yet (Firefox runs it after the load event). */
export const PULL_WAIT_MS = 5000;

export type DetectedSlot = {
  [DETECTED_SLOT]?: TabArticleState;
  [WAITING_SLOT]?: (state: TabArticleState | null) => void;
};

/**
 * The detector's side (Firefox's build only): leaves the latest detection where the background's
 * pull reads it (the content script's own world, which the page cannot see), and hands it to a pull
 * that came before it.
 */
export function leaveForPull(state: TabArticleState): void {
  const g = globalThis as DetectedSlot;
  g[DETECTED_SLOT] = state;
  const waiting = g[WAITING_SLOT];
  delete g[WAITING_SLOT];
  waiting?.(state);
}

/**
 * Runs in the tab, in the content script's world: serialized by executeScript, so it names nothing
 * from outside and gets the slots as arguments. Answers the detection, or waits for it, or answers
 * null when the detector never comes (a page it does not run in).
 */
export function readDetection(
  detected: string,
  waiting: string,
  waitMs: number,
): TabArticleState | null | Promise<TabArticleState | null> {
  const g = globalThis as unknown as Record<string, unknown>;
  const state = g[detected] as TabArticleState | undefined;
  if (state) return state;
  return new Promise((resolve) => {
    // Two pulls may wait at once (the tab finished loading twice): both get the answer.
    const earlier = g[waiting] as ((s: TabArticleState | null) => void) | undefined;
    const timer = setTimeout(() => {
      if (g[waiting] === answer) delete g[waiting];
      answer(null);
    }, waitMs);
    const answer = (s: TabArticleState | null): void => {
      clearTimeout(timer);
      earlier?.(s);
      resolve(s);
    };
    g[waiting] = answer;
  });
}

/** A pulled value is as untrusted as a message: only a well-formed state is believed. */
export function isTabArticleState(value: unknown): value is TabArticleState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof TabArticleState, unknown>>;
  return (
    typeof v.url === 'string' &&
    typeof v.isArticle === 'boolean' &&
    typeof v.confidence === 'number' &&
    typeof v.title === 'string' &&
    typeof v.signals === 'object' &&
    v.signals !== null
  );
}
