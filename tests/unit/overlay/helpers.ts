import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translateFromMessages, type Translate } from '../../../src/shared/i18n';
import type { Article } from '../../../src/extract/article';
import { emptyRemoved } from '../../../src/extract/article';

export function messages(locale = 'en'): Record<string, { message: string }> {
  return JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '_locales', locale, 'messages.json'), 'utf8'),
  );
}

export function translate(locale = 'en'): Translate {
  return translateFromMessages(messages(locale));
}

/**
 * jsdom has no showModal/close on <dialog>: the smallest stand-in that sets `open` and fires `close`
 * (the focus and top-layer behaviour are tested in real browsers, tests/e2e/reader.test.ts).
 */
export function stubDialog(): void {
  const proto = HTMLDialogElement.prototype as unknown as Record<string, unknown>;
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
  // jsdom has no layout: give the dialog a size so open() believes it is shown.
  const rect = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    if (this.tagName === 'DIALOG')
      return {
        width: 800,
        height: 600,
        top: 0,
        left: 0,
        right: 800,
        bottom: 600,
        x: 0,
        y: 0,
        toJSON() {},
      } as DOMRect;
    return rect.call(this);
  };
}

export function article(doc: Document, overrides: Partial<Article> = {}): Article {
  const content = doc.createDocumentFragment();
  const p1 = doc.createElement('p');
  p1.textContent = 'First paragraph of the article.';
  const fig = doc.createElement('figure');
  const img = doc.createElement('img');
  img.src = 'https://example.org/a.png';
  img.alt = 'A lighthouse at dusk';
  const cap = doc.createElement('figcaption');
  cap.textContent = 'The Westmere light, lit again.';
  fig.append(img, cap);
  const table = doc.createElement('table');
  table.append(doc.createElement('tr'));
  const pre = doc.createElement('pre');
  pre.textContent = 'code';
  const p2 = doc.createElement('p');
  const a = doc.createElement('a');
  a.href = 'https://example.org/';
  a.textContent = 'a link';
  p2.append('Second with ', a, '.');
  content.append(p1, fig, table, pre, p2);
  return {
    title: 'Westmere lighthouse shines again',
    byline: 'By Tom Aldous',
    published: '2026-05-12T08:00:00Z',
    siteName: 'Westmere Gazette',
    lang: 'en',
    dir: 'ltr',
    excerpt: '',
    content,
    text: 'First paragraph of the article. Second with a link.',
    textLength: 50,
    readingMinutes: 3,
    removed: emptyRemoved(),
    ...overrides,
  };
}
