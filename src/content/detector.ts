/** The always-on detector (http(s) top frames): detection and messaging only; never throws into the page. */
import { scriptStart } from './script-start';
import { detectArticle } from '../extract/detect';
import { envelope, type TabArticleState } from '../shared/messages';
import { runtime } from './runtime';
import { mark, measure } from '../shared/timing';

const MEASURE = 'lectern:detect';
/** Same-document navigations settle (new content rendered) before we look again. */
const REDETECT_DELAY_MS = 600;

let lastUrl = '';
/** Whether the background was last told of an article in this document. */
let saidArticle = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let retired = false;
/** Set in Firefox (`pull`): leaves a detection where the background's pull reads it. */
let leaveForPull: ((state: TabArticleState) => void) | undefined;
const teardown: (() => void)[] = [];

/**
 * The extension was reloaded or updated under this page: this copy is orphaned. It stops watching,
 * says nothing to the page's console, and leaves one User Timing mark as its only trace. (Also how
 * the unit tests stop each copy they load.)
 */
export function retire(): void {
  if (retired) return;
  retired = true;
  clearTimeout(timer);
  for (const undo of teardown.splice(0)) undo();
  mark('lectern:detector-retired');
}

/**
 * Detects, and tells the background when there is news: an article, or the article of a moment ago
 * gone (a single-page site moved on). On load in `push` mode, a page with no article sends nothing and
 * never touches the extension API: the background already shows "no article" for every new document,
 * and the popup reads no word as none. In `pull` mode nothing on load touches the API. A look again
 * after a same-document navigation always asks the API first, which is how an orphaned copy learns it
 * is one. The measure runs from `start` to the message sent (or the detection left for the pull).
 */
function report({ start, onLoad }: { start: number; onLoad: boolean }): void {
  if (retired) return;
  try {
    // runtime.id disappears when the extension is reloaded or updated.
    if (!onLoad && !runtime()?.id) {
      retire();
      return;
    }
    // document.URL, not location.href: the same address (history.pushState changes both), without
    // building a Location object in this world (src/shared/url-parts.ts says what that costs).
    const detection = detectArticle(document, document.URL);
    lastUrl = document.URL;
    const state = (): TabArticleState => ({
      url: document.URL,
      isArticle: detection.isArticle,
      confidence: detection.confidence,
      title: document.title.trim(),
      signals: detection.signals,
    });
    if (onLoad && leaveForPull) {
      leaveForPull(state());
      saidArticle = detection.isArticle;
    } else if (detection.isArticle || saidArticle) {
      const api = runtime();
      if (!api?.id) {
        retire();
        return;
      }
      const now = state();
      leaveForPull?.(now); // a later pull (the tab loading again) reads the latest
      saidArticle = detection.isArticle;
      api.sendMessage(envelope('cs-bg:detected', now)).catch(() => {
        if (!runtime()?.id) retire();
      });
    }
    measure(MEASURE, start);
  } catch {
    // "Extension context invalidated" is thrown synchronously by some browsers.
    retire();
  }
}

function scheduleRedetect(): void {
  if (retired || document.URL === lastUrl) return;
  clearTimeout(timer);
  timer = setTimeout(() => report({ start: performance.now(), onLoad: false }), REDETECT_DELAY_MS);
}

/**
 * Starts watching and detects once: called by the browser's entry, once. How the first detection
 * reaches the background depends on the browser (`ReportMode` in src/shared/pull.ts), so each has its
 * own small entry (detector.chrome.ts, detector.firefox.ts): Firefox's passes `leaveDetection` (its
 * `pull` report), and the first detection is left for the background instead of sent.
 */
export function startDetector(leaveDetection?: (state: TabArticleState) => void): void {
  if (window.top !== window) return;
  leaveForPull = leaveDetection;
  // Single-page news sites change articles with history.pushState, which a content script cannot hook
  // (its world is isolated). The Navigation API tells of every same-document navigation (push,
  // replace, traversal, fragment) in both browsers Lectern supports today: one listener, and nothing
  // runs until a navigation. Only where it is missing (older Firefox) do popstate and a change of the
  // <title> stand in, watched by an observer that runs on every change to <head>. Either way the look
  // again is debounced and compares URLs, so no work is done per mutation.
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav) {
    nav.addEventListener('navigatesuccess', scheduleRedetect);
    teardown.push(() => nav.removeEventListener('navigatesuccess', scheduleRedetect));
  } else {
    addEventListener('popstate', scheduleRedetect);
    teardown.push(() => removeEventListener('popstate', scheduleRedetect));
    const titleObserver = new MutationObserver(scheduleRedetect);
    const head = document.head;
    if (head) titleObserver.observe(head, { childList: true, subtree: true, characterData: true });
    teardown.push(() => titleObserver.disconnect());
  }
  report({ start: scriptStart, onLoad: true });
}
