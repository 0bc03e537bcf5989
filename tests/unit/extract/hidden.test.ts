import { attributeHidden, hiddenPositions } from '../../../src/extract/hidden';

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

describe('the live walk', () => {
  test('the live walk lists hidden elements by their position in tag order, not their descendants', () => {
    // The environment's own document: jsdom cascades style sheets into getComputedStyle there.
    document.head.innerHTML = '<style>.x{display:none}</style>';
    document.body.innerHTML =
      '<div><p>a</p><section class="x"><p>in</p><div><span>deep</span></div></section><p>b</p><aside class="x"><i>in</i></aside><em>c</em></div>';
    try {
      const hidden = hiddenPositions(document.body, 1_000, window);
      const all = document.body.getElementsByTagName('*');
      expect(hidden.map((i) => all[i]?.localName)).toEqual(['section', 'aside']);
      // Without the window (no layout), it only measures the depth.
      expect(hiddenPositions(document.body, 1_000, null)).toEqual([]);
    } finally {
      document.head.innerHTML = '';
      document.body.innerHTML = '';
    }
  });

  test('the live walk allows exactly its depth and throws one level below it', () => {
    const doc = parse(`${'<div>'.repeat(30)}text${'</div>'.repeat(30)}`);
    expect(hiddenPositions(doc.body, 30, null)).toEqual([]);
    expect(() => hiddenPositions(doc.body, 29, null)).toThrow(RangeError);
  });
});
