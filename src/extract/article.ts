/** The pipeline's output: plain data with no nullable surprises (empty strings, zeros). */
export interface RemovedCounts {
  duplicateCaptions: number;
  hiddenBlocks: number;
  skipLinks: number;
  tickers: number;
  navigation: number;
  lazyImages: number;
  noscriptCopies: number;
  /** Share bars and social button rows. */
  shareBars: number;
  /** Newsletter sign-ups and subscription prompts. */
  promos: number;
  /** Lists of links to other stories ("More from…", "Related: …") inside the article block. */
  relatedLinks: number;
  /** Gallery counters standing alone ("Image 1 of 5"). */
  galleryCounters: number;
  /**
   * Elements left outside the author's content region (the skip-link target or single `<main>`) and
   * never read: chrome there (navigation, tickers…) is not counted one by one.
   */
  outsideRegion: number;
}

export interface Article {
  title: string;
  byline: string;
  /** ISO 8601 when known, else ''. */
  published: string;
  siteName: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  excerpt: string;
  /**
   * Sanitized content, owned by the document it was made for. Insert `document.importNode(content, true)`,
   * never its own nodes: in a Chromium content script, nodes DOMPurify parsed keep the event handler of
   * an attribute it removed, and inserting them runs it in the page (seen in Chromium 156, not in
   * Firefox; no public bug known). It can go once the Chromium in use no longer runs them: check with
   * tests/e2e/security.test.ts after inserting the fragment's own nodes instead.
   */
  content: DocumentFragment;
  /** The content as plain text (paragraphs separated by blank lines). */
  text: string;
  textLength: number;
  readingMinutes: number;
  removed: RemovedCounts;
}

export type ExtractResult =
  { ok: true; article: Article } | { ok: false; reason: 'no-article' | 'error'; message: string };

export function emptyRemoved(): RemovedCounts {
  return {
    duplicateCaptions: 0,
    hiddenBlocks: 0,
    skipLinks: 0,
    tickers: 0,
    navigation: 0,
    lazyImages: 0,
    noscriptCopies: 0,
    shareBars: 0,
    promos: 0,
    relatedLinks: 0,
    galleryCounters: 0,
    outsideRegion: 0,
  };
}

/** Words per minute for reading time (a common adult silent-reading rate). */
const WPM = 230;

/** Words in a text: runs of letters, digits and underscores, in any script. */
export function wordCount(text: string): number {
  let words = 0;
  for (const re = /[\p{L}\p{N}_]+/gu; re.test(text);) words++;
  return words;
}

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WPM));
}
