/* global chrome */
// Not shipped. The least an article detector can do, for `npm run bench` to measure beside Lectern's
// (scripts/bench/floor.ts): read the paragraphs' text as isProbablyReaderable does, until
// the page is readerable, read one metadata tag, and, on an article, tell the extension. No
// navigation watchers, no JSON-LD, no listings, no skip links. Recorded under Lectern's measure name,
// and in three parts: the first touch of the page from this script's world (the browser builds the
// DOM's wrappers for it then), the reading, and the report (the extension API's first use and the
// message; only on an article).
(() => {
  const start = performance.now();
  const root = document.documentElement;
  const touched = performance.now();
  let score = 0;
  const paragraphs = root.querySelectorAll('p, pre');
  for (let i = 0; i < paragraphs.length && i < 800 && score <= 20; i++) {
    const length = (paragraphs[i].textContent || '').trim().length;
    if (length >= 140) score += Math.sqrt(length - 140);
  }
  const og = document.querySelector('meta[property="og:type"]');
  const read = performance.now();
  if (score > 20)
    chrome.runtime.sendMessage({ score, og: og && og.getAttribute('content') }).catch(() => undefined);
  const end = performance.now();
  performance.measure('lectern:floor:touch', { start, end: touched });
  performance.measure('lectern:floor:read', { start: touched, end: read });
  if (score > 20) performance.measure('lectern:floor:report', { start: read, end });
  performance.measure('lectern:detect', { start, end });
})();
