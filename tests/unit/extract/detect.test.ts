import { detectArticle, displaysNone, jsonLdArticleType } from '../../../src/extract/detect';
import { expectSameAsRegExp } from '../../support/same-as-regexp';

const P = `<p>${'The council met on Tuesday to discuss the harbour and the ferry timetable, and agreed to publish it. '.repeat(3)}</p>`;
const parse = (markup: string): Document => new DOMParser().parseFromString(markup, 'text/html');

describe('JSON-LD types', () => {
  test.each([
    ['{"@type":"NewsArticle"}', 'NewsArticle'],
    ['[{"@type":"WebSite"},{"@type":"ReportageNewsArticle"}]', 'ReportageNewsArticle'],
    ['{"@graph":[{"@type":"WebPage"},{"@type":["BlogPosting"]}]}', 'BlogPosting'],
    ['{"@type":"http://schema.org/Article"}', 'Article'],
    ['<![CDATA[{"@type":"CollectionPage"}]]>', 'non-article'],
    ['// <![CDATA[\n{"@type":"NewsArticle"}]]>\n', 'NewsArticle'],
    ['{"@type":"WebSite"', null],
  ])('%s → %s', (json, type) => {
    expect(jsonLdArticleType(parse(`<script type="application/ld+json">${json}</script>`))).toBe(type);
  });
});

