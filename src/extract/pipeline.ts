/** The extraction pipeline, one call per step (docs/ARCHITECTURE.md); the live page is only read. */
import { Readability } from '@mozilla/readability';
import {
  emptyRemoved,
  readingMinutes,
  wordCount,
  type Article,
  type ExtractResult,
  type RemovedCounts,
} from './article';
import { applyScope, findScope } from './scope';
import { TOO_DEEP, hasLayout, mapHidden, removeHidden } from './hidden';
import { copyPage } from './clone';
import { resolveLazyImages } from './lazy-images';
import { removePageChrome } from './page-chrome';
import { findLeadImage, restoreLeadImage } from './lead-image';
import { removeCounters, removeEmptyImages, removeRelatedLinks } from './clutter';
import { collapseCaptions } from './captions';
import { sanitizeToFragment } from './sanitize';
import { blockText } from './block-text';
import { dirOfLang } from '../shared/i18n';

export interface ExtractOptions {
  /** The page URL, so relative links resolve (defaults to the document's URL). */
  url?: string;
}

const NO_ARTICLE = 'No article found on this page';
/** Less text than this (a sign-in form, a page of images) is not an article. */
const MIN_ARTICLE_WORDS = 30;

function isoDate(value: string): string {
  const v = value.trim();
  if (!v) return '';
  if (/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}

/** The page's own date when the metadata gives none: Pangea's `.published time[datetime]`, else the first `time[datetime]`. */
function pageDate(doc: Document): string {
  const el =
    doc.querySelector('.published time[datetime], time[pubdate][datetime], time[itemprop="datePublished"]') ??
    doc.querySelector('article time[datetime], main time[datetime]');
  return el?.getAttribute('datetime') ?? '';
}

function windowFor(doc: Document): Window | null {
  if (doc.defaultView) return doc.defaultView;
  return typeof window !== 'undefined' ? window : null;
}

/** Points the clone's base at the page URL when the caller gives one the document does not know. */
function setBase(clone: Document, url: string | undefined): void {
  if (!url || url === clone.URL || clone.querySelector('base[href]')) return;
  const head = clone.head ?? clone.documentElement;
  if (!head) return;
  const base = clone.createElement('base');
  base.setAttribute('href', url);
  head.insertBefore(base, head.firstChild);
}

export interface PreparedCopy {
  clone: Document;
  /** The skip-to-content target (or `<main>`) in the copy, found before the skip links went. */
  skipTarget: Element | null;
}

/**
 * The steps before Readability. On the live page, reads only: the scope the author marks, then what
 * the page does not render (only the live page knows what CSS hides). Then on a detached copy: the
 * skip links and hidden elements left out, lazy images resolved.
 */
export function prepareCopy(doc: Document, win: Window, removed: RemovedCounts): PreparedCopy {
  const layout = hasLayout(doc);
  const scope = findScope(doc, layout);
  const root = scope.region ?? doc.body;
  // No body: nothing to read (extractArticle says so); the copy is only for a caller's completeness.
  if (!root) return { clone: doc.cloneNode(true) as Document, skipTarget: null };
  const hidden = mapHidden(root, layout ? win : null);
  const copy = copyPage(doc, root, hidden);
  const skipTarget = applyScope(doc, scope, copy, removed);
  removeHidden(copy.clone, copy.hidden, layout, removed);
  resolveLazyImages(copy.clone, win, removed);
  // The target may have gone with a hidden block.
  return { clone: copy.clone, skipTarget: skipTarget?.isConnected ? skipTarget : null };
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  try {
    const win = windowFor(doc);
    const html = doc.documentElement;
    if (!win || !html || !doc.body || doc.body.localName !== 'body')
      return { ok: false, reason: 'no-article', message: NO_ARTICLE };
    const removed = emptyRemoved();

    const { clone, skipTarget } = prepareCopy(doc, win, removed);
    setBase(clone, options.url);
    const { region } = removePageChrome(clone, removed, skipTarget);
    const lead = findLeadImage(clone, region);

    // keepClasses: the page's class names go with DOMPurify (FORBID_ATTR), so Readability need not walk
    // the article once more to strip them.
    const parsed = new Readability<Node>(clone, { serializer: (el: Node) => el, keepClasses: true }).parse();
    if (!parsed || !parsed.content || parsed.content.nodeType !== 1 || !(parsed.textContent ?? '').trim())
      return { ok: false, reason: 'no-article', message: NO_ARTICLE };
    const root = parsed.content as Element;
    if (lead) restoreLeadImage(root, lead, clone.baseURI);
    removed.relatedLinks = removeRelatedLinks(root);
    removed.galleryCounters = removeCounters(root);
    removeEmptyImages(root);
    removed.duplicateCaptions = collapseCaptions(root);

    // DOMPurify last: nothing edits the markup after this line (the caller inserts an importNode copy,
    // as article.ts says why).
    const content = sanitizeToFragment(root, win);
    const text = blockText(content);
    const words = wordCount(text);
    if (words < MIN_ARTICLE_WORDS) return { ok: false, reason: 'no-article', message: NO_ARTICLE };
    const lang = (parsed.lang || html.getAttribute('lang') || '').trim();
    const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : dirOfLang(lang);
    const article: Article = {
      title: (parsed.title || doc.title || '').replace(/\s+/g, ' ').trim(),
      byline: (parsed.byline ?? '').replace(/\s+/g, ' ').trim(),
      published: isoDate(parsed.publishedTime ?? '') || isoDate(pageDate(doc)),
      siteName: (parsed.siteName ?? '').trim(),
      lang,
      dir,
      excerpt: (parsed.excerpt ?? '').replace(/\s+/g, ' ').trim(),
      content,
      text,
      textLength: text.length,
      readingMinutes: readingMinutes(words),
      removed,
    };
    return { ok: true, article };
  } catch (error) {
    // A page nested deeper than any parser builds (only a script can: mapHidden's check), or so deep
    // that it exhausts the stack of the DOM implementation itself: it is no article to read.
    if ((error as { name?: unknown } | null)?.name === 'RangeError')
      return { ok: false, reason: 'no-article', message: TOO_DEEP };
    return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
