/** Where the author says the content is (skip target or single `<main>`); the skip links left out. */
import type { RemovedCounts } from './article';
import type { PageCopy } from './clone';
import { holdsArticle, isEmptyTarget, paragraphMass } from './dom';
import { attributeHidden, styleHidden } from './hidden';
import { findSkipLinks, findSkipTarget, scanSkipLinks } from './skip-links';

export interface Scope {
  /** The live element the copy is confined to, or null: the whole body is copied. */
  region: Element | null;
  /** The page's skip links, read once on the live page. */
  links: { link: HTMLAnchorElement; target: Element | null }[];
}

/**
 * The live element extraction can be confined to before anything is copied: the skip-link target (or
 * single `<main>`) when it is rendered and already holds an article-like block. Null otherwise.
 * A target that sits in what the page hides, or hides from assistive technology, is not where the
 * content is: Yahoo shows its article in a modal layer and marks the page behind it, the target of
 * "Skip to Main Content" included, `aria-hidden`.
 */
function liveRegion(doc: Document, target: Element | null, layout: boolean): Element | null {
  if (!target || !doc.body || target === doc.body || !doc.body.contains(target)) return null;
  if (isEmptyTarget(target) || !holdsArticle(paragraphMass(target))) return null;
  for (let n: Element | null = target; n && n !== doc.body; n = n.parentElement)
    if (attributeHidden(n, !layout)) return null;
  const win = doc.defaultView;
  if (layout && win && styleHidden(win.getComputedStyle(target))) return null;
  return target;
}

/** The live step: the page's skip links and the region they (or `<main>`) confine extraction to. Reads only. */
export function findScope(doc: Document, layout: boolean): Scope {
  const links = scanSkipLinks(doc);
  return { links, region: liveRegion(doc, findSkipTarget(doc, links), layout) };
}

/**
 * The copy's step: the skip target in the copy, and the skip links counted as removed. Confined to a
 * region, the links were left outside with the rest of the page; otherwise they are found again on the
 * copy and their blocks removed (unless a block holds the target).
 */
export function applyScope(
  doc: Document,
  scope: Scope,
  copy: PageCopy,
  removed: RemovedCounts,
): Element | null {
  const { clone } = copy;
  if (!clone.body) return null;
  const region = scope.region;
  if (region) {
    let path = 0; // the region and its ancestors below <body>, copied empty
    for (let n: Element | null = region; n && n !== doc.body; n = n.parentElement) path++;
    const body = doc.body as HTMLElement;
    removed.outsideRegion =
      body.getElementsByTagName('*').length - region.getElementsByTagName('*').length - path;
    const blocks = new Set(findSkipLinks(doc, scope.links).map((s) => s.block ?? s.link));
    for (const block of blocks)
      if (!block.contains(region) && !region.contains(block))
        removed.skipLinks += block.getElementsByTagName('a').length || 1;
    return copy.root;
  }
  // The skip links first (they are usually hidden, and would otherwise go as hidden blocks).
  const skipLinks = findSkipLinks(clone);
  const target = findSkipTarget(clone, skipLinks);
  for (const s of skipLinks) {
    const block = s.block ?? s.link;
    if (block.isConnected && !(target && block.contains(target))) {
      removed.skipLinks += block.getElementsByTagName('a').length || 1;
      block.remove();
    }
  }
  return target;
}
