import { attributeHidden, walkLive, prepareClone, resolveLazyImage } from '../../../src/extract/prepass';
import { emptyRemoved } from '../../../src/extract/article';

const parse = (markup: string): Document => new DOMParser().parseFromString(markup, 'text/html');
const el = (markup: string): Element => parse(markup).body.firstElementChild as Element;

describe('attribute and class evidence (no layout)', () => {
  test.each([
    ['<div hidden>x</div>', true],
    ['<div aria-hidden="true">x</div>', true],
    ['<div style="display: none">x</div>', true],
    ['<div style="color: red; visibility:hidden">x</div>', true],
    ['<div class="sr-only">x</div>', true],
    ['<div class="visually-hidden">x</div>', true],
    ['<div class="js-hidden">x</div>', true],
    ['<div class="visible-xs-block">XS</div>', true],
    ['<div class="hidden md:block">shown on desktop</div>', false],
    ['<div class="d-none d-lg-block">shown on desktop</div>', false],
    ['<div class="hidden-xs">shown on desktop</div>', false],
    ['<div class="story">x</div>', false],
  ])('%s hidden: %s', (markup, hidden) => {
    expect(attributeHidden(el(markup), true)).toBe(hidden);
  });

  test('classes count only where there is no layout', () => {
    expect(attributeHidden(el('<div class="sr-only">x</div>'), false)).toBe(false);
  });
});

describe('lazy images', () => {
  test.each([
    ['<img src="" data-src="/a.jpg">', '/a.jpg'],
    ['<img data-original="/b.jpg" src="/img/placeholder.gif">', '/b.jpg'],
    ['<img data-lazy-src="/c.jpg">', '/c.jpg'],
    ['<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset="/d.jpg 1x, /d2.jpg 2x">', '/d.jpg'],
    ['<img src="/real.jpg" data-src="/other.jpg">', '/real.jpg'],
  ])('%s → %s', (markup, src) => {
    const img = el(markup);
    resolveLazyImage(img);
    expect(img.getAttribute('src')).toBe(src);
  });
});

describe('prepareClone', () => {
  test('leaves no trace in the live page', () => {
    const doc = parse(
      '<section><div class="sr-only"><h2>Accessibility links</h2><ul><li><a href="#content">Skip</a></li></ul></div></section>' +
        '<div id="content"><p class="sr-only">hidden</p><img src="" data-src="/a.jpg"><noscript><img src="/a.jpg"></noscript></div>',
    );
    const before = doc.documentElement.outerHTML;
    const removed = emptyRemoved();
    const { clone } = prepareClone(doc, window, removed);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(clone.querySelector('.sr-only')).toBeNull();
    expect(clone.querySelectorAll('img').length).toBe(1);
    expect(clone.querySelector('img')?.getAttribute('src')).toBe('/a.jpg');
    expect(removed.skipLinks).toBe(1);
    expect(removed.noscriptCopies).toBe(1);
    expect(removed.lazyImages).toBe(1);
  });

  test('a noscript copy whose content is text (scripting on) gives an inert, plain image', () => {
    const doc = parse('<figure><noscript></noscript><figcaption>Caption</figcaption></figure>');
    (doc.querySelector('noscript') as Element).textContent = '<img src="/n.jpg" alt="N" onerror="alert(1)">';
    const { clone } = prepareClone(doc, window, emptyRemoved());
    const img = clone.querySelector('img') as Element;
    expect(img.getAttribute('src')).toBe('/n.jpg');
    expect(img.hasAttribute('onerror')).toBe(false);
  });

  test('the live walk lists hidden elements by their position in tag order, not their descendants', () => {
    // The environment's own document: jsdom cascades style sheets into getComputedStyle there.
    document.head.innerHTML = '<style>.x{display:none}</style>';
    document.body.innerHTML =
      '<div><p>a</p><section class="x"><p>in</p><div><span>deep</span></div></section><p>b</p><aside class="x"><i>in</i></aside><em>c</em></div>';
    try {
      const hidden = walkLive(document.body, 1_000, window);
      const all = document.body.getElementsByTagName('*');
      expect(hidden.map((i) => all[i]?.localName)).toEqual(['section', 'aside']);
      // Without the window (no layout), it only measures the depth.
      expect(walkLive(document.body, 1_000, null)).toEqual([]);
    } finally {
      document.head.innerHTML = '';
      document.body.innerHTML = '';
    }
  });

  test('the live walk allows exactly its depth and throws one level below it', () => {
    const doc = parse(`${'<div>'.repeat(30)}text${'</div>'.repeat(30)}`);
    expect(walkLive(doc.body, 30, null)).toEqual([]);
    expect(() => walkLive(doc.body, 29, null)).toThrow(RangeError);
  });

  /**
   * Runs `check` on the environment's own page, given `head` and `body`, pretending it is laid out so
   * that the style path runs: jsdom has no layout, but it does cascade `display` from style sheets into
   * getComputedStyle. The page is emptied and its layout restored after.
   */
  function withLayout(head: string, body: string, check: () => void): void {
    document.head.innerHTML = head;
    document.body.innerHTML = body;
    const rect = document.documentElement.getBoundingClientRect;
    document.documentElement.getBoundingClientRect = () => ({ width: 1024 }) as DOMRect;
    try {
      check();
    } finally {
      document.documentElement.getBoundingClientRect = rect;
      document.head.innerHTML = '';
      document.body.innerHTML = '';
    }
  }

  test('with layout, computed styles decide and the clone loses what the page hides', () => {
    withLayout(
      '<style>.rail{display:none}</style>',
      '<div class="rail">rail</div><div class="sr-only">kept: classes do not count with layout</div><p>story</p>',
      () => {
        const live = document.documentElement.outerHTML;
        expect(walkLive(document.body, 1_000, window)).toEqual([0]);
        const { clone } = prepareClone(document, window, emptyRemoved());
        expect(clone.body.textContent).not.toContain('rail');
        expect(clone.body.textContent).toContain('story');
        expect(clone.body.textContent).toContain('kept');
        expect(document.documentElement.outerHTML).toBe(live);
      },
    );
  });

  test('the copy has none of the page’s style elements, and still loses what they hide', () => {
    // A style element in the body comes before the hidden one: the hidden positions must be mapped
    // to the copy before the styles leave it, or every position after it would be off by one.
    withLayout(
      '<style>.rail{display:none}</style>',
      '<style>.promo{display:none}</style><p>story</p><div class="promo">promo</div><style>p{}</style><div class="rail">rail</div><p>end</p>',
      () => {
        const live = document.documentElement.outerHTML;
        const removed = emptyRemoved();
        const { clone } = prepareClone(document, window, removed);
        expect(clone.getElementsByTagName('style').length).toBe(0);
        expect(clone.styleSheets.length).toBe(0);
        expect(clone.body.textContent).toBe('storyend');
        expect(removed.hiddenBlocks).toBe(2);
        expect(document.documentElement.outerHTML).toBe(live);
        expect(document.getElementsByTagName('style').length).toBe(3);
      },
    );
  });
});
