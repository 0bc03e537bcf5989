/* global chrome */
// Not shipped. The least an article detector can do, for `npm run bench` to measure beside Lectern's
// (scripts/bench.ts, chromiumFloor): read the paragraphs' text as isProbablyReaderable does, until
// the page is readerable, read one metadata tag, and, on an article, tell the extension. No
// navigation watchers, no JSON-LD, no listings, no skip links. Recorded under Lectern's measure name.
(() => {
  const start = performance.now();
  let score = 0;
  const paragraphs = document.querySelectorAll('p, pre');
  for (let i = 0; i < paragraphs.length && i < 800 && score <= 20; i++) {
    const length = (paragraphs[i].textContent || '').trim().length;
    if (length >= 140) score += Math.sqrt(length - 140);
  }
  const og = document.querySelector('meta[property="og:type"]');
  if (score > 20)
    chrome.runtime.sendMessage({ score, og: og && og.getAttribute('content') }).catch(() => undefined);
  performance.measure('lectern:detect', { start, end: performance.now() });
})();
