/**
 * fast-check arbitraries for HTML: random trees built from tags and attributes that matter to a
 * sanitizer (handlers, URL attributes, raw-text and foreign elements), and mutations of real fixture
 * pages (slices cut, duplicated or interleaved with attack fragments).
 */
import fc from 'fast-check';
import { PAYLOADS } from '../security/payloads';

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'img',
  'figure',
  'figcaption',
  'article',
  'main',
  'section',
  'nav',
  'header',
  'footer',
  'h1',
  'h2',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'pre',
  'code',
  'blockquote',
  'br',
  'picture',
  'source',
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'noscript',
  'template',
  'svg',
  'math',
  'mglyph',
  'mtext',
  'foreignObject',
  'title',
  'xmp',
  'base',
  'meta',
  'link',
  'details',
  'dialog',
  'video',
  'audio',
  'frameset',
  'body',
  'head',
  'html',
];
const ATTRS = [
  'href',
  'src',
  'srcset',
  'data-src',
  'alt',
  'title',
  'class',
  'id',
  'name',
  'style',
  'onerror',
  'onload',
  'onclick',
  'onmouseover',
  'action',
  'formaction',
  'srcdoc',
  'xlink:href',
  'hidden',
  'aria-hidden',
  'role',
  'lang',
  'dir',
  'loading',
  'data-original',
  'tabindex',
  'autofocus',
  'open',
];
const VALUES = [
  'x',
  '',
  '#content',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'vbscript:x',
  'data:text/html,<script>alert(1)</script>',
  'data:image/png;base64,iVBORw0KGgo=',
  '/img/a.png',
  'http://127.0.0.1/x',
  'alert(1)',
  '"><img src=x onerror=alert(1)>',
  'sr-only',
  'visually-hidden',
  'true',
  'rtl',
  'ur',
  'lazy',
  'background:url(javascript:alert(1))',
  '&lt;script&gt;',
  '\u0000',
  '</noscript><img src=x onerror=alert(1)>',
];
const WORDS = [
  'the',
  'harbour',
  'lamp',
  'council',
  'report',
  'volunteers',
  'light',
  'Skip to main content',
  'Breaking News',
  'XS',
  'MD',
  '&amp;',
  '&lt;b&gt;',
  '<',
  '>',
  '"',
  "'",
  'خبر',
  'ہے',
];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));
const attr = fc
  .tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...VALUES))
  .map(([n, v]) => `${n}="${v.replace(/"/g, '&quot;')}"`);

export const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string; element: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    tie('element'),
    fc.constant('<!-- c -->'),
  ),
  element: fc
    .tuple(
      fc.constantFrom(...TAGS),
      fc.array(attr, { maxLength: 4 }),
      fc.array(tie('node'), { maxLength: 5 }),
      fc.boolean(),
    )
    .map(
      ([tag, attrs, children, close]) =>
        `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>${children.join('')}${close ? `</${tag}>` : ''}`,
    ),
})).node;

/** A page around a random tree, sometimes with article-like text so the pipeline gets past "no article". */
export const htmlPage: fc.Arbitrary<string> = fc
  .tuple(fc.array(htmlTree, { maxLength: 6 }), fc.nat({ max: 8 }), fc.boolean())
  .map(([trees, paragraphs, head]) => {
    const body = Array.from(
      { length: paragraphs },
      (_, i) =>
        `<p>Paragraph ${i}: the council's report on the harbour lamp explains at length how the volunteers restored the light for the fleet on foggy nights.</p>`,
    );
    const mixed = trees.flatMap((t, i) => [t, body[i] ?? '']).concat(body.slice(trees.length));
    return `${head ? '<!doctype html><html><head><title>Fuzz</title></head><body>' : ''}${mixed.join('\n')}`;
  });

/** Mutations of a fixture page: cut, duplicate, truncate, or splice in attack fragments. */
export function mutatedPage(source: string): fc.Arbitrary<string> {
  const len = source.length;
  const mutation = fc.oneof(
    fc.tuple(fc.nat({ max: len }), fc.nat({ max: 2000 })).map(
      ([at, n]) =>
        (s: string) =>
          s.slice(0, at) + s.slice(at + n),
    ),
    fc.tuple(fc.nat({ max: len }), fc.nat({ max: 2000 })).map(
      ([at, n]) =>
        (s: string) =>
          s.slice(0, at) + s.slice(at, at + n) + s.slice(at),
    ),
    fc.nat({ max: len }).map((at) => (s: string) => s.slice(0, at)),
    fc.tuple(fc.nat({ max: len }), fc.constantFrom(...PAYLOADS.map((p) => p.html))).map(
      ([at, p]) =>
        (s: string) =>
          s.slice(0, at) + p + s.slice(at),
    ),
    fc.tuple(fc.nat({ max: len }), htmlTree).map(
      ([at, t]) =>
        (s: string) =>
          s.slice(0, at) + t + s.slice(at),
    ),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 5 }).map((ms) => ms.reduce((s, m) => m(s), source));
}
