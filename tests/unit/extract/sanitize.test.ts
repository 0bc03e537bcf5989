/** @jest-environment node */
/**
 * The sanitizer's URL rule: http(s), mailto and tel, in-page fragments and relative URLs pass; every
 * other scheme goes, those with digits or "+" in their name included.
 */
import { JSDOM } from 'jsdom';
import { sanitizeHtmlToFragment } from '../../../src/extract/sanitize';

function hrefAfter(href: string): string | null {
  const { window } = new JSDOM('<!doctype html><body></body>', { url: 'http://127.0.0.1/' });
  const fragment = sanitizeHtmlToFragment(
    `<p><a href="${href.replace(/"/g, '&quot;')}">link</a></p>`,
    window as unknown as Window,
  );
  return fragment.querySelector('a')?.getAttribute('href') ?? null;
}

describe('link URLs', () => {
  test.each([
    'https://example.org/story',
    'http://example.org/',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:desk@example.org',
    'tel:+44-20-7946-0000',
    '#section-2',
    '/news/2024/story.html',
    'story.html',
    'part-2.html',
    '../archive/',
    '?page=2',
    '//example.org/protocol-relative',
    'a/b:c',
    'page?time=10:30',
    'page#t=1:20',
    '2024:review',
  ])('keeps %s', (href) => {
    expect(hrefAfter(href)).toBe(href);
  });

  test.each([
    'h323:alice@example.org',
    'web+x1:payload',
    'web+news:x',
    'ftp://example.org/',
    'sms:+15550100',
    'xmpp:a@b',
    'chrome-extension://abc/popup.html',
    'moz-extension://abc/popup.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'a1:b',
    'x.y-z+1:w',
  ])('drops %s', (href) => {
    expect(hrefAfter(href)).toBeNull();
  });
});