describe('detectArticle', () => {
  test('an article: paragraph text mass', () => {
    expect(
      detectArticle(parse(`<article><h1>T</h1>${P.repeat(6)}</article>`), 'https://n.example/a/1').isArticle,
    ).toBe(true);
  });

  test('a short story with article metadata', () => {
    const doc = parse(`<meta property="og:type" content="article"><main>${P}</main>`);
    expect(detectArticle(doc, 'https://n.example/a/1').isArticle).toBe(true);
  });

  test.each([
    [
      'og:type by name; with it the published time is not looked for',
      '<meta name="og:type" content=" Article ">',
      '<time datetime="2026-05-12" pubdate>12 May</time><script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      true,
      null,
      'NewsArticle',
    ],
    [
      'the date in <time pubdate>',
      '',
      '<time datetime="2026-05-12" pubdate>12 May</time>',
      false,
      true,
      null,
    ],
    [
      'the first og:type counts',
      '<meta property="og:type" content="website"><meta property="og:type" content="article">',
      '',
      false,
      false,
      null,
    ],
    [
      'published time in the body',
      '',
      '<meta property="article:published_time" content="2026-05-12">',
      false,
      true,
      null,
    ],
    [
      'JSON-LD in the body; with it the published time is not read',
      '',
      '<meta property="article:published_time" content="2026-05-12"><script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      false,
      null,
      'NewsArticle',
    ],
    [
      'an empty published time is none',
      '<meta name="article:published_time" content=" ">',
      '',
      false,
      false,
      null,
    ],
  ])('metadata signals: %s', (_name, head, body, ogArticle, publishedTime, jsonLdType) => {
    const d = detectArticle(
      parse(`<head>${head}</head><body>${body}<main>${P}</main></body>`),
      'https://n.example/a/1',
    );
    expect(d.signals.ogArticle).toBe(ogArticle);
    expect(d.signals.publishedTime).toBe(publishedTime);
    expect(d.signals.jsonLdType).toBe(jsonLdType);
  });

  test('a front page of teasers is not an article', () => {
    const teaser = `<li><a href="/a/1"><h4>Headline of a story</h4></a>${P}</li>`;
    const d = detectArticle(parse(`<ul>${teaser.repeat(8)}</ul>`), 'https://n.example/z/1');
    expect(d.isArticle).toBe(false);
    expect(d.signals.listing).toBe(true);
  });

  test('a page that says it is a collection is not an article', () => {
    const doc = parse(
      `<script type="application/ld+json">{"@type":"CollectionPage"}</script><main>${P.repeat(8)}</main>`,
    );
    expect(detectArticle(doc, 'https://n.example/z/1').isArticle).toBe(false);
  });

  test('a listing type in the JSON-LD overrules og:type=article (a front page that says both)', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"CollectionPage"}</script>';
    const og = '<meta property="og:type" content="article">';
    const d = detectArticle(parse(`${og}${jsonLd}<main>${P.repeat(8)}</main>`), 'https://n.example/a/1');
    expect(d.isArticle).toBe(false);
    expect(d.signals.listing).toBe(true);
  });

  test('a sign-in page is not an article; an empty document neither', () => {
    expect(
      detectArticle(parse('<main><form><input name="u"><button>Sign in</button></form></main>')).isArticle,
    ).toBe(false);
    expect(detectArticle(document.implementation.createHTMLDocument('')).isArticle).toBe(false);
  });

  test('hidden text does not count', () => {
    expect(detectArticle(parse(`<div hidden>${P.repeat(8)}</div>`), 'https://n.example/a/1').isArticle).toBe(
      false,
    );
  });

  test('article metadata and readerable text settle it early: the rest of the page is not read', () => {
    const rail = `<aside>${'<h3><a href="/a/2">Another story</a></h3>'.repeat(12)}</aside>`;
    const body = `<main><h1>T</h1>${P.repeat(8)}</main>${rail}`;
    const early = detectArticle(
      parse(`<script type="application/ld+json">{"@type":"NewsArticle"}</script>${body}`),
      'https://n.example/a/1',
    );
    expect(early.isArticle).toBe(true);
    expect(early.signals.decidedEarly).toBe(true);
    // Reading stopped once the text was readerable, before all eight paragraphs and the rail.
    expect(early.signals.paragraphs).toBeLessThan(8);
    expect(early.signals.headlineLinks).toBe(0);

    const full = detectArticle(parse(body), 'https://n.example/a/1');
    expect(full.isArticle).toBe(true);
    expect(full.signals.decidedEarly).toBe(false);
    expect(full.signals.paragraphs).toBe(8);
    expect(full.signals.headlineLinks).toBe(12);
    expect(full.signals.containerShare).toBe(1);
  });

  test('with article metadata, paragraphs under linked subheads are read as the story, not as teasers', () => {
    // A live page: each entry's heading links to the entry itself.
    const entries = `<h3><a href="#e1">11:02 The ferry is late</a></h3>${P}`.repeat(6);
    const meta = '<meta property="og:type" content="article">';
    const early = detectArticle(parse(`${meta}<main>${entries}</main>`), 'https://n.example/live/1');
    expect(early.isArticle).toBe(true);
    expect(early.signals.decidedEarly).toBe(true);
    expect(early.signals.teasers).toBe(0);
    // Without the metadata the whole page is read, and the same markup counts as teasers.
    const full = detectArticle(parse(`<main>${entries}</main>`), 'https://n.example/live/1');
    expect(full.signals.teasers).toBe(6);
  });

  test('article metadata never makes an empty page an article', () => {
    const doc = parse(
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script><meta property="og:type" content="article"><main><h1>Video</h1><p>Short.</p></main>',
    );
    const d = detectArticle(doc, 'https://n.example/v/1');
    expect(d.isArticle).toBe(false);
    expect(d.signals.decidedEarly).toBe(false);
  });
});

test('an inline style hides exactly where the regular expression it replaces said so', () => {
  // The detector's path runs no regular expression (src/shared/url-parts.ts says why). Over CSS's own
  // white space, which is all an inline style has.
  // prettier-ignore
  expectSameAsRegExp(displaysNone, /display\s*:\s*none/i, [
    'display', 'DISPLAY', 'Display', 'disp', 'lay', ':', 'none', 'NONE', 'nOnE', 'no', 'ne',
    'block', ' ', '\t', '\n', '\r', '\f', ';', 'x',
  ]);
  expect(displaysNone('color: red; DISPLAY :\tNone !important')).toBe(true);
  expect(displaysNone('display: block; visibility: none')).toBe(false);
});
