import { prepareCopy } from '../../../src/extract/pipeline';
import { hiddenPositions } from '../../../src/extract/hidden';
import { emptyRemoved } from '../../../src/extract/article';

const parse = (markup: string): Document => new DOMParser().parseFromString(markup, 'text/html');

describe('prepareCopy', () => {
  test('leaves no trace in the live page', () => {
    const doc = parse(
      '<section><div class="sr-only"><h2>Accessibility links</h2><ul><li><a href="#content">Skip</a></li></ul></div></section>' +
        '<div id="content"><p class="sr-only">hidden</p><img src="" data-src="/a.jpg"><noscript><img src="/a.jpg"></noscript></div>',
    );
    const before = doc.documentElement.outerHTML;
    const removed = emptyRemoved();
    const { clone } = prepareCopy(doc, window, removed);
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
    const { clone } = prepareCopy(doc, window, emptyRemoved());
    const img = clone.querySelector('img') as Element;
    expect(img.getAttribute('src')).toBe('/n.jpg');
    expect(img.hasAttribute('onerror')).toBe(false);
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
        expect(hiddenPositions(document.body, 1_000, window)).toEqual([0]);
        const { clone } = prepareCopy(document, window, emptyRemoved());
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
        const { clone } = prepareCopy(document, window, removed);
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
