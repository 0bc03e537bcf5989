/**
 * Live-DOM prepass and the clone it prepares. Only the live page knows what CSS hides, so in a browser
 * the computed styles are read first (all reads, no writes), the page is cloned, and the hidden
 * elements are removed from the clone by tree position (the clone mirrors the live tree one to one
 * until its `<style>` elements are left out, after that mapping): the page itself is never touched.
 * Under jsdom (no layout) the evidence is attributes and classes.
 * On the clone, lazy images get their real source and `<noscript>` copies are kept once.
 */
import type { RemovedCounts } from './article';
import {
  findSkipLinks,
  findSkipTarget,
  holdsArticle,
  isEmptyTarget,
  nextElement,
  paragraphMass,
  scanSkipLinks,
} from './skip-links';
import { imageFromNoscriptMarkup } from './sanitize';

/** Deeper than any parser builds (Chromium caps at 512): cloning it would cost depth × size. */
const MAX_DEPTH = 1000;
/** What a page too deep to copy is told (and a page so deep that it exhausts the DOM's own stack). */
export const TOO_DEEP = 'This page is nested too deeply to read';

/** Style reads are capped so a huge page cannot stall the reader (the rest falls back to attributes). */
const MAX_STYLE_READS = 20_000;

/** Elements whose default display is none or that never render; never counted as hidden blocks. */
const NON_RENDERED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'LINK', 'META', 'TITLE', 'HEAD']);

/** Class names that hide an element (Bootstrap, WordPress, Drupal, common utilities) when there is no layout. */
const HIDDEN_CLASSES = new Set([
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'screen-reader-text',
  'screen-reader-only',
  'screenreader-only',
  'element-invisible',
  'offscreen',
  'a11y-hidden',
  'u-visually-hidden',
  'is-visually-hidden',
  'hidden',
  'js-hidden',
  'is-hidden',
  'hide',
  'd-none',
  'invisible',
]);
/** A quick test on the class attribute before the exact token checks. */
const MAYBE_HIDDEN = /hid|sr-only|visually|screen-?reader|invisible|offscreen|d-none|visible-(?:xs|sm)/i;
/** Responsive utilities that show an element again at desktop width (`hidden md:block`, `d-none d-lg-block`). */
const SHOWN_AGAIN =
  /^(?:(?:sm|md|lg|xl):(?:block|flex|inline|inline-block|grid|table)|d-(?:sm|md|lg|xl)-(?:block|flex|inline|inline-block|grid|table))$/;
/** Bootstrap 3 visibility helpers: only-small-screen content is hidden at desktop width. */
const MOBILE_ONLY = /^visible-(?:xs|sm)(?:-block|-inline|-inline-block)?$/;

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

export function classList(el: Element): string[] {
  const c = el.getAttribute('class');
  return c ? c.trim().split(/\s+/) : [];
}

/** Whether a page has layout (a real browser showing it); jsdom and detached documents do not. */
export function hasLayout(doc: Document): boolean {
  try {
    const root = doc.documentElement;
    return Boolean(doc.defaultView && root && root.getBoundingClientRect().width > 0);
  } catch {
    return false;
  }
}

function styleHidden(cs: CSSStyleDeclaration): boolean {
  if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return true;
  if (cs.position === 'absolute' || cs.position === 'fixed') {
    const clip = cs.clip.replace(/\s+/g, '');
    if (clip === 'rect(0px,0px,0px,0px)' || clip === 'rect(1px,1px,1px,1px)') return true;
    if (cs.clipPath.replace(/\s+/g, '') === 'inset(50%)') return true;
    if (
      (cs.overflow === 'hidden' || cs.overflowX === 'hidden') &&
      parseFloat(cs.width) <= 1 &&
      parseFloat(cs.height) <= 1
    )
      return true;
  }
  return false;
}

/**
 * One walk over the elements below `root`, in `root.getElementsByTagName('*')` order, for what the
 * prepass must know of the live page before it copies anything:
 * - the tree must not go deeper than `maxDepth` below `root` (a RangeError otherwise: browsers' HTML
 *   parsers cap nesting, Chromium at 512 levels, so deeper trees are built by scripts, and copying
 *   them costs depth × size);
 * - given the page's window (a page with layout), the positions of the elements the page does not
 *   render, from their computed styles. Reads only, writes nothing; the descendants of a hidden
 *   element are not listed.
 */
