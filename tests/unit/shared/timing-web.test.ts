/**
 * @jest-environment-options {"url": "https://news.example/2026/11/harbour-ferry"}
 *
 * On a page of the web, Lectern leaves nothing in the page's performance timeline (which every script
 * of the page can read): the detector still detects and reports, and records no User Timing entry.
 * (On loopback pages, where the bench and the tests run, tests/unit/content/detector.test.ts sees
 * `lectern:detect` recorded.)
 */
import { isLoopback, mark, measure } from '../../../src/shared/timing';

const PARAGRAPH =
  'The harbour board met on Tuesday evening and agreed, after a long and sometimes heated debate, that the old ferry pier will be rebuilt and opened to foot passengers next spring. ';

test.each([
  ['127.0.0.1', true],
  ['127.8.9.10', true],
  ['localhost', true],
  ['[::1]', true],
  ['news.example', false],
  ['127.0.0.1.example', false],
  ['localhost.example', false],
  ['10.0.0.1', false],
  ['127.0.0', false],
  ['127.0.0.1.1', false],
  ['127.0.0.1234', false],
  ['127.0.0.x', false],
  ['127..0.1', false],
  ['1.127.0.0', false],
  ['', false],
])('isLoopback(%j) is %s', (host, loopback) => {
  expect(isLoopback(host)).toBe(loopback);
});

test('on a web page the detector reports its article and records no User Timing entry', () => {
  expect(location.hostname).toBe('news.example');
  // jsdom has no User Timing: stand-ins that record every call.
  const recorded = [jest.fn(), jest.fn()];
  performance.mark = recorded[0] as unknown as typeof performance.mark;
  performance.measure = recorded[1] as unknown as typeof performance.measure;
  const sent: unknown[] = [];
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: { id: 'lectern-test', sendMessage: (m: unknown) => (sent.push(m), Promise.resolve()) },
  };
  document.head.innerHTML =
    '<title>Ferry pier to be rebuilt</title><meta property="og:type" content="article">';
  document.body.innerHTML = `<article><h1>Ferry pier to be rebuilt</h1>${`<p>${PARAGRAPH}</p>`.repeat(6)}</article>`;
  let detector: typeof import('../../../src/content/detector') | undefined;
  jest.isolateModules(() => {
    detector = jest.requireActual<typeof import('../../../src/content/detector')>(
      '../../../src/content/detector',
    );
  });
  try {
    detector?.startDetector();
    expect(sent).toEqual([{ type: 'cs-bg:detected', payload: expect.objectContaining({ isArticle: true }) }]);
    detector?.retire(); // the retired mark is gated too
    measure('lectern:extract', performance.now());
    mark('lectern:anything');
    for (const spy of recorded) expect(spy).not.toHaveBeenCalled();
  } finally {
    detector?.retire();
    delete (globalThis as { chrome?: unknown }).chrome;
  }
});
