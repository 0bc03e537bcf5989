/** Page chrome (navigation, tickers, share bars, indicators) removed from the copy before Readability. */
import type { RemovedCounts } from './article';
import { classNames, holdsArticle, isEmptyTarget, nextElement, paragraphMass } from './dom';

/** Chrome is short: a block with more paragraph text than this is not removed as chrome. */
const CHROME_MAX_PARAGRAPHS = 2;

const TICKER_TOKEN =
  /^(?:c-hlights(?:--\w+)?|hlights|[\w-]*ticker[\w-]*|breaking-?news(?:-?(?:bar|banner|ticker|strip|alert|wrap|wrapper|container|box))?|breaking(?:-?(?:bar|banner|alert|strip))?|news-?alert|alert-?banner|live-?bar)$/i;
/** Names of article parts that happen to contain a ticker word ("article-content-breaking-news"). */
const CONTENT_WORD = /article|content|title|body|story|headline|text|post|entry/i;
const SHARE_TOKEN =
  /(?:^|[-_])(?:share|sharing|sharebar|share-?buttons|share-?links|social-?share|social-?links|social-?buttons|addthis|sharethis|shariff)(?:$|[-_])/i;
const PROMO_TOKEN =
  /(?:^|[-_])(?:newsletter|newsletters|signup|sign-up|subscribe|subscription|paywall|regwall|nl-signup)(?:$|[-_])/i;
const INDICATOR_TOKEN = /^(?:responsive-indicator|device-indicator|breakpoint-indicator)$/i;
const LIGHTBOX_TOKEN = /^(?:c-lightbox|lightbox-template|pswp|photoswipe)$/i;
const LANDMARK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menubar', 'menu']);
/** A label that opens a ticker, in the languages of the corpus and of Pangea services. */
const TICKER_LABEL =
  /^(?:breaking(?: news)?|live|eilmeldung|dernière heure|urgente|última hora|срочно|속보)\s*:?$/i;

const MAYBE_CHROME =
  /hlights|breaking|ticker|alert|live|share|sharing|social|addthis|shariff|newsletter|signup|sign-up|subscri|paywall|regwall|indicator|lightbox|pswp|photoswipe/i;

type ChromeKind = 'navigation' | 'tickers' | 'shareBars' | 'promos' | 'indicator' | null;

/** Tickers and share bars are short. */
const SHORT_CHROME_CHARS = 1000;

function linkChars(el: Element, cap: number): number {
  let links = 0;
  const as = el.getElementsByTagName('a');
  for (let i = 0; i < as.length && links < cap; i++) links += ((as[i] as Element).textContent ?? '').length;
  return links;
}

/** Whether a block holds article text (and so is not chrome, whatever its name says). */
function isSubstantial(el: Element, kind: Exclude<ChromeKind, null>): boolean {
  if (kind === 'indicator') return false;
  const len = (el.textContent ?? '').trim().length;
  if (kind === 'navigation') {
    // A navigation landmark is navigation unless someone wrapped the article in it: prose, few links.
    return paragraphMass(el, 100).paragraphs > 5 && linkChars(el, len) < len * 0.3;
  }
  if (paragraphMass(el, 50).paragraphs > CHROME_MAX_PARAGRAPHS) return true;
  return len > SHORT_CHROME_CHARS;
}

function classify(el: Element): ChromeKind {
  const tag = el.tagName;
  const role = el.getAttribute('role');
  if (tag === 'NAV' || (role && LANDMARK_ROLES.has(role))) return 'navigation';
  if (!el.hasAttributes()) return null;
  const raw = `${el.getAttribute('class') ?? ''} ${el.id}`;
  // One regex on the raw names before the exact token checks (most elements are none of these).
  if (!MAYBE_CHROME.test(raw)) return null;
  for (const c of raw.trim().split(/\s+/)) {
    if (TICKER_TOKEN.test(c) && !CONTENT_WORD.test(c)) return 'tickers';
    if (INDICATOR_TOKEN.test(c) || LIGHTBOX_TOKEN.test(c)) return 'indicator';
    if (SHARE_TOKEN.test(c)) return 'shareBars';
    if (PROMO_TOKEN.test(c)) return 'promos';
  }
  return null;
}

/** A block made only of Bootstrap `visible-*` children with tiny labels (XS SM MD LG). */
function isIndicatorBlock(el: Element): boolean {
  const kids = el.children;
  if (kids.length < 2 || kids.length > 6) return false;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i] as Element;
    // Most blocks fail here, on their first child: a substring test before splitting the names.
    if (!k.getAttribute('class')?.includes('visible-')) return false;
    if (!classNames(k).some((c) => /^visible-(?:xs|sm|md|lg|xl)/.test(c))) return false;
    if ((k.textContent ?? '').trim().length > 4) return false;
  }
  return true;
}