export function walkLive(root: Element, maxDepth: number, win: Window | null): number[] {
  const hidden: number[] = [];
  let reads = 0;
  let position = -1;
  let depth = 1;
  /** The depth of the hidden element whose descendants are being passed over. */
  let hiddenAt = Infinity;
  let el: Element | null = root.firstElementChild;
  while (el) {
    position++;
    if (depth > maxDepth) throw new RangeError(TOO_DEEP);
    if (depth <= hiddenAt) {
      hiddenAt = Infinity;
      if (win && !NON_RENDERED.has(el.tagName) && ++reads <= MAX_STYLE_READS) {
        if (styleHidden(win.getComputedStyle(el))) {
          hidden.push(position);
          hiddenAt = depth;
        }
      }
    }
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      continue;
    }
    while (el !== root && !el.nextElementSibling) {
      el = el.parentElement as Element;
      depth--;
    }
    el = el === root ? null : el.nextElementSibling;
  }
  return hidden;
}

/** Attribute and class evidence that an element is not rendered (used where there is no layout). */
export function attributeHidden(el: Element, useClasses: boolean): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !el.classList.contains('fallback-image')) return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  if (!useClasses) return false;
  const raw = el.getAttribute('class');
  // Most elements have classes and none of these: one regex test instead of a split.
  if (!raw || !MAYBE_HIDDEN.test(raw)) return false;
  const classes = raw.trim().split(/\s+/);
  let hidden = false;
  for (const c of classes) {
    const lc = c.toLowerCase();
    if (SHOWN_AGAIN.test(lc)) return false;
    if (HIDDEN_CLASSES.has(lc) || MOBILE_ONLY.test(lc)) hidden = true;
  }
  return hidden;
}

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

/**
 * Clones the document and prepares the clone: hidden elements removed (computed styles from the live
 * page where there is layout, attributes and classes otherwise), lazy images resolved, `<noscript>`
 * copies kept once. The live document is only read.
 */
export interface PreparedClone {
  clone: Document;
  /** The skip-to-content target (or `<main>`) in the clone, found before anything was removed. */
  skipTarget: Element | null;
}

/**
 * The live element extraction can be confined to before anything is cloned: the skip-link target (or
 * single `<main>`) when it is rendered and already holds an article-like block. Null otherwise.
 * A target that sits in what the page hides, or hides from assistive technology, is not where the
 * content is: Yahoo shows its article in a modal layer and marks the page behind it, the target of
 * "Skip to Main Content" included, `aria-hidden`.
 */
function liveScope(doc: Document, target: Element | null, layout: boolean): Element | null {
  if (!target || !doc.body || target === doc.body || !doc.body.contains(target)) return null;
  if (isEmptyTarget(target) || !holdsArticle(paragraphMass(target))) return null;
  for (let n: Element | null = target; n && n !== doc.body; n = n.parentElement)
    if (attributeHidden(n, !layout)) return null;
  const win = doc.defaultView;
  if (layout && win && styleHidden(win.getComputedStyle(target))) return null;
  return target;
}

/**
 * The copy extraction works on, with `root` (the page's body, or the region it is confined to) copied
 * whole: the document's shell, its head, and, for a region, the chain of (empty) ancestors from `<html>`
 * down. Confined, it equals a full copy with everything outside the region removed, without paying for
 * copying (and then walking) the rest of the page.
 *
 * Built detached, and joined to its document last: `hidden` (positions in `root`, from `walkLive`) is
 * mapped to the copy's elements first, then every `<style>` is taken out. A style element in a
 * document has its CSS parsed, and some pages carry megabytes of it (ad hoc, 5 corpus pages: 24–65 ms
 * copying with them, 3–12 ms without). None reaches the article: Readability drops them and DOMPurify
 * forbids them.
 */
