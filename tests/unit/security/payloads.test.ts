/** @jest-environment node */
/**
 * Every payload of the table, through the sanitizer alone and through the whole pipeline under jsdom:
 * nothing dangerous comes out, and the article's own text is still there. The same table runs in real
 * Chromium and Firefox in tests/e2e/security.test.ts.
 */
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../../src/extract/pipeline';
import { prepareSanitizer, sanitizeHtmlToFragment } from '../../../src/extract/sanitize';
import { PAYLOADS, payloadPage, BEACON } from '../../../scripts/lib/security/payloads';
import { findDanger, findPageHooks } from '../../../scripts/lib/security/danger';

/** A document with a window (as in a tab), which the pipeline needs for its sanitizer. */
function load(html: string): Document {
  return new JSDOM(html, { url: 'http://127.0.0.1/payloads.html' }).window.document;
}

describe('payload table', () => {
  test('has unique ids and a cited source for each payload', () => {
    expect(new Set(PAYLOADS.map((p) => p.id)).size).toBe(PAYLOADS.length);
    for (const p of PAYLOADS) expect(p.source).toMatch(/^(OWASP|PortSwigger|DOMPurify|mXSS|security review)/);
  });

  test.each(PAYLOADS.map((p) => [p.id, p] as const))('sanitizer alone: %s', (_id, payload) => {
    const { window } = new JSDOM('<!doctype html><body></body>', { url: 'http://127.0.0.1/' });
    const fragment = sanitizeHtmlToFragment(
      `<p>Story text.</p>${payload.html.split(BEACON).join('/beacon')}`,
      window as unknown as Window,
    );
    expect(findDanger(fragment)).toEqual([]);
    expect(findPageHooks(fragment)).toEqual([]);
    expect(fragment.textContent).toContain('Story text.');
  });

  test('the whole pipeline on a page holding every payload', () => {
    const doc = load(payloadPage('/beacon'));
    const result = extractArticle(doc, { url: 'http://127.0.0.1/payloads.html' });
    if (!result.ok) throw new Error(`no article: ${result.message}`);
    const { article } = result;
    expect(findDanger(article.content)).toEqual([]);
    expect(findPageHooks(article.content)).toEqual([]);
    expect(article.title).toBe('Harbour lamp restored after report');
    // Everything up to the two raw-text payloads at the end of the table survives.
    expect(article.text).toContain(`Paragraph ${PAYLOADS.length - 2} of the council's report`);
    // Markup written as text is shown as text.
    expect(article.text).toContain('Write <img src=x onerror=alert(1)> to see the bug.');
    // Links that survive are safe to follow.
    for (const a of Array.from(article.content.querySelectorAll('a[href]'))) {
      expect(a.getAttribute('rel')).toContain('noopener');
    }
  });

  test('the checker itself catches what it must (it can fail)', () => {
    const bad = load(
      `<div><a href=" java\tscript:x">a</a><img src="x" onerror="y"><p style="color:red">s</p><iframe></iframe><img src="data:text/html,x"></div>`,
    );
    expect(findDanger(bad.body as unknown as ParentNode)).toEqual(
      expect.arrayContaining([
        '<iframe>',
        'img[onerror]',
        'p[style]',
        'href=javascript:x',
        'src=data:text/html,x',
      ]),
    );
    const hooks = load(
      `<div><slot></slot><p part="a" slot="b" popover inert role="button" aria-label="Close">p</p><video autoplay loop></video><label for="x">l</label><a href="h323:x">a</a><a href="web+x1:y">b</a><a href="page:2">c</a></div>`,
    );
    expect(findPageHooks(hooks.body as unknown as ParentNode)).toEqual([
      '<slot>',
      'p[part]',
      'p[slot]',
      'p[popover]',
      'p[inert]',
      'p[role]',
      'p[aria-label]',
      'video[autoplay]',
      'video[loop]',
      'label[for]',
      'href=h323:x',
      'href=web+x1:y',
      'href=page:2',
    ]);
    // Relative URLs, fragments and the schemes the reader allows are no hooks.
    const fine = load(
      `<div><a href="page2.html">a</a><a href="/a:b">b</a><a href="#x">c</a><a href="?q=1:2">d</a><a href="https://x/">e</a><a href="mailto:a@b">f</a><img src="data:image/png;base64,AA"></div>`,
    );
    expect(findPageHooks(fine.body as unknown as ParentNode)).toEqual([]);
  });

  test('a sanitizer built ahead, as the reader builds it before the open request, gives the same article', () => {
    const plain = extractArticle(load(payloadPage('/beacon')), { url: 'http://127.0.0.1/payloads.html' });
    const doc = load(payloadPage('/beacon'));
    prepareSanitizer(doc.defaultView as Window);
    const warm = extractArticle(doc, { url: 'http://127.0.0.1/payloads.html' });
    if (!plain.ok || !warm.ok) throw new Error('no article');
    expect(findDanger(warm.article.content)).toEqual([]);
    const markup = (fragment: DocumentFragment): string => {
      const box = fragment.ownerDocument.createElement('div');
      box.append(fragment.cloneNode(true));
      return box.innerHTML;
    };
    expect(markup(warm.article.content)).toBe(markup(plain.article.content));
  });

  test('building the sanitizer ahead never throws, even for a window it cannot use', () => {
    const broken = Object.defineProperty({}, 'document', {
      get() {
        throw new Error('the page went away');
      },
    }) as Window;
    expect(() => prepareSanitizer(broken)).not.toThrow();
  });
});
