import { findSkipLinks, findSkipTarget, inPageFragment, namesChrome } from '../../../src/extract/skip-links';
import { isEmptyTarget } from '../../../src/extract/dom';
import { expectSameAsRegExp } from '../../support/same-as-regexp';

const PARAS = '<p>' + 'Article text, long enough to count as a paragraph of the story. '.repeat(3) + '</p>';
const parse = (markup: string, url = 'https://news.example/a/1.html'): Document => {
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.appendChild(base);
  return doc;
};

describe('skip links are found by structure, in any language', () => {
  test('the Pangea block: section > .sr-only > h2 + ul, translated', () => {
    const doc = parse(`<section><div class="sr-only"><h2>رسائی کے لنکس</h2><ul>
      <li><a href="#content">مرکزی مواد پر جائیں</a></li><li><a href="#navigation">نیویگیشن</a></li>
      <li><a href="#txtHeaderSearch">تلاش</a></li></ul></div></section>
      <nav id="navigation"><a href="/">Home</a></nav><form><input id="txtHeaderSearch"></form>
      <div id="content">${PARAS}</div>`);
    const links = findSkipLinks(doc);
    expect(links.map((l) => l.link.getAttribute('href'))).toEqual([
      '#content',
      '#navigation',
      '#txtHeaderSearch',
    ]);
    expect(links[0]?.block?.tagName).toBe('SECTION');
    expect(findSkipTarget(doc)?.id).toBe('content');
  });

  test('navigation and search targets are not the content; main is the fallback', () => {
    const doc = parse(
      `<a href="#nav">Skip to navigation</a><nav id="nav"><a href="/">Home</a></nav><main>${PARAS}</main>`,
    );
    expect(findSkipTarget(doc)?.tagName).toBe('MAIN');
  });

  test('a link to this page with a fragment is in-page; another page is not', () => {
    // The test environment's own document has a real URL (http://localhost/).
    const here = document.URL.replace(/#.*/, '');
    document.body.innerHTML = `<a href="${here}#story">Skip</a><a href="/other#x">x</a><a href="#%C3%A9">é</a>`;
    const [a, b, c] = Array.from(document.querySelectorAll('a'));
    expect(inPageFragment(a as Element, document)).toBe('story');
    expect(inPageFragment(b as Element, document)).toBeNull();
    expect(inPageFragment(c as Element, document)).toBe('é');
    document.body.innerHTML = '';
  });

  test('ordinary links and a fragment that names nothing give no target', () => {
    const doc = parse(
      `<ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul><a href="#top">Top</a>${PARAS}`,
    );
    expect(findSkipLinks(doc).every((l) => l.target === null)).toBe(true);
    expect(findSkipTarget(doc)).toBeNull();
  });

  test('a named empty anchor is a target that stands for what follows', () => {
    const doc = parse(
      `<a href="#main-content">Skip</a><header>Site</header><a name="main-content"></a>${PARAS}`,
    );
    const target = findSkipTarget(doc);
    expect(target?.getAttribute('name')).toBe('main-content');
    expect(isEmptyTarget(target as Element)).toBe(true);
  });
});

test('an id names chrome exactly where the regular expression it replaces said so', () => {
  // The detector's path runs no regular expression (src/shared/url-parts.ts says why).
  // prettier-ignore
  expectSameAsRegExp(namesChrome, /nav|menu|search|footer|foot\b|sidebar|login|account/, [
    'nav', 'foot', 'footer', 'feet', 'menu', 'side', 'bar', 'sidebar', 'log', 'in', 'login',
    'account', 'search', 'main', 'content', 'story', '_', '-', '1', ' ', 'é', 'a', 'x',
  ]);
  expect(namesChrome('page-foot')).toBe(true);
  expect(namesChrome('footnotes')).toBe(false);
  expect(namesChrome('story-body')).toBe(false);
});
