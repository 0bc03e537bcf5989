/** Clutter Readability keeps in an article: related-link lists, gallery counters, empty images. */

// Runs on Readability's output, before caption collapse and DOMPurify. Related links: "More from UK",
// "You may also like…", "Related: …", "DON'T MISS": lists of headlines that are all links, and the
// short label before them.

/** A paragraph that only points elsewhere: "Related: <a>…</a>", "READ MORE: <a>…</a>". */
export const POINTER =
  /^\s*(?:related(?: (?:stories|articles|coverage|content|reading))?|see more|read more|more|also read|read also|don'?t miss|must read|recommended|watch|listen|more on this|more from [\p{L} ]{1,30}|lire aussi|à lire aussi|leia também|lee también|mehr zum thema|auch interessant)\s*[:»|–—-]/iu;
/** A short label heading a list of links. */
export const LABEL =
  /^\s*(?:related(?: (?:stories|articles|coverage|content|links|reading))?|more (?:stories|news|from [\p{L} ]{1,30})|you may also like|you might also like|recommended(?: for you)?|don'?t miss|most (?:read|popular|viewed)|trending|read next|up next|also on [\p{L} ]{1,30}|more:?|top stories)\s*(?:\.{3}|…)?\s*:?\s*$/iu;

/**
 * How each of the two expressions above can begin, lowercased. They are tested first: compiling either
 * expression costs about a millisecond on its first use (Unicode letter classes, case-insensitive), and
 * with this test most pages never compile them. A unit test checks that every alternative of each
 * expression begins with one of these, so the two cannot drift apart.
 */
export const POINTER_STARTS = [
  'related',
  'see more',
  'read',
  'more',
  'also read',
  'don',
  'must read',
  'recommended',
  'watch',
  'listen',
  'lire aussi',
  'à lire aussi',
  'leia também',
  'lee también',
  'mehr zum thema',
  'auch interessant',
];
export const LABEL_STARTS = [
  'related',
  'more',
  'you may',
  'you might',
  'recommended',
  'don',
  'most',
  'trending',
  'read next',
  'up next',
  'also on',
  'top stories',
];

function mayBegin(text: string, starts: readonly string[]): boolean {
  const head = text.trimStart().slice(0, 16).toLowerCase();
  return starts.some((s) => head.startsWith(s));
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function linkTextLength(el: Element): number {
  let n = 0;
  const as = el.getElementsByTagName('a');
  for (let i = 0; i < as.length; i++) n += textLength(as[i] as Element);
  return n;
}

function isLinkList(list: Element): boolean {
  const items = list.children;
  if (items.length < 2) return false;
  const total = textLength(list);
  if (!total || total > 1500) return false;
  for (let i = 0; i < items.length; i++) {
    const li = items[i] as Element;
    const len = textLength(li);
    if (len > 160) return false;
    if (len && linkTextLength(li) < len * 0.8) return false;
  }
  return linkTextLength(list) >= total * 0.85;
}

function isLinkDominated(el: Element): boolean {
  const len = textLength(el);
  return len > 0 && len <= 300 && linkTextLength(el) >= len * 0.8;
}

/** A gallery counter standing alone: "Image 1 of 5", "2/7", "1of4". */
const COUNTER =
  /^\s*(?:(?:image|photo|picture|slide|foto|bild)\s*)?\d{1,3}\s*(?:of|\/|de|von|sur)\s*\d{1,3}\s*$/i;

/** Removes images that have no source left (lazy placeholders that never got one). */
export function removeEmptyImages(root: Element): void {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if ((img.getAttribute('src') ?? '').trim() || (img.getAttribute('srcset') ?? '').trim()) continue;
    const wrapper = img.parentElement;
    img.remove();
    if (wrapper && wrapper !== root && !(wrapper.textContent ?? '').trim() && !wrapper.firstElementChild)
      wrapper.remove();
  }
}

/** Removes gallery counters ("Image 1 of 5") standing alone in a block; returns how many. */
export function removeCounters(root: Element): number {
  let count = 0;
  for (const el of Array.from(root.querySelectorAll('p, span, div, figcaption, li'))) {
    if (!root.contains(el) || el.children.length > 2) continue;
    const t = el.textContent ?? '';
    if (t.length < 20 && COUNTER.test(t)) {
      el.remove();
      count++;
    }
  }
  return count;
}

/** Removes related-link lists and pointer paragraphs; returns how many blocks went. */
export function removeRelatedLinks(root: Element): number {
  let count = 0;
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (!root.contains(list) || list.closest('figure, table') || !isLinkList(list)) continue;
    // Only where a label or a pointer says what the list is, or the list is headlines (long link texts).
    const prev = list.previousElementSibling;
    const prevText = prev?.textContent ?? '';
    const labelled =
      prev !== null && textLength(prev) < 60 && mayBegin(prevText, LABEL_STARTS) && LABEL.test(prevText);
    const items = list.children.length;
    const headlines = textLength(list) / items >= 30 && items >= 3;
    if (!labelled && !headlines) continue;
    if (labelled) prev?.remove();
    list.remove();
    count++;
  }
  // A label ("DON'T MISS", "More:") followed by blocks that are only links.
  for (const label of Array.from(root.querySelectorAll('p, h2, h3, h4, h5, h6, div, strong'))) {
    if (label.children.length > 2) continue;
    const text = label.textContent ?? '';
    // The cheap tests first: most blocks begin otherwise.
    if (!mayBegin(text, LABEL_STARTS) || !root.contains(label)) continue;
    if (textLength(label) > 60 || !LABEL.test(text)) continue;
    const host =
      label.parentElement && label.parentElement.children.length === 1 ? label.parentElement : label;
    const links: Element[] = [];
    for (let next = host.nextElementSibling; next && isLinkDominated(next); next = next.nextElementSibling)
      links.push(next);
    if (!links.length) continue;
    host.remove();
    for (const l of links) l.remove();
    count++;
  }
  for (const p of Array.from(root.querySelectorAll('p, h2, h3, h4, div'))) {
    if (p.children.length > 4) continue;
    const text = p.textContent ?? '';
    if (text.length > 1000 || !mayBegin(text, POINTER_STARTS) || !root.contains(p)) continue;
    const len = textLength(p);
    if (!len || len > 250) continue;
    if (POINTER.test(text) && linkTextLength(p) >= len * 0.5) {
      p.remove();
      count++;
    }
  }
  return count;
}
