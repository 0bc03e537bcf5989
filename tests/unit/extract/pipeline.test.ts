import { extractArticle } from '../../../src/extract/pipeline';
import type { Article } from '../../../src/extract/article';

const P = (n: number): string =>
  `<p>Paragraph ${n}: the council met on Tuesday to discuss the harbour, the ferry timetable and the school, and agreed to publish every decision.</p>`;
const BODY = Array.from({ length: 6 }, (_, i) => P(i + 1)).join('');

function extract(markup: string, url?: string): Article {
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  const result = extractArticle(doc, url ? { url } : {});
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

describe('extractArticle', () => {
  test('plain data with no nullable surprises', () => {
    const a = extract(
      `<html lang="ur"><head><title>T</title></head><body><article><h1>T</h1>${BODY}</article></body></html>`,
    );
    expect(a.lang).toBe('ur');
    expect(a.dir).toBe('rtl');
    for (const key of ['title', 'byline', 'published', 'siteName', 'excerpt', 'text'] as const)
      expect(typeof a[key]).toBe('string');
    expect(a.textLength).toBe(a.text.length);
    expect(a.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(a.text).toContain('Paragraph 6');
  });

  test('the date comes from the page when the metadata has none', () => {
    const a = extract(
      `<article><h1>T</h1><div class="published"><time datetime="2021-04-07T11:48:01-04:00">April 7</time></div>${BODY}</article>`,
    );
    expect(a.published).toBe('2021-04-07T11:48:01-04:00');
  });

  test('sanitized: no scripts, handlers, javascript: URLs, forms, iframes, inline styles; links are safe', () => {
    const a = extract(
      `<article><h1>T</h1>${BODY}<p style="color:red">Styled <a href="javascript:alert(1)">js</a> <a href="https://x.example/" onclick="alert(1)">out</a>
       <img src="x" onerror="alert(1)"><script>alert(1)</script></p><form><input name="q"></form><iframe src="https://x.example/"></iframe>${P(7)}</article>`,
      'https://news.example/a/1',
    );
    const root = document.createElement('div');
    root.appendChild(document.importNode(a.content, true));
    expect(root.querySelector('script, form, input, iframe, [style], [onerror], [onclick]')).toBeNull();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    const out = root.querySelector('a[href="https://x.example/"]');
    expect(out?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('relative links resolve against the page URL', () => {
    const a = extract(
      `<article><h1>T</h1>${BODY}<p><a href="/other">Other</a> and <img src="img/p.jpg" alt="P"></p></article>`,
      'https://news.example/a/1.html',
    );
    const root = document.createElement('div');
    root.appendChild(document.importNode(a.content, true));
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://news.example/other');
    expect(root.querySelector('img')?.getAttribute('src')).toBe('https://news.example/a/img/p.jpg');
  });

  test('chrome never reaches the article: skip links, tickers, share bars, the responsive indicator', () => {
    const a =
      extract(`<body><section><div class="sr-only"><h2>Accessibility links</h2><ul><li><a href="#content">Skip to main content</a></li></ul></div></section>
      <div class="c-hlights c-hlights--breaking"><span class="c-hlights__label"><span>Breaking News</span></span><ul><li><a href="/a/9">Storm</a></li></ul></div>
      <div id="content"><article><h1>T</h1><div class="share-links"><a href="/s?f">Facebook</a><a href="/s?t">Twitter</a></div>${BODY}</article></div>
      <div class="responsive-indicator"><div class="visible-xs-block">XS</div><div class="visible-sm-block">SM</div><div class="visible-md-block">MD</div><div class="visible-lg-block">LG</div></div></body>`);
    for (const noise of ['Accessibility links', 'Skip to', 'Breaking News', 'Storm', 'Facebook', 'XS'])
      expect(a.text).not.toContain(noise);
    expect(a.removed.skipLinks).toBe(1);
    // The skip target holds the article: the ticker and the indicator beside it are never read.
    expect(a.removed.outsideRegion).toBeGreaterThanOrEqual(2);
    expect(a.removed.shareBars).toBe(1);
  });

  test('without a content region, tickers, share bars and the indicator are found and removed one by one', () => {
    const a =
      extract(`<body><div class="c-hlights c-hlights--breaking"><span class="c-hlights__label"><span>Breaking News</span></span><ul><li><a href="/a/9">Storm</a></li></ul></div>
      <div class="story"><h1>T</h1><div class="share-links"><a href="/s?f">Facebook</a><a href="/s?t">Twitter</a></div>${BODY}</div>
      <div class="responsive-indicator"><div class="visible-xs-block">XS</div><div class="visible-sm-block">SM</div><div class="visible-md-block">MD</div><div class="visible-lg-block">LG</div></div></body>`);
    for (const noise of ['Breaking News', 'Storm', 'Facebook', 'XS']) expect(a.text).not.toContain(noise);
    expect(a.removed.outsideRegion).toBe(0);
    expect(a.removed.tickers).toBe(1);
    expect(a.removed.shareBars).toBe(1);
    expect(a.removed.hiddenBlocks).toBeGreaterThanOrEqual(1);
  });

  test('a skip target in the page behind a modal layer (aria-hidden) does not confine the extraction', () => {
    // Yahoo's article view: the story opens in a modal layer, and the page behind it, "Skip to Main
    // Content" target included, is hidden from assistive technology.
    const OLD = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Yesterday's story ${i + 1}, still on the page behind the modal layer, long enough to be read as an article paragraph.</p>`,
    ).join('');
    const a = extract(`<body><a href="#Main">Skip to Main Content</a>
      <div id="behind" aria-hidden="true"><div id="Main">${OLD}</div></div>
      <div class="render-target-modal"><article><h1>T</h1>${BODY}</article></div></body>`);
    expect(a.text).toContain('Paragraph 6');
    expect(a.text).not.toContain("Yesterday's story");
    expect(a.removed.outsideRegion).toBe(0);
  });

  test('the live document is left exactly as it was', () => {
    const doc = new DOMParser().parseFromString(
      `<section><div class="sr-only"><ul><li><a href="#c">Skip</a></li></ul></div></section><div id="c"><article><h1>T</h1><img src="" data-src="/a.jpg" alt="A">${BODY}</article></div>`,
      'text/html',
    );
    const before = doc.documentElement.outerHTML;
    expect(extractArticle(doc).ok).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
