/** Lazy images in the copy get their real source; `<noscript>` image copies are kept once. */
import type { RemovedCounts } from './article';
import { nextElement } from './dom';
import { imageFromNoscriptMarkup } from './sanitize';

const LAZY_SRC_ATTRS = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-original-src',
  'data-hi-res-src',
  'data-full-src',
  'data-url',
];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
const PLACEHOLDER_SRC =
  /(?:blank|placeholder|spacer|lazy|transparent|pixel|loader|loading|grey|gray|1x1|empty)[^/]*\.(?:gif|png|svg|jpe?g|webp)(?:[?#]|$)/i;
const URLISH = /^\s*(?:https?:\/\/|\/\/|\/|\.{1,2}\/|[\w.-]+\/|[\w.-]+\.(?:jpe?g|png|gif|webp|avif|svg))/i;

function isPlaceholderSrc(src: string | null): boolean {
  if (src === null) return true;
  const s = src.trim();
  if (!s || s === '#' || s === 'about:blank') return true;
  if (/^data:/i.test(s)) return s.length < 400;
  return PLACEHOLDER_SRC.test(s);
}

/** Gives a lazy image its real source. Returns whether it changed. */
export function resolveLazyImage(img: Element): boolean {
  let changed = false;
  if (isPlaceholderSrc(img.getAttribute('src'))) {
    for (const name of LAZY_SRC_ATTRS) {
      const v = img.getAttribute(name);
      if (v && URLISH.test(v) && !isPlaceholderSrc(v)) {
        img.setAttribute('src', v.trim());
        changed = true;
        break;
      }
    }
  }
  if (!img.getAttribute('srcset')) {
    for (const name of LAZY_SRCSET_ATTRS) {
      const v = img.getAttribute(name);
      if (v && URLISH.test(v)) {
        img.setAttribute('srcset', v.trim());
        if (isPlaceholderSrc(img.getAttribute('src'))) {
          const first = v.trim().split(/\s+/)[0];
          if (first) img.setAttribute('src', first);
        }
        changed = true;
        break;
      }
    }
  }
  return changed;
}

function noscriptImage(noscript: Element, doc: Document, win: Window): Element | null {
  if (noscript.firstElementChild) {
    // Parsed as elements (scripting off, as in jsdom): copy the image's plain attributes.
    const source = noscript.querySelector('img');
    if (!source) return null;
    const img = doc.createElement('img');
    for (const name of ['src', 'srcset', 'sizes', 'alt', 'width', 'height']) {
      const v = source.getAttribute(name);
      if (v !== null) img.setAttribute(name, v);
    }
    return img;
  }
  return imageFromNoscriptMarkup(noscript.textContent ?? '', doc, win);
}

/** The lazy or real image that a `<noscript>` copy stands beside (same parent, or one level up). */
function siblingImage(noscript: Element): Element | null {
  let scope: Element | null = noscript.parentElement;
  for (let level = 0; scope && level < 2; level++, scope = scope.parentElement) {
    const imgs = scope.getElementsByTagName('img');
    for (let i = 0; i < imgs.length; i++) {
      const img = imgs[i] as Element;
      if (!noscript.contains(img) && !img.closest('noscript')) return imgs.length <= 3 ? img : null;
    }
  }
  return null;
}

/** Resolves the copy's lazy images and `<source>`s, then keeps each `<noscript>` image once. */
export function resolveLazyImages(clone: Document, win: Window, removed: RemovedCounts): void {
  const body = clone.body;
  if (!body) return;
  const noscripts: Element[] = [];
  for (let el: Element | null = body.firstElementChild; el;) {
    const tag = el.tagName;
    if (tag === 'NOSCRIPT') {
      noscripts.push(el);
      el = nextElement(el, body, true);
      continue;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'svg') {
      el = nextElement(el, body, true);
      continue;
    }
    if (tag === 'IMG') {
      if (resolveLazyImage(el)) removed.lazyImages++;
    } else if (tag === 'SOURCE') {
      const v = el.getAttribute('data-srcset') ?? el.getAttribute('data-src');
      if (v && !el.getAttribute('srcset') && URLISH.test(v)) el.setAttribute('srcset', v);
    }
    el = nextElement(el, body);
  }

  for (const noscript of noscripts) {
    if (!noscript.isConnected) continue;
    const img = noscriptImage(noscript, clone, win);
    if (!img) {
      // With scripting on (every reader), `<noscript>` content is never shown.
      noscript.remove();
      continue;
    }
    const sibling = siblingImage(noscript);
    if (sibling) {
      if (isPlaceholderSrc(sibling.getAttribute('src')) && img.getAttribute('src')) {
        sibling.setAttribute('src', img.getAttribute('src') as string);
        const srcset = img.getAttribute('srcset');
        if (srcset && !sibling.getAttribute('srcset')) sibling.setAttribute('srcset', srcset);
      }
      if (!sibling.getAttribute('alt') && img.getAttribute('alt'))
        sibling.setAttribute('alt', img.getAttribute('alt') as string);
      noscript.remove();
      removed.noscriptCopies++;
    } else {
      noscript.replaceWith(img);
    }
  }
}
