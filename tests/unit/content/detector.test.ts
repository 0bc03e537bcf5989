/**
 * How the detector's findings reach the background: sent as a message (`push`, Chromium) or left in
 * the content script's world for the background to read (`pull`, Firefox). The detector module keeps
 * its state at module level, so each test loads a fresh copy.
 */
import {
  DETECTED_SLOT,
  WAITING_SLOT,
  isTabArticleState,
  leaveForPull,
  readDetection,
} from '../../../src/shared/pull';
import type { TabArticleState } from '../../../src/shared/messages';

type Slots = Record<string, unknown>;
const slots = globalThis as unknown as Slots;

const PARAGRAPH =
  'The harbour board met on Tuesday evening and agreed, after a long and sometimes heated debate, that the old lighthouse keeper’s cottage will be restored and opened to visitors next spring. ';

function articlePage(): void {
  document.head.innerHTML =
    '<title>Lighthouse cottage to open</title><meta property="og:type" content="article">';
  document.body.innerHTML = `<article><h1>Lighthouse cottage to open</h1>${`<p>${PARAGRAPH}</p>`.repeat(6)}</article>`;
}

/** A stand-in for the extension API that counts every touch of `runtime` and records each message. */
function fakeApi(): { touches: () => number; sent: unknown[]; remove: () => void } {
  let touches = 0;
  const sent: unknown[] = [];
  const runtime = {
    id: 'lectern-test',
    sendMessage: (message: unknown) => {
      sent.push(message);
      return Promise.resolve();
    },
  };
  Object.defineProperty(globalThis, 'chrome', {
    configurable: true,
    get: () => ({
      get runtime() {
        touches++;
        return runtime;
      },
    }),
  });
  return {
    touches: () => touches,
    sent,
    remove: () => {
      delete (globalThis as { chrome?: unknown }).chrome;
    },
  };
}

type Detector = typeof import('../../../src/content/detector');
const loaded: Detector[] = [];
/** A fresh copy of the detector module; each is stopped after its test (its watchers removed). */
function loadDetector(): Detector {
  jest.isolateModules(() => {
    loaded.push(jest.requireActual('../../../src/content/detector'));
  });
  return loaded[loaded.length - 1] as Detector;
}

let api: ReturnType<typeof fakeApi>;
beforeEach(() => {
  // jsdom has no User Timing marks or measures; the detector records both.
  performance.mark = jest.fn() as unknown as typeof performance.mark;
  performance.measure = jest.fn() as unknown as typeof performance.measure;
  api = fakeApi();
  articlePage();
  history.replaceState(null, '', '/news/lighthouse-cottage');
});
afterEach(() => {
  for (const detector of loaded.splice(0)) detector.retire();
  api.remove();
  delete slots[DETECTED_SLOT];
  delete slots[WAITING_SLOT];
  jest.useRealTimers();
});

describe('pull (Firefox)', () => {
  test('the first detection is left for the background and never touches the extension API', () => {
    loadDetector().startDetector(leaveForPull);
    expect(api.touches()).toBe(0);
    expect(api.sent).toEqual([]);
    const state = slots[DETECTED_SLOT] as TabArticleState;
    expect(isTabArticleState(state)).toBe(true);
    expect(state).toMatchObject({ url: location.href, isArticle: true, title: 'Lighthouse cottage to open' });
    expect(performance.measure).toHaveBeenCalledWith('lectern:detect', expect.any(Object));
  });

  test('the pull answers the detection that is there', async () => {
    loadDetector().startDetector(leaveForPull);
    await expect(Promise.resolve(readDetection(DETECTED_SLOT, WAITING_SLOT, 5000))).resolves.toMatchObject({
      isArticle: true,
    });
  });

  test('pulls that come before the detector wait for it, and all of them get its answer', async () => {
    const first = readDetection(DETECTED_SLOT, WAITING_SLOT, 5000);
    const second = readDetection(DETECTED_SLOT, WAITING_SLOT, 5000);
    expect(first).toBeInstanceOf(Promise);
    loadDetector().startDetector(leaveForPull);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ url: location.href, isArticle: true });
    expect(b).toEqual(a);
    expect(slots[WAITING_SLOT]).toBeUndefined();
  });

  test('a pull where no detector ever runs answers null after its wait, and leaves nothing behind', async () => {
    jest.useFakeTimers();
    const pulled = readDetection(DETECTED_SLOT, WAITING_SLOT, 5000);
    jest.advanceTimersByTime(4999);
    expect(slots[WAITING_SLOT]).toBeDefined();
    jest.advanceTimersByTime(1);
    await expect(pulled).resolves.toBeNull();
    expect(slots[WAITING_SLOT]).toBeUndefined();
  });

  test('a same-document navigation is sent as a message, and the slot follows it', async () => {
    jest.useFakeTimers();
    loadDetector().startDetector(leaveForPull);
    document.title = 'Harbour board news';
    document.body.innerHTML = '<nav><a href="/a">A</a></nav><p>Short.</p>';
    history.pushState(null, '', '/news/');
    dispatchEvent(new PopStateEvent('popstate'));
    jest.advanceTimersByTime(600);
    expect(api.sent).toEqual([
      { type: 'cs-bg:detected', payload: expect.objectContaining({ url: location.href, isArticle: false }) },
    ]);
    expect(slots[DETECTED_SLOT]).toMatchObject({ url: location.href, isArticle: false });
  });
});

