/**
 * The extraction pipeline: live-DOM prepass → clone → Readability → caption collapse → DOMPurify (last).
 * Pure DOM in, data out; runs in the page (reader bundle) and in Node under jsdom.
 */
import { Readability } from '@mozilla/readability';
import { emptyRemoved, readingMinutes, type Article, type ExtractResult } from './article';
import { sanitizeToFragment } from './sanitize';
import { dirOfLang } from '../shared/i18n';

export interface ExtractOptions {
  /** The page URL, so relative links resolve (defaults to the document's URL). */
  url?: string;
}

function textOf(fragment: DocumentFragment): string {
  const blocks: string[] = [];
  const walker = fragment.ownerDocument.createTreeWalker(fragment, 4 /* NodeFilter.SHOW_TEXT */);
  let current = '';
  const BLOCK = /^(P|H[1-6]|LI|BLOCKQUOTE|FIGCAPTION|PRE|TD|TH|DT|DD|DIV|SECTION|FIGURE|TR)$/;
  let lastBlock: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let block: Element | null = n.parentElement;
    while (block && !BLOCK.test(block.tagName)) block = block.parentElement;
    if (block !== lastBlock && current.trim()) {
      blocks.push(current.replace(/\s+/g, ' ').trim());
      current = '';
    }
    lastBlock = block;
    current += n.nodeValue ?? '';
  }
  if (current.trim()) blocks.push(current.replace(/\s+/g, ' ').trim());
  return blocks.join('\n\n');
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  try {
    const win = doc.defaultView;
    if (!win || !doc.documentElement)
      return { ok: false, reason: 'no-article', message: 'No article found on this page' };
    const clone = doc.cloneNode(true) as Document;
    const parsed = new Readability<Node>(clone, { serializer: (el: Node) => el }).parse();
    if (!parsed || !parsed.content || parsed.content.nodeType !== 1 || !(parsed.textContent ?? '').trim()) {
      return { ok: false, reason: 'no-article', message: 'No article found on this page' };
    }
    const content = sanitizeToFragment(parsed.content as Element, win);
    const text = textOf(content);
    const lang = (parsed.lang || doc.documentElement.getAttribute('lang') || '').trim();
    const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : dirOfLang(lang);
    const article: Article = {
      title: (parsed.title || doc.title || '').trim(),
      byline: (parsed.byline ?? '').trim(),
      published: (parsed.publishedTime ?? '').trim(),
      siteName: (parsed.siteName ?? '').trim(),
      lang,
      dir,
      excerpt: (parsed.excerpt ?? '').trim(),
      content,
      text,
      textLength: text.length,
      readingMinutes: readingMinutes(text),
      removed: emptyRemoved(),
    };
    void options;
    return { ok: true, article };
  } catch (error) {
    return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
