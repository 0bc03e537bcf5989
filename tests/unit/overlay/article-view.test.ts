/** What the overlay shows: its structure, the article as a fresh copy, direction, messages, images, dates. */
import { ReaderOverlay, MAX_IMAGES } from '../../../src/overlay/overlay';
import { formatDate } from '../../../src/shared/dates';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { article, translate } from './helpers';
import { useOverlays } from './fixture';

const { make, made } = useOverlays();

describe('structure', () => {
  test('host on <html> with a closed shadow root, a named modal dialog, skip link first, toolbar, main', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    expect(overlay.open()).toBe(true);
    expect(overlay.host.parentElement).toBe(document.documentElement);
    // Closed: the page's script cannot reach the root through the host; the overlay keeps its own.
    expect(overlay.host.shadowRoot).toBeNull();
    expect(overlay.root.mode).toBe('closed');
    expect(overlay.root.host).toBe(overlay.host);
    expect(overlay.host.style.getPropertyPriority('display')).toBe('important');
    const dialog = overlay.dialog;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const label = overlay.root.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(label?.tagName).toBe('H1');
    expect(label?.textContent).toBe('Westmere lighthouse shines again');
    const first = dialog.querySelector('a, button, input');
    expect(first?.textContent).toBe('Skip to article text');
    const toolbar = $('[role="toolbar"]')!;
    expect(toolbar.getAttribute('aria-label')).toBe('Reader controls');
    const buttons = Array.from(toolbar.querySelectorAll('button'));
    expect(buttons.map((b) => b.querySelector('span:not([aria-hidden])')?.textContent)).toEqual([
      'Close',
      'Smaller text',
      'Larger text',
      'Theme',
      'Settings',
      'Read aloud',
      'Stop',
      'Previous sentence',
      'Next sentence',
    ]);
    expect(buttons.every((b) => b.type === 'button')).toBe(true);
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1, -1]);
    expect($('button[data-action="settings"]')!.getAttribute('aria-expanded')).toBe('false');
    expect($('main h1')).toBe(label);
    expect($('time')!.getAttribute('datetime')).toBe('2026-05-12T08:00:00Z');
    expect($('.byline')!.textContent).toBe('By Tom Aldous');
    expect($('.site')!.textContent).toBe('Westmere Gazette');
    expect($('.reading-time')!.textContent).toBe('3 min read');
    expect($('.article-body')!.getAttribute('lang')).toBe('en');
    expect($('.article-body')!.getAttribute('dir')).toBe('ltr');
    expect($('[role="status"]')!.getAttribute('aria-live')).toBe('polite');
    // Focus moved in: the first tab stop.
    expect(overlay.root.activeElement?.textContent).toBe('Skip to article text');
  });

  test('the article is a fresh copy: the given fragment is left as it was', () => {
    const { overlay } = make();
    const a = article(document);
    const count = a.content.childNodes.length;
    overlay.setContent({ kind: 'article', article: a });
    expect(a.content.childNodes.length).toBe(count);
  });

  test('right-to-left articles and UI', () => {
    const { overlay, $ } = make({}, { uiDir: 'rtl', uiLang: 'ur', t: translate('ur') });
    overlay.setContent({ kind: 'article', article: article(document, { lang: 'ur', dir: 'rtl' }) });
    expect(overlay.dialog.dir).toBe('rtl');
    expect(overlay.dialog.lang).toBe('ur');
    expect($('.article-body')!.dir).toBe('rtl');
    expect($('.article-body')!.lang).toBe('ur');
    expect($('.skip')!.textContent).toBe('مضمون کے متن پر جائیں');
  });

  test('a page without an article gets a short message, never an empty overlay', () => {
    const { overlay, $ } = make();
    overlay.setContent({
      kind: 'message',
      title: 'No article found',
      message: 'No article found on this page',
    });
    overlay.open();
    expect(overlay.root.getElementById(overlay.dialog.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'No article found',
    );
    expect($('main .message')!.textContent).toBe('No article found on this page');
  });

  test('images: alt text beside each image for "images off"; tables and code in focusable scroll boxes', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    expect($('img + .alt-text')!.textContent).toBe('Image: A lighthouse at dusk');
    const box = $('.scroll-box')!;
    expect(box.tabIndex).toBe(0);
    expect(box.getAttribute('role')).toBe('region');
    expect(box.getAttribute('aria-label')).toBe('Table (scrolls sideways)');
    expect(box.firstElementChild?.tagName).toBe('TABLE');
    expect($('pre')!.tabIndex).toBe(0);
    overlay.applySettings({ ...DEFAULT_SETTINGS, images: false });
    expect(overlay.dialog.getAttribute('data-images')).toBe('off');
  });
});

test('dates are formatted for the UI language, and bad dates are shown as given', () => {
  expect(formatDate('2026-05-12T08:00:00Z', 'en')).toBe('May 12, 2026');
  expect(formatDate('last Tuesday', 'en')).toBe('last Tuesday');
});

test("the day is the dateline's own, whatever the time zone of the reader", () => {
  // 23:30 in New York is already the next day in UTC (and in Europe): the story is of 7 April.
  expect(formatDate('2021-04-07T23:30:00-04:00', 'en')).toBe('April 7, 2021');
  expect(formatDate('2026-05-12', 'en')).toBe('May 12, 2026');
  expect(formatDate('2026-05-12T00:30:00+09:00', 'en')).toBe('May 12, 2026');
});

test('the dialog shows the day as published at once, then the words the background gives, and never sets up Intl in the page', async () => {
  const asked: string[] = [];
  let answer: (words: string) => void = () => undefined;
  const dateInWords = (iso: string): Promise<string> => {
    asked.push(iso);
    return new Promise((resolve) => (answer = resolve));
  };
  const formats = jest.spyOn(Intl, 'DateTimeFormat');
  const { overlay, $ } = make({}, { uiLang: 'en', dateInWords });
  overlay.setContent({ kind: 'article', article: article(document) });
  overlay.open();
  expect(asked).toEqual(['2026-05-12T08:00:00Z']);
  expect($('time')!.textContent).toBe('2026-05-12');
  answer('12 May 2026');
  await Promise.resolve();
  expect($('time')!.textContent).toBe('12 May 2026');
  expect($('time')!.getAttribute('datetime')).toBe('2026-05-12T08:00:00Z');
  expect(formats).not.toHaveBeenCalled();
  formats.mockRestore();
});

test('when the words do not come, the day as published stays', async () => {
  const failed = Promise.reject(new Error('the background is gone'));
  const { overlay, $ } = make({}, { dateInWords: () => failed });
  overlay.setContent({ kind: 'article', article: article(document) });
  overlay.open();
  await failed.catch(() => undefined);
  await Promise.resolve();
  expect($('time')!.textContent).toBe('2026-05-12');
});

test('images are bounded: past the bound, an image gives way to its text alternative or to nothing', () => {
  const overlay = new ReaderOverlay({ doc: document, t: translate(), settings: { ...DEFAULT_SETTINGS } });
  made.push(overlay);
  const a = article(document);
  const wall = document.createElement('div');
  for (let i = 0; i < MAX_IMAGES + 50; i++) {
    const img = document.createElement('img');
    img.src = `https://example.org/${i}.png`;
    img.alt = i === MAX_IMAGES + 10 ? 'The last lamp' : '';
    wall.append(img);
  }
  a.content.append(wall);
  overlay.setContent({ kind: 'article', article: a });
  expect(overlay.root.querySelectorAll('img')).toHaveLength(MAX_IMAGES);
  expect(overlay.root.querySelector('.alt-text-only')?.textContent).toBe('Image: The last lamp');
});
