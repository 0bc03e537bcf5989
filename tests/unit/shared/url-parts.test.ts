/**
 * urlParts reads a page's address without a URL object (src/shared/url-parts.ts says why): it must
 * agree with the URL parser on every address a document can have.
 */
import fc from 'fast-check';
import { urlParts } from '../../../src/shared/url-parts';

const fromParser = (href: string) => {
  const u = new URL(href);
  return { host: u.hostname, path: u.pathname, query: u.search.slice(1) };
};

test.each([
  'https://news.example/2026/11/harbour-ferry?page=2#comments',
  'http://127.0.0.1:8080/a.html',
  'http://[::1]:3000/',
  'https://user:secret@LOCALHOST:9/x?',
  'https://news.example',
  'https://news.example/?',
  'https://news.example/#?not-a-query',
  'https://news.example/a@b:c/d?e=f?g',
  'file:///home/reader/page.html',
])('%s, as a document spells it', (raw) => {
  const href = new URL(raw).href;
  expect(urlParts(href)).toEqual(fromParser(href));
});

test('agrees with the URL parser on generated web addresses, as a document would spell them', () => {
  fc.assert(
    fc.property(
      fc.webUrl({
        withQueryParameters: true,
        withFragments: true,
        authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
      }),
      (raw) => {
        const href = new URL(raw).href; // serialized, as document.URL is
        expect(urlParts(href)).toEqual(fromParser(href));
      },
    ),
    { numRuns: 2000 },
  );
});

test('an address without a scheme and authority has no parts', () => {
  expect(urlParts('about:blank')).toBeNull();
  expect(urlParts('')).toBeNull();
});
