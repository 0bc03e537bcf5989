/**
 * Bad input (issue 3, item 10): no exception escapes the pipeline or the detector, and the result is an
 * article or a clear "no article". Runs in the jest jsdom environment.
 */
import { extractArticle } from '../../../src/extract/pipeline';
import { detectArticle } from '../../../src/extract/detect';
import type { ExtractResult } from '../../../src/extract/article';
import { hiddenPositions } from '../../../src/extract/hidden';

const parser = new DOMParser();
const html = (markup: string): Document => parser.parseFromString(markup, 'text/html');

const PARAGRAPH =
  'The council met on Tuesday to discuss the harbour, the ferry timetable and the new school, and agreed, ' +
  'after a long debate, that every decision would be published in full before the end of the month.';

function article(paragraphs: number): string {
  return `<article><h1>A headline</h1>${`<p>${PARAGRAPH}</p>`.repeat(paragraphs)}</article>`;
}

function settled(doc: Document): ExtractResult {
  let result: ExtractResult | undefined;
  expect(() => {
    detectArticle(doc);
    result = extractArticle(doc);
  }).not.toThrow();
  const r = result as ExtractResult;
  if (!r.ok) expect(r.reason).toBe('no-article');
  return r;
}

/** The DOM tree's own steps and reads: counted as a measure of work that does not depend on the machine. */
const DOM_STEPS: Array<[object, string[]]> = [
  [
    Node.prototype,
    [
      'parentNode',
      'parentElement',
      'childNodes',
      'firstChild',
      'lastChild',
      'nextSibling',
      'previousSibling',
    ],
  ],
  [
    Element.prototype,
    [
      'children',
      'firstElementChild',
      'lastElementChild',
      'nextElementSibling',
      'previousElementSibling',
      'getAttribute',
      'hasAttribute',
      'getElementsByTagName',
      'querySelector',
      'querySelectorAll',
    ],
  ],
];

/** How many DOM steps and reads `run` makes (each counted once, whatever it costs inside jsdom). */
function domCalls(run: () => void): number {
  let calls = 0;
  const restore: Array<() => void> = [];
  for (const [proto, names] of DOM_STEPS)
    for (const name of names) {
      const desc = Object.getOwnPropertyDescriptor(proto, name);
      if (!desc) throw new Error(`jsdom has no ${name}`);
      const counted: PropertyDescriptor = { ...desc };
      if (desc.get) {
        const get = desc.get;
        counted.get = function (this: unknown) {
          calls++;
          return get.call(this);
        };
      } else if (typeof desc.value === 'function') {
        const fn = desc.value as (...a: unknown[]) => unknown;
        counted.value = function (this: unknown, ...args: unknown[]) {
          calls++;
          return fn.apply(this, args);
        };
      }
      Object.defineProperty(proto, name, counted);
      restore.push(() => Object.defineProperty(proto, name, desc));
    }
  try {
    run();
  } finally {
    for (const undo of restore) undo();
  }
  return calls;
}