/** Whether an element opens with a ticker's label ("Breaking News"), as its first text. */
function startsWithTickerLabel(el: Element): boolean {
  const first = el.firstChild;
  if (!first || first.nodeType !== 3) return false;
  const v = first.nodeValue ?? '';
  return v.length <= 40 && TICKER_LABEL.test(v.trim());
}

/** The short block around a ticker's label: the largest enclosing block that holds no article text. */
function tickerBlock(label: Element, body: Element, keep: Element | null): Element | null {
  let block: Element | null = null;
  for (let cur: Element | null = label; cur && cur !== body; cur = cur.parentElement) {
    if (keep && cur.contains(keep)) break;
    const len = (cur.textContent ?? '').trim().length;
    if (len > 600 || paragraphMass(cur, 20).paragraphs > 0) break;
    if (/^(?:H[1-6]|TITLE)$/.test(cur.tagName) && len > 40) break;
    block = cur;
  }
  const word = (label.firstChild?.nodeValue ?? '').trim();
  // "Live" alone is too common a word: only as a label in a list or banner block.
  return block && (word.length > 4 || block.querySelector('ul, ol, a')) ? block : null;
}

export interface PageChromeResult {
  /** The region extraction was confined to, or null when Readability scores the whole page. */
  region: Element | null;
}

function removeOutside(target: Element, body: Element, emptyAnchor: boolean): void {
  for (let n: Element = target; n !== body && n.parentElement; n = n.parentElement) {
    const parent: Element = n.parentElement;
    for (let s = parent.firstChild; s;) {
      const next = s.nextSibling;
      if (s === n) {
        if (emptyAnchor) break; // what follows the anchor stays
      } else if (s.nodeType === 1 || s.nodeType === 3) {
        s.parentNode?.removeChild(s);
      }
      s = next;
    }
  }
}

/** Paragraph mass after an empty anchor (the content it stands for). */
function massAfter(anchor: Element, body: Element): { chars: number; paragraphs: number } {
  const ps = body.getElementsByTagName('p');
  let chars = 0;
  let paragraphs = 0;
  for (let i = 0; i < ps.length && i < 400; i++) {
    const p = ps[i] as Element;
    if (!(anchor.compareDocumentPosition(p) & 4 /* FOLLOWING */)) continue;
    const len = (p.textContent ?? '').trim().length;
    if (len >= 80) {
      chars += len;
      paragraphs++;
    }
  }
  return { chars, paragraphs };
}

/**
 * Removes page chrome from the prepared copy: navigation landmarks, banners and footers, "Breaking
 * News"/live tickers, share bars, sign-up prompts, the Bootstrap responsive indicator and lightbox
 * templates. Then confines the copy to the skip target (found by prepareCopy before the skip links
 * went) when that holds an article-like block.
 */
export function removePageChrome(
  clone: Document,
  removed: RemovedCounts,
  target: Element | null,
): PageChromeResult {
  const body = clone.body;
  if (!body) return { region: null };

  const drop: [Element, Exclude<ChromeKind, null>][] = [];
  const labels: Element[] = [];
  for (let el: Element | null = body.firstElementChild; el;) {
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'svg' || tag === 'TEMPLATE') {
      el = nextElement(el, body, true);
      continue;
    }
    let kind = classify(el);
    if (!kind && isIndicatorBlock(el)) kind = 'indicator';
    if (kind && !(target && el.contains(target)) && !isSubstantial(el, kind)) {
      drop.push([el, kind]);
      el = nextElement(el, body, true);
      continue;
    }
    if (startsWithTickerLabel(el)) labels.push(el);
    el = nextElement(el, body);
  }
  for (const [el, kind] of drop) {
    el.remove();
    if (kind === 'indicator') removed.hiddenBlocks++;
    else removed[kind]++;
  }
  for (const label of labels) {
    if (!label.isConnected) continue;
    const block = tickerBlock(label, body, target);
    if (!block) continue;
    block.remove();
    removed.tickers++;
  }

  // The author's statement of where the content is: confine to it when it holds an article.
  let region: Element | null = null;
  if (target && target.isConnected && body.contains(target)) {
    const empty = isEmptyTarget(target);
    const mass = empty ? massAfter(target, body) : paragraphMass(target);
    if (holdsArticle(mass)) {
      removeOutside(target, body, empty);
      region = empty ? body : target;
    }
  }
  return { region };
}
