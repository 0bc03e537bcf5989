/**
 * One fuzz case: load HTML into a reused jsdom window (fast: no new window per case) and run the
 * pipeline. Returns what the properties check.
 */
import { extractArticle } from '../../../src/extract/pipeline';
import { findDanger } from '../security/danger';

export interface CaseResult {
  threw: unknown;
  ok: boolean;
  danger: string[];
  complete: boolean;
}

export function runCase(win: Window, html: string): CaseResult {
  const doc = win.document;
  const parsed = new (win as Window & typeof globalThis).DOMParser().parseFromString(html, 'text/html');
  doc.replaceChild(doc.importNode(parsed.documentElement, true), doc.documentElement);
  try {
    const result = extractArticle(doc, { url: 'http://127.0.0.1/fuzz.html' });
    if (!result.ok)
      return {
        threw: null,
        ok: false,
        danger: [],
        complete: typeof result.message === 'string' && result.message.length > 0,
      };
    const a = result.article;
    const complete =
      typeof a.title === 'string' &&
      typeof a.byline === 'string' &&
      typeof a.lang === 'string' &&
      (a.dir === 'ltr' || a.dir === 'rtl') &&
      typeof a.text === 'string' &&
      Number.isFinite(a.textLength) &&
      Number.isFinite(a.readingMinutes) &&
      a.content.nodeType === 11;
    return { threw: null, ok: true, danger: findDanger(a.content), complete };
  } catch (error) {
    return { threw: error, ok: false, danger: [], complete: false };
  }
}
