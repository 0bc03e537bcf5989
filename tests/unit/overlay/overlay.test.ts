import { ReaderOverlay, HOST_ATTRIBUTE, MAX_IMAGES } from '../../../src/overlay/overlay';
import { formatDate } from '../../../src/shared/dates';
import { DEFAULT_SETTINGS, WCAG_SPACING, type Settings } from '../../../src/shared/settings';
import { article, stubDialog, translate } from './helpers';

beforeAll(stubDialog);
const made: ReaderOverlay[] = [];
afterEach(() => {
  for (const o of made.splice(0)) o.destroy();
  document.querySelectorAll(`[${HOST_ATTRIBUTE}]`).forEach((h) => h.remove());
  document.body.replaceChildren();
});

function make(
  settings: Partial<Settings> = {},
  extra: Partial<ConstructorParameters<typeof ReaderOverlay>[0]> = {},
) {
  const changes: Partial<Settings>[] = [];
  const overlay = new ReaderOverlay({
    doc: document,
    t: translate(),
    settings: { ...DEFAULT_SETTINGS, ...settings },
    site: 'example.org',
    onChange: (p) => changes.push(p),
    ...extra,
  });
  made.push(overlay);
  return { overlay, changes, $: (s: string) => overlay.root.querySelector(s) as HTMLElement | null };
}

const key = (el: Element, k: string, init: KeyboardEventInit = {}) =>
  el.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true, ...init }),
  );

describe('structure', () => {
  test('host on <html> with an open shadow root, a named modal dialog, skip link first, toolbar, main', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    expect(overlay.open()).toBe(true);
    expect(overlay.host.parentElement).toBe(document.documentElement);
    expect(overlay.host.shadowRoot?.mode).toBe('open');
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
    ]);
    expect(buttons.every((b) => b.type === 'button')).toBe(true);
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);
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

