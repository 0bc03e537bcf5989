/** The article view: what `setContent` puts in <main> (header, byline line, the bounded article body). */
import type { Article } from '../extract/article';
import type { Translate } from '../shared/i18n';
import { datelineDay } from '../shared/dates';

export const TITLE_ID = 'lectern-title';
/** More images than any article shows; see boundImages(). */
export const MAX_IMAGES = 300;

export type OverlayContent =
  { kind: 'article'; article: Article } | { kind: 'message'; title: string; message: string };

export interface ArticleViewOptions {
  doc: Document;
  t: Translate;
  /** The publication date in words (the reader asks the background: src/shared/dates.ts). */
  dateInWords?: (iso: string) => Promise<string | null>;
}

/** The children of <main> for an article (header and body) or for a message (title and text). */
export function renderContent(o: ArticleViewOptions, content: OverlayContent): HTMLElement[] {
  const { doc, t } = o;
  const h1 = doc.createElement('h1');
  h1.id = TITLE_ID;
  if (content.kind === 'message') {
    h1.textContent = content.title;
    const p = doc.createElement('p');
    p.className = 'message';
    p.textContent = content.message;
    return [h1, p];
  }
  const a = content.article;
  h1.textContent = a.title || t('untitledArticle');
  const header = doc.createElement('header');
  header.append(h1);
  const meta = articleMeta(o, a);
  if (meta) header.append(meta);
  const body = doc.createElement('div');
  body.className = 'article-body';
  if (a.lang) body.lang = a.lang;
  body.dir = a.dir;
  if (a.lang) h1.lang = a.lang;
  h1.dir = a.dir;
  // Bounded first in an inert document, where images do not load; then a fresh copy of what stays
  // is imported (in a Chromium content script, DOMPurify's own nodes keep the handlers it removed).
  const staging = doc.implementation.createHTMLDocument('');
  const draft = staging.createElement('div');
  draft.append(staging.importNode(a.content, true));
  boundImages(draft, t);
  const copy = doc.importNode(draft, true);
  body.append(...Array.from(copy.childNodes));
  addPresentationHelpers(body, t);
  return [header, body];
}

/** The byline on a line of its own, then date · site · reading time; null when there is none. */
function articleMeta(o: ArticleViewOptions, a: Article): HTMLElement | null {
  const { doc, t } = o;
  const parts: HTMLElement[] = [];
  const part = (cls: string, ...nodes: (Node | string)[]): void => {
    const span = doc.createElement('span');
    span.className = cls;
    span.append(...nodes);
    parts.push(span);
  };
  if (a.byline) part('byline', a.byline);
  if (a.published) {
    const time = doc.createElement('time');
    time.dateTime = a.published;
    // The day as published (2026-05-12) until the words come back (src/shared/dates.ts).
    time.textContent = datelineDay(a.published) ?? a.published;
    o.dateInWords?.(a.published).then(
      (words) => {
        if (words) time.textContent = words;
      },
      () => undefined, // the day as published stays
    );
    part('published', time);
  }
  if (a.siteName) part('site', a.siteName);
  if (a.readingMinutes > 0) part('reading-time', t('readingTime', String(a.readingMinutes)));
  if (!parts.length) return null;
  const meta = doc.createElement('div');
  meta.className = 'meta';
  // The byline on a line of its own, the rest as one line joined by dots.
  const [first, ...rest] = a.byline ? parts : [null, ...parts];
  if (first) {
    const line = doc.createElement('div');
    line.append(first);
    meta.append(line);
  }
  if (rest.length) {
    const line = doc.createElement('div');
    rest.forEach((p, i) => {
      if (i > 0) {
        const sep = doc.createElement('span');
        sep.className = 'sep';
        sep.setAttribute('aria-hidden', 'true');
        sep.textContent = '·';
        line.append(sep);
      }
      line.append(p as HTMLElement);
    });
    meta.append(line);
  }
  return meta;
}

/**
 * Presentation helpers added once per render: alt text shown in place when images are off (a
 * sibling hidden by CSS while images are on, so a screen reader meets it once either way), and
 * wide tables and code in boxes of their own that scroll and can be focused.
 */
function addPresentationHelpers(body: HTMLElement, t: Translate): void {
  const doc = body.ownerDocument;
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const alt = (img.getAttribute('alt') ?? '').trim();
    if (!alt) continue;
    const span = doc.createElement('span');
    span.className = 'alt-text';
    // Read aloud never reads alt text (src/speech/chunks.ts skips data-no-read).
    span.setAttribute('data-no-read', '');
    span.textContent = t('imageAlt', alt);
    img.after(span);
  }
  for (const table of Array.from(body.querySelectorAll('table'))) {
    if (table.parentElement?.closest('table')) continue;
    const box = doc.createElement('div');
    box.className = 'scroll-box';
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    const caption = table.querySelector('caption')?.textContent?.trim();
    box.setAttribute('aria-label', caption || t('scrollableTable'));
    table.replaceWith(box);
    box.append(table);
  }
  for (const pre of Array.from(body.querySelectorAll('pre'))) {
    pre.tabIndex = 0;
    pre.setAttribute('role', 'region');
    pre.setAttribute('aria-label', t('scrollableCode'));
  }
}

/**
 * A bound on images: past it, each image gives way to its text alternative (or to nothing when it
 * has none). A wall of 50,000 images would otherwise queue 50,000 requests and keep the page busy
 * for many seconds, even with images off (browsers fetch images that are not displayed).
 */
function boundImages(root: Element, t: Translate): void {
  const images = Array.from(root.querySelectorAll('img')).slice(MAX_IMAGES);
  for (const img of images) {
    const alt = (img.getAttribute('alt') ?? '').trim();
    if (alt) {
      const span = root.ownerDocument.createElement('span');
      span.className = 'alt-text-only';
      span.setAttribute('data-no-read', '');
      span.textContent = t('imageAlt', alt);
      img.replaceWith(span);
    } else img.remove();
  }
}
