/**
 * The decision "has the article under the open reader changed enough to offer the new version?", and
 * the watcher that asks it cheaply (jsdom; the real pages and browsers are in tests/e2e/live-page.test.ts).
 */
import {
  PageWatcher,
  articleChanged,
  pageFingerprint,
  MAX_WAIT_MS,
  QUIET_MS,
} from '../../../src/reader/page-changes';

const para = (n: number, topic = 'ferry') =>
  `<p>Paragraph ${n} about the ${topic}: the town council agreed on Thursday to cover the cost of a second crew and a heated waiting room on the north bank.</p>`;
const story = (n: number, topic = 'ferry', extra = '') =>
  `<header><span class="clock">10:00:01</span></header><main><article><h1>The ${topic}</h1>${Array.from(
    { length: n },
    (_, i) => para(i + 1, topic),
  ).join('')}${extra}</article></main><aside><p>${'Most read: '.repeat(20)}</p></aside>`;

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}
const fp = (html: string) => pageFingerprint(page(html));

describe('articleChanged', () => {
  const base = fp(story(4));
  test.each([
    ['the same page', story(4), false],
    ['a live story gains a paragraph', story(5), true],
    ['the article replaced by another (same length, no URL change)', story(4, 'library'), true],
    [
      'a ticking clock and a rotating line in the rail',
      story(4).replace('10:00:01', '10:00:02').replace('Most read', 'Popular'),
      false,
    ],
    ['a short line added (a counter, an ad label)', story(4, 'ferry', '<p>Advertisement</p>'), false],
    [
      'a ticker marked as a marquee gains long items',
      story(
        4,
        'ferry',
        `<div role="marquee"><p>${'Breaking: storm warning for the estuary tonight. '.repeat(4)}</p></div>`,
      ),
      false,
    ],
    ['the article shrank (a paywall cut it)', story(2), false],
    ['the article emptied out (mid-render)', '<main><article><h1>Loading</h1></article></main>', false],
    [
      'one paragraph edited (a typo fixed)',
      story(4).replace('Paragraph 2 about', 'Paragraph 2 regarding'),
      false,
    ],
  ])('%s', (_what, after, expected) => {
    expect(articleChanged(base, fp(after))).toBe(expected);
  });

  test('a promotion swapped for another of article length: no offer', () => {
    const promo = (s: string) =>
      `<p>${`${s} — subscribe to the harbour gazette for fifty pence a week. `.repeat(3)}</p>`;
    expect(articleChanged(fp(story(4, 'ferry', promo('A'))), fp(story(4, 'ferry', promo('B'))))).toBe(false);
  });

  test('a one-paragraph article replaced by another: offered', () => {
    expect(articleChanged(fp(story(1)), fp(story(1, 'library')))).toBe(true);
  });

  test('fingerprints are bounded and count only article-length paragraphs in the container', () => {
    const f = fp(story(3));
    expect(f.paragraphs).toBe(3); // the rail's paragraph is outside the single <article>
    const huge = fp(`<article>${para(1).repeat(1000)}</article>`);
    expect(huge.paragraphs).toBe(400);
    // A wall of short paragraphs is looked at only so far.
    const spam = page(`<article>${'<p>x</p>'.repeat(5000)}${para(1)}</article>`);
    expect(pageFingerprint(spam).paragraphs).toBe(0);
  });
});

describe('PageWatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup(html = story(4)) {
    document.body.innerHTML = html;
    const seen: number[] = [];
    const watcher = new PageWatcher(
      document,
      (now) => seen.push(now.paragraphs),
      () => Date.now(),
    );
    watcher.start(pageFingerprint(document));
    return { seen, watcher };
  }
  const flushObserver = () => Promise.resolve();

  test('a new paragraph is offered once, after the page is quiet; then the watcher stops', async () => {
    const { seen, watcher } = setup();
    document.querySelector('article')!.insertAdjacentHTML('beforeend', para(5));
    await flushObserver();
    jest.advanceTimersByTime(QUIET_MS - 1);
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(seen).toEqual([5]);
    expect(watcher.watching).toBe(false);
    document.querySelector('article')!.insertAdjacentHTML('beforeend', para(6));
    await flushObserver();
    jest.advanceTimersByTime(MAX_WAIT_MS * 2);
    expect(seen).toEqual([5]);
  });

  test('a clock ticking every 100 ms: checked at most once per MAX_WAIT_MS, never offered', async () => {
    const { seen, watcher } = setup();
    const clock = document.querySelector('.clock')!;
    const checks = jest.spyOn(Element.prototype, 'getElementsByTagName');
    for (let i = 0; i < 60; i++) {
      clock.textContent = `10:00:${i}`;
      await flushObserver();
      jest.advanceTimersByTime(100);
    }
    // 6 s of ticking: a fingerprint every MAX_WAIT_MS (3), not one per mutation (60), but some.
    const fingerprints = checks.mock.calls.filter(([tag]) => tag === 'p').length;
    expect(fingerprints).toBeGreaterThanOrEqual(1);
    expect(fingerprints).toBeLessThanOrEqual(Math.ceil(6000 / MAX_WAIT_MS));
    checks.mockRestore();
    expect(seen).toEqual([]);
    expect(watcher.watching).toBe(true);
    watcher.stop();
  });

  test('stopped (the reader closed): nothing is offered', async () => {
    const { seen, watcher } = setup();
    watcher.stop();
    document.querySelector('article')!.innerHTML = story(4, 'library');
    await flushObserver();
    jest.advanceTimersByTime(MAX_WAIT_MS * 2);
    expect(seen).toEqual([]);
  });
});