describe('behaviour', () => {
  test('close returns focus to where it was, and the close button and Escape path close', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    let closed = 0;
    const { overlay, $ } = make({}, { onClose: () => closed++ });
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    expect(document.activeElement).toBe(overlay.host);
    $('button[data-action="close"]')!.click();
    expect(overlay.isOpen).toBe(false);
    expect(closed).toBe(1);
    expect(document.activeElement).toBe(button);
  });

  test('a close event that comes after the reader opened again leaves it open', () => {
    let closed = 0;
    const { overlay } = make({}, { onClose: () => closed++ });
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    // As in browsers, the close event comes a task later, here after the reader was opened again.
    const late: Event[] = [];
    overlay.dialog.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open');
      late.push(new Event('close'));
    };
    overlay.close();
    expect(overlay.host.isConnected).toBe(false);
    expect(closed).toBe(1);
    overlay.open();
    for (const event of late) overlay.dialog.dispatchEvent(event);
    expect(overlay.isOpen).toBe(true);
    expect(overlay.host.isConnected).toBe(true);
    expect(closed).toBe(1);
  });

  test('settings only change custom properties: the article nodes stay the same', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    const p = $('.article-body p');
    overlay.applySettings({
      ...DEFAULT_SETTINGS,
      textSize: 'XXXL',
      theme: 'dark',
      font: 'atkinson',
      ...WCAG_SPACING,
    });
    expect($('.article-body p')).toBe(p);
    const style = overlay.dialog.style;
    expect(style.getPropertyValue('--lectern-font-size')).toBe('5em');
    expect(style.getPropertyValue('--lectern-line-height')).toBe('1.5');
    expect(style.getPropertyValue('--lectern-letter-spacing')).toBe('0.12em');
    expect(style.getPropertyValue('--lectern-word-spacing')).toBe('0.16em');
    expect(style.getPropertyValue('--lectern-paragraph-spacing')).toBe('2em');
    expect(overlay.dialog.dataset.theme).toBe('dark');
    expect(overlay.dialog.dataset.font).toBe('atkinson');
  });

  test('Smaller/Larger buttons and Ctrl/Cmd +/− step the size, report the change and announce it', () => {
    const { overlay, changes, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    $('button[data-action="larger"]')!.click();
    expect(changes).toEqual([{ textSize: 'LG' }]);
    expect($('[role="status"]')!.textContent).toBe('Text size LG');
    key(overlay.main, '=', { ctrlKey: true });
    key(overlay.main, '+', { metaKey: true });
    expect(overlay.currentSettings.textSize).toBe('XXL');
    key(overlay.main, '-', { ctrlKey: true });
    expect(changes.at(-1)).toEqual({ textSize: 'XL' });
    expect($('[role="status"]')!.textContent).toBe('Text size XL');
    // At the end of the scale: nothing changes, but the size is said again.
    overlay.applySettings({ ...DEFAULT_SETTINGS, textSize: 'XXXL' });
    const before = changes.length;
    $('button[data-action="larger"]')!.click();
    expect(changes.length).toBe(before);
    expect($('[role="status"]')!.textContent!.trim()).toBe('Text size XXXL');
  });

  test('the toolbar is one tab stop with arrow keys, Home and End (reversed right to left)', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    const buttons = Array.from(overlay.toolbar.querySelectorAll('button'));
    buttons[0]!.focus();
    key(buttons[0]!, 'ArrowRight');
    expect(overlay.root.activeElement).toBe(buttons[1]);
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1, -1]);
    key(buttons[1]!, 'End');
    expect(overlay.root.activeElement).toBe(buttons[4]);
    key(buttons[4]!, 'ArrowRight');
    expect(overlay.root.activeElement).toBe(buttons[0]);
    key(buttons[0]!, 'ArrowLeft');
    expect(overlay.root.activeElement).toBe(buttons[4]);
    overlay.dialog.dir = 'rtl';
    key(buttons[4]!, 'ArrowLeft');
    expect(overlay.root.activeElement).toBe(buttons[0]);
    void $;
  });

  test('Tab and Shift+Tab wrap around inside the dialog', () => {
    const { overlay } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    const stops = overlay.tabStops();
    const labels = stops.map((s) => s.className || s.tagName);
    expect(labels[0]).toBe('skip');
    // Skip link, toolbar (one stop), the article's scroll boxes and link; the settings panel is hidden.
    expect(stops).toHaveLength(5);
    stops.at(-1)!.focus();
    key(stops.at(-1)!, 'Tab');
    expect(overlay.root.activeElement).toBe(stops[0]);
    key(stops[0]!, 'Tab', { shiftKey: true });
    expect(overlay.root.activeElement).toBe(stops.at(-1));
    // From <main> (after the skip link), Tab goes to the first stop inside the article.
    overlay.main.focus();
    key(overlay.main, 'Tab');
    expect(overlay.root.activeElement).toBe(stops[2]);
  });

  test('the skip link moves focus to the article', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    $('.skip')!.click();
    expect(overlay.root.activeElement).toBe(overlay.main);
  });

  test('Theme cycles through the themes and announces each; Settings shows the panel', () => {
    const { overlay, changes, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    const theme = $('button[data-action="theme"]')!;
    theme.click();
    expect(changes.at(-1)).toEqual({ theme: 'light' });
    expect($('[role="status"]')!.textContent).toBe('Theme: Light');
    for (let i = 0; i < 4; i++) theme.click();
    expect(overlay.currentSettings.theme).toBe('auto');
    const settings = $('button[data-action="settings"]')!;
    settings.click();
    expect(settings.getAttribute('aria-expanded')).toBe('true');
    expect(overlay.panel.hidden).toBe(false);
    expect(overlay.panel.querySelector('[role="radiogroup"]')).not.toBeNull();
    settings.click();
    expect(overlay.panel.hidden).toBe(true);
  });

  test('the panel form stores changes and follows changes from elsewhere', () => {
    const onSiteOnly = jest.fn();
    const { overlay, changes } = make({}, { onSiteOnly });
    overlay.open();
    const xl = overlay.panel.querySelector<HTMLInputElement>('input[name="textSize"][value="XL"]')!;
    xl.click();
    expect(changes.at(-1)).toEqual({ textSize: 'XL' });
    expect(overlay.dialog.dataset.textSize).toBe('XL');
    overlay.applySettings({ ...DEFAULT_SETTINGS, textSize: 'SM' }, true);
    expect(overlay.panel.querySelector<HTMLInputElement>('input[value="SM"]')!.checked).toBe(true);
    const siteOnly = overlay.panel.querySelector<HTMLInputElement>('input[name="siteOnly"]')!;
    expect(siteOnly.checked).toBe(true);
    siteOnly.click();
    expect(onSiteOnly).toHaveBeenCalledWith(false);
  });

  test('a page script that removes the host gets it back, still open', async () => {
    const { overlay } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    overlay.host.remove();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(overlay.host.isConnected).toBe(true);
    expect(overlay.isOpen).toBe(true);
    overlay.close();
    overlay.host.remove();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(overlay.host.isConnected).toBe(false);
  });

  test('printing hides the page behind and restores it after', () => {
    const { overlay } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    document.body.style.setProperty('display', 'flex');
    overlay.open();
    window.dispatchEvent(new Event('beforeprint'));
    expect(document.body.style.getPropertyValue('display')).toBe('none');
    expect(document.body.style.getPropertyPriority('display')).toBe('important');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body.style.getPropertyValue('display')).toBe('flex');
    document.body.style.removeProperty('display');
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

describe('notices', () => {
  test('a notice is shown under the toolbar, said politely, replaced by kind, and its button acts', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    let runs = 0;
    overlay.notify('update', 'The article on the page has changed.', {
      label: 'Show the updated article',
      run: () => runs++,
    });
    expect($('[role="status"]')!.textContent).toBe('The article on the page has changed.');
    const button = $('.notices [data-notice="update"] button') as HTMLButtonElement;
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('Show the updated article');
    expect(overlay.tabStops()).toContain(button);
    button.click();
    expect(runs).toBe(1);
    overlay.notify('settings', 'Saved on this device only.');
    overlay.notify('settings', 'Saved on this device only.');
    expect(overlay.notices.querySelectorAll('[data-notice="settings"]')).toHaveLength(1);
    expect(overlay.hasNotice('update')).toBe(true);
  });

  test('clearing a notice whose button has focus moves focus to the article, not to nowhere', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    overlay.notify('update', 'Changed.', { label: 'Show', run: () => undefined });
    ($('.notices button') as HTMLButtonElement).focus();
    overlay.clearNotice('update');
    expect(overlay.hasNotice('update')).toBe(false);
    expect(overlay.root.activeElement).toBe(overlay.main);
  });
});
