import { resolveLazyImage } from '../../../src/extract/lazy-images';

const parse = (markup: string): Document => new DOMParser().parseFromString(markup, 'text/html');
const el = (markup: string): Element => parse(markup).body.firstElementChild as Element;

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
