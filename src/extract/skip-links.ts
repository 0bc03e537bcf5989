/**
 * The page's own accessibility links ("Skip to main content" and its translations), found by
 * structure, not by English words: in-page `#fragment` links among the first focusable elements.
 */

/** How many focusable elements from the top of the body count as "first". */
const FIRST_FOCUSABLE = 12;

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

export interface SkipLink {
  link: HTMLAnchorElement;
  /** The element the fragment names, or null when it names nothing on the page. */
  target: Element | null;
  /** The block that holds the skip links (Pangea's `section > .sr-only`), to drop with them. */
  block: Element | null;
}

function fragmentTarget(doc: Document, href: string): Element | null {
  if (!href.startsWith('#') || href.length < 2) return null;
  let id = href.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // keep raw
  }
  return doc.getElementById(id) ?? doc.querySelector(`a[name="${CSS.escape(id)}"]`);
}

/** The in-page links among the first focusable elements of the page, with their targets. */
export function findSkipLinks(doc: Document): SkipLink[] {
  const body = doc.body;
  if (!body) return [];
  const out: SkipLink[] = [];
  const focusables = body.querySelectorAll(FOCUSABLE);
  const limit = Math.min(focusables.length, FIRST_FOCUSABLE);
  for (let i = 0; i < limit; i++) {
    const el = focusables[i];
    if (!el || el.tagName !== 'A') continue;
    const href = el.getAttribute('href') ?? '';
    if (!href.startsWith('#') || href === '#') continue;
    const target = fragmentTarget(doc, href);
    const block = el.closest(
      '.sr-only, .visually-hidden, .screen-reader-text, .skip-links, .skiplinks, nav, section, ul',
    );
    out.push({ link: el as HTMLAnchorElement, target, block: block && block !== body ? block : null });
  }
  return out;
}

/**
 * The skip-to-content target: the first skip link whose target is not navigation or search, or the
 * page's single `<main>`/`role=main` when there is no skip link. Null when neither exists.
 */
export function findSkipTarget(doc: Document): Element | null {
  for (const { target } of findSkipLinks(doc)) {
    if (!target) continue;
    if (target.closest('nav, [role="navigation"], [role="search"], form, header, [role="banner"]')) continue;
    if (target.matches('input, select, textarea, button')) continue;
    return target;
  }
  const mains = doc.querySelectorAll('main, [role="main"]');
  return mains.length === 1 ? (mains[0] ?? null) : null;
}
