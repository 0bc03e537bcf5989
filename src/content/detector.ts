/**
 * The always-on content script: every http(s) top frame, at document_idle. It holds detection and
 * messaging only (no Readability, no DOMPurify, no settings UI) and must never throw into the page.
 */
import { detectArticle } from '../extract/detect';
import { envelope, type TabArticleState } from '../shared/messages';
import { runtime } from './runtime';

const MEASURE = 'lectern:detect';
/** Same-document navigations settle (new content rendered) before we look again. */
const REDETECT_DELAY_MS = 600;

let lastUrl = '';
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

function report(): void {
  if (dead) return;
  try {
    // runtime.id disappears when the extension is reloaded or updated.
    const api = runtime();
    if (!api?.id) {
      retire();
      return;
    }
    const start = performance.now();
    const detection = detectArticle(document, location.href);
    performance.measure(MEASURE, { start, end: performance.now() });
    lastUrl = location.href;
    const state: TabArticleState = {
      url: location.href,
      isArticle: detection.isArticle,
      confidence: detection.confidence,
      title: document.title.trim(),
      signals: detection.signals,
    };
    api.sendMessage(envelope('cs-bg:detected', state)).catch(() => {
      if (!runtime()?.id) retire();
    });
  } catch {
    // "Extension context invalidated" is thrown synchronously by some browsers.
    retire();
  }
}

function scheduleRedetect(): void {
  if (dead || location.href === lastUrl) return;
  clearTimeout(timer);
  timer = setTimeout(report, REDETECT_DELAY_MS);
}

if (window.top === window) {
  report();
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
}
