/**
 * The always-on content script: every http(s) top frame, at document_idle. It holds detection and
 * messaging only (no Readability, no DOMPurify, no settings UI) and must never throw into the page.
 */
import { scriptStart } from './started';
import { detectArticle } from '../extract/detect';
import { envelope, type TabArticleState } from '../shared/messages';
import { runtime } from './runtime';

const MEASURE = 'lectern:detect';
/** Same-document navigations settle (new content rendered) before we look again. */
const REDETECT_DELAY_MS = 600;

let lastUrl = '';
/** Whether the background was last told of an article in this document. */
let saidArticle = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let dead = false;
const teardown: (() => void)[] = [];

/**
 * The extension was reloaded or updated under this page: this copy is orphaned. It stops watching,
 * says nothing to the page's console, and leaves one User Timing mark as its only trace.
 */
function retire(): void {
  if (dead) return;
  dead = true;
  clearTimeout(timer);
  for (const undo of teardown.splice(0)) undo();
  performance.mark('lectern:detector-retired');
}

/**
 * Detects, and tells the background when there is news: an article, or the article of a moment ago
 * gone (a single-page site moved on). A page with no article sends nothing and never touches the
 * extension API, whose first use is most of the script's cost in Firefox (about 9 ms here, against
 * 0.8 ms in Chromium): the background already shows "no article" for every new document, and the popup
 * reads no word as none. A look again after a same-document navigation always asks the API first,
 * which is how an orphaned copy learns it is one. The measure runs from `start` to the message sent.
 */
function report(start = performance.now(), onLoad = false): void {
  if (dead) return;
  try {
    // runtime.id disappears when the extension is reloaded or updated.
    if (!onLoad && !runtime()?.id) {
      retire();
      return;
    }
    const detection = detectArticle(document, location.href);
    lastUrl = location.href;
    if (detection.isArticle || saidArticle) {
      const api = runtime();
      if (!api?.id) {
        retire();
        return;
      }
      const state: TabArticleState = {
        url: location.href,
        isArticle: detection.isArticle,
        confidence: detection.confidence,
        title: document.title.trim(),
        signals: detection.signals,
      };
      saidArticle = detection.isArticle;
      api.sendMessage(envelope('cs-bg:detected', state)).catch(() => {
        if (!runtime()?.id) retire();
      });
    }
    performance.measure(MEASURE, { start, end: performance.now() });
  } catch {
    // "Extension context invalidated" is thrown synchronously by some browsers.
    retire();
  }
}

function scheduleRedetect(): void {
  if (dead || location.href === lastUrl) return;
  clearTimeout(timer);
  timer = setTimeout(() => report(), REDETECT_DELAY_MS);
}

if (window.top === window) {
  // Single-page news sites change articles with history.pushState, which a content script cannot hook
  // (its world is isolated). The Navigation API tells us where it exists; elsewhere a change of the
  // <title> is the cheap tell. Both are debounced and compare URLs, so no work is done per mutation.
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav) {
    nav.addEventListener('navigatesuccess', scheduleRedetect);
    teardown.push(() => nav.removeEventListener('navigatesuccess', scheduleRedetect));
  }
  addEventListener('popstate', scheduleRedetect);
  teardown.push(() => removeEventListener('popstate', scheduleRedetect));
  const titleObserver = new MutationObserver(scheduleRedetect);
  const head = document.head;
  if (head) titleObserver.observe(head, { childList: true, subtree: true, characterData: true });
  teardown.push(() => titleObserver.disconnect());
  report(scriptStart, true);
}