function copyForExtraction(
  doc: Document,
  root: Element,
  hidden: number[],
): { clone: Document; root: Element; hidden: Element[] } {
  const clone = doc.cloneNode(false) as Document;
  if (doc.doctype) clone.appendChild(clone.importNode(doc.doctype, false));
  const html = doc.documentElement;
  const shell = clone.importNode(html, false);
  let copy: Element;
  if (root === doc.body) {
    copy = clone.importNode(root, true);
    for (let n = html.firstChild; n; n = n.nextSibling)
      shell.appendChild(n === root ? copy : clone.importNode(n, true));
  } else {
    if (doc.head) shell.appendChild(clone.importNode(doc.head, true));
    const chain: Element[] = [];
    for (let n: Element | null = root.parentElement; n && n !== html; n = n.parentElement) chain.unshift(n);
    let parent: Element = shell;
    for (const n of chain) parent = parent.appendChild(clone.importNode(n, false));
    copy = parent.appendChild(clone.importNode(root, true));
  }
  const dropped: Element[] = [];
  if (hidden.length) {
    const live = root.getElementsByTagName('*');
    const all = copy.getElementsByTagName('*');
    if (all.length === live.length) {
      for (const i of hidden) {
        const el = all[i];
        if (el && el.tagName === live[i]?.tagName) dropped.push(el);
      }
    }
  }
  const styles = shell.getElementsByTagName('style');
  for (let i = styles.length - 1; i >= 0; i--) styles[i]?.remove();
  clone.appendChild(shell);
  return { clone, root: copy, hidden: dropped };
}

export function prepareClone(doc: Document, win: Window, removed: RemovedCounts): PreparedClone {
  const layout = hasLayout(doc);
  // The author's statement of where the content is, read on the live page (read only).
  const liveLinks = scanSkipLinks(doc);
  const scope = liveScope(doc, findSkipTarget(doc, liveLinks), layout);
  const liveRoot = scope ?? doc.body;
  // No body: nothing to read (the pipeline says so); the copy is only for a caller's completeness.
  if (!liveRoot) return { clone: doc.cloneNode(true) as Document, skipTarget: null };
  // Only what is copied is measured (the region and the chain above it), so a page confined to its
  // region does not pay for walking the rest. Too deep: the pipeline's "nested too deeply".
  let above = 0;
  for (let n = liveRoot.parentElement; n; n = n.parentElement) above++;
  if (above > MAX_DEPTH) throw new RangeError(TOO_DEEP);
  const positions = walkLive(liveRoot, MAX_DEPTH - above, layout ? win : null);
  const { clone, root, hidden: drop } = copyForExtraction(doc, liveRoot, positions);
  const body = clone.body;
  if (!body) return { clone, skipTarget: null };

  let skipTarget: Element | null;
  if (scope) {
    // The skip links were left outside with the rest of the page; count them as removed.
    skipTarget = root;
    let path = 0; // the scope and its ancestors below <body>, cloned empty
    for (let n: Element | null = scope; n && n !== doc.body; n = n.parentElement) path++;
    removed.outsideRegion =
      doc.body.getElementsByTagName('*').length - scope.getElementsByTagName('*').length - path;
    const blocks = new Set(findSkipLinks(doc, liveLinks).map((s) => s.block ?? s.link));
    for (const block of blocks)
      if (!block.contains(scope) && !scope.contains(block))
        removed.skipLinks += block.getElementsByTagName('a').length || 1;
  } else {
    // The skip links first (they are usually hidden, and would otherwise go as hidden blocks).
    const skipLinks = findSkipLinks(clone);
    skipTarget = findSkipTarget(clone, skipLinks);
    for (const s of skipLinks) {
      const block = s.block ?? s.link;
      if (block.isConnected && !(skipTarget && block.contains(skipTarget))) {
        removed.skipLinks += block.getElementsByTagName('a').length || 1;
        block.remove();
      }
    }
  }
  const dropped = new Set(drop.filter((el) => el.isConnected));

  const noscripts: Element[] = [];
  for (let el: Element | null = body.firstElementChild; el;) {
    if (dropped.has(el)) {
      el = nextElement(el, body, true);
      continue;
    }
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
    if (attributeHidden(el, !layout)) {
      drop.push(el);
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
  for (const el of drop) {
    if (!el.isConnected) continue;
    el.remove();
    removed.hiddenBlocks++;
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
  return { clone, skipTarget: skipTarget?.isConnected ? skipTarget : null };
}