describe('push (Chromium)', () => {
  test('an article is sent once as a message, and nothing is left in the slot', () => {
    loadDetector().startDetector();
    expect(api.sent).toEqual([
      {
        type: 'cs-bg:detected',
        payload: expect.objectContaining({ url: location.href, isArticle: true }),
      },
    ]);
    expect(slots[DETECTED_SLOT]).toBeUndefined();
  });

  test('a page with no article sends nothing and never touches the extension API', () => {
    document.body.innerHTML = '<nav><a href="/a">A</a></nav><p>Short.</p>';
    loadDetector().startDetector();
    expect(api.touches()).toBe(0);
    expect(api.sent).toEqual([]);
  });
});

describe('what the background believes', () => {
  test('only a well-formed detection', () => {
    loadDetector().startDetector(leaveForPull);
    expect(isTabArticleState(slots[DETECTED_SLOT])).toBe(true);
    for (const bad of [
      null,
      'article',
      {},
      { url: 'https://example.org/', isArticle: 'yes', confidence: 1, title: '', signals: {} },
      { url: 'https://example.org/', isArticle: true, confidence: 1, title: '', signals: null },
      { url: 42, isArticle: true, confidence: 1, title: '', signals: {} },
    ])
      expect(isTabArticleState(bad)).toBe(false);
  });
});

describe('watching same-document navigations', () => {
  /** A stand-in for the Navigation API (jsdom has none): an EventTarget at `window.navigation`. */
  function withNavigationApi(): EventTarget {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { configurable: true, value: navigation });
    return navigation;
  }
  afterEach(() => {
    delete (window as { navigation?: unknown }).navigation;
  });

  test('with the Navigation API, one listener: nothing observes <head>, and navigatesuccess looks again', () => {
    jest.useFakeTimers();
    const navigation = withNavigationApi();
    const observe = jest.spyOn(MutationObserver.prototype, 'observe');
    loadDetector().startDetector();
    expect(observe).not.toHaveBeenCalled();
    observe.mockRestore();
    api.sent.length = 0;

    document.title = 'Harbour board news';
    document.body.innerHTML = '<nav><a href="/a">A</a></nav><p>Short.</p>';
    history.pushState(null, '', '/news/');
    navigation.dispatchEvent(new Event('navigatesuccess'));
    jest.advanceTimersByTime(600);
    expect(api.sent).toEqual([
      { type: 'cs-bg:detected', payload: expect.objectContaining({ url: location.href, isArticle: false }) },
    ]);
  });

  test('with the Navigation API, popstate is not listened to: navigatesuccess already tells of it', () => {
    jest.useFakeTimers();
    withNavigationApi();
    loadDetector().startDetector();
    api.sent.length = 0;
    history.pushState(null, '', '/news/');
    dispatchEvent(new PopStateEvent('popstate'));
    jest.advanceTimersByTime(600);
    expect(api.sent).toEqual([]);
  });

  test('without it (older Firefox), a change of <title> alone is the tell', () => {
    jest.useFakeTimers();
    loadDetector().startDetector();
    api.sent.length = 0;
    history.pushState(null, '', '/news/');
    document.body.innerHTML = '<nav><a href="/a">A</a></nav><p>Short.</p>';
    document.title = 'Harbour board news';
    return Promise.resolve().then(() => {
      // The observer's records are delivered in a microtask; the look again is debounced.
      jest.advanceTimersByTime(600);
      expect(api.sent).toEqual([
        {
          type: 'cs-bg:detected',
          payload: expect.objectContaining({ url: location.href, isArticle: false }),
        },
      ]);
    });
  });
});