describe('bad input never throws and ends in an article or "no article"', () => {
  test('an empty document', () => {
    expect(settled(document.implementation.createHTMLDocument('')).ok).toBe(false);
    expect(settled(html('')).ok).toBe(false);
  });

  test('a document without a body', () => {
    const doc = html('<title>x</title><p>text</p>');
    doc.documentElement.removeChild(doc.body);
    expect(settled(doc).ok).toBe(false);
  });

  test('a frameset', () => {
    expect(
      settled(html('<frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset>')).ok,
    ).toBe(false);
  });

  test('an XML document and an SVG document', () => {
    expect(settled(parser.parseFromString(`<root><p>${PARAGRAPH}</p></root>`, 'application/xml')).ok).toBe(
      false,
    );
    const svg = parser.parseFromString(
      '<svg xmlns="http://www.w3.org/2000/svg"><text>Hello</text></svg>',
      'image/svg+xml',
    );
    expect(settled(svg).ok).toBe(false);
  });

  test('malformed HTML still gives the article', () => {
    const doc = html(
      `<p><b>unclosed <div></p></b><table><td>cell<tr><article><h1>Title</h1><p>${PARAGRAPH}<p>${PARAGRAPH}<p>${PARAGRAPH}</article></i></u>`,
    );
    const r = settled(doc);
    expect(r.ok).toBe(true);
  });

  test('a page of images only is "no article"', () => {
    const imgs = Array.from({ length: 30 }, (_, i) => `<img src="/p${i}.jpg" alt="">`).join('');
    expect(settled(html(`<main>${imgs}</main>`)).ok).toBe(false);
  });

  test('10,000 levels of nesting: the depth check is iterative and stops early', () => {
    // Built detached, bottom-up: jsdom itself needs depth² steps to attach (or parse) such a tree.
    let inner: Element = document.createElement('article');
    for (let i = 0; i < 10_000; i++) {
      const div = document.createElement('div');
      div.appendChild(inner);
      inner = div;
    }
    const root = document.createElement('div');
    root.appendChild(inner);
    expect(() => hiddenPositions(root, 1_000, null)).toThrow(RangeError);
    expect(hiddenPositions(root, 20_000, null)).toEqual([]);
  });

  test('a page nested deeper than any parser builds is a clear "no article", found before it is copied', () => {
    const deep = html(`${'<div>'.repeat(2_000)}${article(4)}${'</div>'.repeat(2_000)}`);
    // Copying such a tree costs depth × size: the check comes first.
    const copies = jest.spyOn(deep, 'cloneNode');
    const r = settled(deep);
    expect(r.ok).toBe(false);
    expect(copies).not.toHaveBeenCalled();
    // Under the cap, nesting is no obstacle.
    expect(settled(html(`${'<div>'.repeat(400)}${article(4)}${'</div>'.repeat(400)}`)).ok).toBe(true);
  });

  test('nesting outside the content region does not count: only what is cloned is measured', () => {
    const deepRail = `<aside>${'<div>'.repeat(1_500)}<a href="/elsewhere">Elsewhere</a>${'</div>'.repeat(1_500)}</aside>`;
    const skip = '<a href="#content">Skip to main content</a>';
    const region = `<main id="content">${article(4)}</main>`;
    const r = settled(html(`${skip}${deepRail}${region}`));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.article.removed.outsideRegion).toBeGreaterThanOrEqual(1_500);
    // The same depth inside the region is still too deep.
    const deepRegion = `<main id="content">${'<div>'.repeat(1_500)}${article(4)}${'</div>'.repeat(1_500)}</main>`;
    const deep = settled(html(`${skip}${deepRegion}`));
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.message).toBe('This page is nested too deeply to read');
  });

  test('a 5 MB page, with work that grows about linearly with size', () => {
    // The shape of a real 5 MB news page: a short story among a large inline state script, a style sheet,
    // an SVG sprite and rails of teasers.
    const page = (scale: number): string => {
      const state = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 5_000 * scale }, (_, i) => ({ id: i, title: 'Headline of a story elsewhere on the site' })) })}</script>`;
      const style = `<style>${'.teaser-card__title{font:700 1.1rem/1.3 serif;margin:0 0 .5rem}'.repeat(2_000 * scale)}</style>`;
      const sprite = `<svg hidden>${`<symbol id="i"><path d="${'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z'.repeat(4)}"/></symbol>`.repeat(120 * scale)}</svg>`;
      const rail = `<aside class="rail"><ul>${`<li><a href="/news/2026/03/02/a-story-elsewhere-on-the-site-with-a-long-address.html"><h4>A headline of a story elsewhere on the site, long enough to wrap onto two lines of a card</h4></a></li>`.repeat(160 * scale)}</ul></aside>`;
      return `<head>${style}</head><body>${state}${sprite}${article(8)}${rail}</body>`;
    };
    const bigMarkup = page(10);
    expect(bigMarkup.length).toBeGreaterThan(5_000_000);
    const small = html(page(1));
    const big = html(bigMarkup);
    const smallCalls = domCalls(() => expect(settled(small).ok).toBe(true));
    const bigCalls = domCalls(() => expect(settled(big).ok).toBe(true));
    // 10× the page: about 10× the work (the story is the same size in both), nothing like 100×.
    expect(bigCalls / smallCalls).toBeLessThan(15);
  }, 60_000);
});
