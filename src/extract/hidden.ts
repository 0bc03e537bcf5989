/** What the page does not render: mapped on the live page (reads only), then removed from the copy. */
import type { RemovedCounts } from './article';
import { nextElement } from './dom';

/** Deeper than any parser builds (Chromium caps at 512): copying it would cost depth × size. */
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

/** Whether a page has layout (a real browser showing it); jsdom and detached documents do not. */
export function hasLayout(doc: Document): boolean {
  try {
    const root = doc.documentElement;
    return Boolean(doc.defaultView && root && root.getBoundingClientRect().width > 0);
  } catch {
    return false;
  }
}

/** Whether computed styles hide an element: not displayed, invisible, or clipped to nothing. */
export function styleHidden(cs: CSSStyleDeclaration): boolean {
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

/** Attribute and class evidence that an element is not rendered (classes count where there is no layout). */
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

/**
 * One walk over the elements below `root`, in `root.getElementsByTagName('*')` order, for what must be
 * known of the live page before anything is copied:
 * - the tree must not go deeper than `maxDepth` below `root` (a RangeError otherwise: browsers' HTML
 *   parsers cap nesting, Chromium at 512 levels, so deeper trees are built by scripts, and copying
 *   them costs depth × size);
 * - given the page's window (a page with layout), the positions of the elements the page does not
 *   render, from their computed styles. Reads only, writes nothing; the descendants of a hidden
 *   element are not listed.
 */
export function hiddenPositions(root: Element, maxDepth: number, win: Window | null): number[] {
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

/**
 * The live step: positions (in `root`'s tag order) of what the page does not render, with `win` (a
 * page with layout); none without. Only what will be copied is measured (`root` and the chain above
 * it), so a page confined to its region does not pay for walking the rest. Too deep: a RangeError.
 */
export function mapHidden(root: Element, win: Window | null): number[] {
  let above = 0;
  for (let n = root.parentElement; n; n = n.parentElement) above++;
  if (above > MAX_DEPTH) throw new RangeError(TOO_DEEP);
  return hiddenPositions(root, MAX_DEPTH - above, win);
}

/**
 * The copy's step: removes `mapped` (the copy's elements at the live page's hidden positions), then
 * what attributes and classes hide (classes only without layout), each counted as a hidden block.
 * Runs after the skip links left, so that they are counted as skip links (they are usually hidden).
 */
export function removeHidden(
  clone: Document,
  mapped: Element[],
  layout: boolean,
  removed: RemovedCounts,
): void {
  const body = clone.body;
  if (!body) return;
  const drop = mapped.slice();
  const dropped = new Set(drop.filter((el) => el.isConnected));
  for (let el: Element | null = body.firstElementChild; el;) {
    const tag = el.tagName;
    if (
      dropped.has(el) ||
      tag === 'NOSCRIPT' ||
      tag === 'SCRIPT' ||
      tag === 'STYLE' ||
      tag === 'TEMPLATE' ||
      tag === 'svg'
    ) {
      el = nextElement(el, body, true);
      continue;
    }
    if (attributeHidden(el, !layout)) {
      drop.push(el);
      el = nextElement(el, body, true);
      continue;
    }
    el = nextElement(el, body);
  }
  for (const el of drop) {
    if (!el.isConnected) continue;
    el.remove();
    removed.hiddenBlocks++;
  }
}
