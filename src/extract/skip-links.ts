/** The page's own skip links, found by structure; shared with the detector, so light and bounded. */

// "Skip to main content" and its translations are found by structure, not by English words: in-page
// `#fragment` links among the first links of the page, usually in an `sr-only` list (Pangea:
// `section > .sr-only > h2 + ul`). The skip-to-content target is the author's statement of where the
// content is; the pipeline uses it as a prior (scope.ts).

/** How many links from the top of the body count as "first". */
const FIRST_LINKS = 15;
/** A skip-link block is short: at most this much text (links, a heading). */
const MAX_BLOCK_CHARS = 400;

export interface SkipLink {
  link: HTMLAnchorElement;
  /** The element the fragment names, or null when it names nothing on the page. */
  target: Element | null;
  /** The largest ancestor that holds only skip links (Pangea's `section`), to drop with them. */
  block: Element | null;
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** The fragment of an in-page link ("#content" or this page's own URL + "#content"), else null. */
export function inPageFragment(a: Element, doc: Document): string | null {
  const raw = (a.getAttribute('href') ?? '').trim();
  if (raw.length < 2) return null;
  let fragment: string | null = null;
  if (raw.startsWith('#')) fragment = raw.slice(1);
  else if (raw.includes('#')) {
    try {
      const u = new URL(raw, doc.baseURI);
      if (stripHash(u.href) === stripHash(doc.URL) && u.hash.length > 1) fragment = u.hash.slice(1);
    } catch {
      return null;
    }
  }
  if (!fragment || fragment.startsWith('!') || fragment.startsWith('/')) return null;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The element a fragment names: by id, else a named anchor. */
export function fragmentTarget(doc: Document, fragment: string): Element | null {
  const byId = doc.getElementById(fragment);
  if (byId) return byId;
  const named = doc.getElementsByName(fragment);
  for (let i = 0; i < named.length; i++) if (named[i]?.tagName === 'A') return named[i] as Element;
  return null;
}

/** Grows from the link to the largest ancestor whose links are all in-page links and whose text is short. */
function skipBlock(link: Element, doc: Document): Element | null {
  const body = doc.body;
  let block: Element | null = null;
  let cur = link.parentElement;
  while (cur && cur !== body && cur !== doc.documentElement) {
    if ((cur.textContent ?? '').length > MAX_BLOCK_CHARS) break;
    const links = cur.getElementsByTagName('a');
    let allInPage = true;
    for (let i = 0; i < links.length; i++) {
      const a = links[i] as Element;
      if (a.hasAttribute('href') && inPageFragment(a, doc) === null) {
        allInPage = false;
        break;
      }
    }
    if (!allInPage || cur.querySelector('img, input, select, textarea, form, iframe, video')) break;
    block = cur;
    cur = cur.parentElement;
  }
  return block;
}

/**
 * The in-page links among the first links of the page, with their targets (no blocks: the light scan
 * the always-on detector uses). The live `getElementsByTagName` collection is walked natively and only
 * as far as it is read, so the cost is the first few links whatever the page's size.
 */
export function scanSkipLinks(doc: Document): { link: HTMLAnchorElement; target: Element | null }[] {
  const body = doc.body;
  if (!body) return [];
  const out: { link: HTMLAnchorElement; target: Element | null }[] = [];
  const anchors = body.getElementsByTagName('a');
  let links = 0;
  for (let i = 0; links < FIRST_LINKS; i++) {
    const a = anchors[i];
    if (!a) break;
    if (!a.hasAttribute('href')) continue;
    links++;
    const fragment = inPageFragment(a, doc);
    if (fragment) {
      const target = fragmentTarget(doc, fragment);
      if (target !== a) out.push({ link: a, target });
    } else if (out.length && links > 3) {
      // Skip links come first and together; an ordinary link after them ends the search.
      break;
    }
  }
  return out;
}

/** The in-page links among the first links of the page, with their targets and blocks. */
export function findSkipLinks(doc: Document, links = scanSkipLinks(doc)): SkipLink[] {
  return links.map((s) => ({ ...s, block: skipBlock(s.link, doc) }));
}

const NOT_CONTENT_TARGET =
  'nav, [role="navigation"], [role="search"], form, footer, [role="contentinfo"], input, select, textarea, button';

/** Whether a skip target is navigation, search or a footer rather than the content. */
function isChromeTarget(target: Element): boolean {
  if (target.matches(NOT_CONTENT_TARGET) || target.closest(NOT_CONTENT_TARGET)) return true;
  if (target.querySelector('input[type="search"], input[type="text"]') && !target.querySelector('p'))
    return true;
  return namesChrome(`${target.id} ${target.getAttribute('name') ?? ''}`.toLowerCase());
}

/**
 * Words in an id that name page chrome. Matched with string tests, not a regular expression: the
 * always-on detector reads skip links, and a page's first regular expression costs it about 0.4 ms
 * (src/shared/url-parts.ts).
 */
const CHROME_WORDS = ['nav', 'menu', 'search', 'footer', 'sidebar', 'login', 'account'];

/** Whether a (lower-case) id or name says navigation, search, a footer, a sidebar or an account. */
export function namesChrome(id: string): boolean {
  return CHROME_WORDS.some((word) => id.includes(word)) || endsAWord(id, 'foot');
}

/** Whether `word` occurs in `text` at the end of a word (as `word\b` in a regular expression). */
function endsAWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const next = text.charCodeAt(i + word.length);
    const wordChar =
      (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95;
    if (!wordChar) return true;
  }
  return false;
}

/**
 * The skip-to-content target: the first skip link whose target is not navigation, search or a footer,
 * or the page's single `<main>`/`role=main` when there is no such link. Null when neither exists.
 */
export function findSkipTarget(
  doc: Document,
  links: { target: Element | null }[] = scanSkipLinks(doc),
): Element | null {
  for (const { target } of links) {
    if (!target || target === doc.body || target === doc.documentElement) continue;
    if (isChromeTarget(target)) continue;
    return target;
  }
  const mains = doc.querySelectorAll('main, [role="main"]');
  return mains.length === 1 ? (mains[0] ?? null) : null;
}
