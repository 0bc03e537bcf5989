/**
 * Opening and closing the reader, end to end in the browser named by LECTERN_BROWSER with the built
 * extension: from the popup (the modal dialog pattern, what a screen reader meets), closing and opening
 * again, a tab that moved on, a page without an article, and "Open articles automatically".
 */
import { browserName } from '../../scripts/lib/harness/browsers';
import { actionTitle, dialogState, waitForDialog } from '../../scripts/lib/harness/reader';
import { inExtension, openPopup, runAxe, storeSettings, toggleReader } from '../support/overlay';
import { extractCount, focused, FOUND, openArticle, readerSuite, TITLE } from '../support/reader-suite';

jest.setTimeout(120_000);
const name = browserName();
const chromium = name === 'chromium';

describe(`[${name}] reader: open and close`, () => {
  const suite = readerSuite();

  test('Open reader in the popup: a modal dialog named by the title, with its structure, focus inside', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    const popup = track(await openPopup(h, page));
    expect(await popup.$eval('#status', (el) => el.textContent)).toBe(`Article found: ${TITLE}`);
    if (chromium) {
      // Keyboard only: Tab to the button, press Enter.
      for (let i = 0; i < 6; i++) {
        if (await popup.evaluate(() => document.activeElement?.id === 'open-reader')) break;
        await popup.keyboard.press('Tab');
      }
      expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Open reader');
      await popup.keyboard.press('Enter');
    } else {
      await popup.locator('button ::-p-text(Open reader)').click();
    }
    await waitForDialog(page);
    expect(await dialogState(page)).toMatchObject({ open: true, modal: true, name: TITLE });
    await popup.waitForFunction(() => document.getElementById('status')?.textContent === 'Reader opened');

    const s = await page.evaluate(() => {
      const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
      const dialog = root.querySelector('dialog')!;
      const first = dialog.querySelector('a[href], button, input, [tabindex]')!;
      const toolbar = dialog.querySelector('[role="toolbar"]')!;
      const buttons = Array.from(toolbar.querySelectorAll('button'));
      const main = dialog.querySelector('main')!;
      return {
        host: document.querySelector('[data-lectern-host]')!.parentElement === document.documentElement,
        firstLink: `${first.tagName}:${first.textContent}`,
        toolbarName: toolbar.getAttribute('aria-label'),
        buttons: buttons.map((b) => ({
          name: b.textContent!.replace(/^\S+\s*/, '').trim(),
          text: b.querySelector('span:not([aria-hidden])')!.textContent,
          type: b.type,
          w: b.getBoundingClientRect().width,
          h: b.getBoundingClientRect().height,
          tabIndex: b.tabIndex,
          expanded: b.getAttribute('aria-expanded'),
        })),
        h1: main.querySelector('h1')?.textContent,
        time: main.querySelector('time')?.getAttribute('datetime'),
        reading: main.querySelector('.reading-time')?.textContent,
        bodyLang: main.querySelector('.article-body')?.getAttribute('lang'),
        bodyDir: main.querySelector('.article-body')?.getAttribute('dir'),
        live: dialog.querySelector('[role="status"]')?.getAttribute('aria-live'),
        paragraphs: main.querySelectorAll('.article-body p').length,
      };
    });
    expect(s.host).toBe(true);
    expect(s.firstLink).toBe('A:Skip to article text');
    expect(s.toolbarName).toBe('Reader controls');
    expect(s.buttons.map((b) => b.text)).toEqual([
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
    for (const b of s.buttons) {
      expect(b.type).toBe('button');
      expect(b.w).toBeGreaterThanOrEqual(24);
      expect(b.h).toBeGreaterThanOrEqual(24);
    }
    expect(s.buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    expect(s.buttons[4]!.expanded).toBe('false');
    expect(s.h1).toBe(TITLE);
    expect(s.time).toBe('2026-05-12T08:00:00Z');
    expect(s.reading).toMatch(/^\d+ min read$/);
    expect(s.bodyLang).toBe('en');
    expect(s.bodyDir).toBe('ltr');
    expect(s.live).toBe('polite');
    expect(s.paragraphs).toBeGreaterThanOrEqual(6);
    expect((await focused(page)).inDialog).toBe(true);

    if (chromium) {
      // What a screen reader meets: the dialog's name, the skip link first, the named toolbar.
      interface AX {
        role: string;
        name?: string;
        children?: AX[];
      }
      const dialog = await page.evaluateHandle(() =>
        document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('dialog')!,
      );
      const tree = (await page.accessibility.snapshot({ root: dialog, interestingOnly: false })) as AX;
      const flat: AX[] = [];
      const walk = (n: AX) => {
        flat.push(n);
        n.children?.forEach(walk);
      };
      walk(tree);
      expect({ role: tree.role, name: tree.name }).toEqual({ role: 'dialog', name: TITLE });
      const interactive = flat.filter((n) => ['link', 'button', 'toolbar'].includes(n.role));
      expect(interactive.slice(0, 7).map((n) => `${n.role}:${n.name}`)).toEqual([
        'link:Skip to article text',
        'toolbar:Reader controls',
        'button:Close',
        'button:Smaller text',
        'button:Larger text',
        'button:Theme',
        'button:Settings',
      ]);
      expect(flat.some((n) => n.role === 'heading' && n.name === TITLE)).toBe(true);
      expect(flat.some((n) => n.role === 'main')).toBe(true);
    }
  });

  test('closing and opening again reuses the article: extracted once, the same nodes shown again', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    await toggleReader(h, page);
    await waitForDialog(page);
    const firstP = await page.evaluateHandle(() =>
      document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('.article-body p')!,
    );
    await toggleReader(h, page);
    await waitForDialog(page, false);
    // Closing leaves nothing of Lectern's in the page.
    expect(await page.evaluate(() => document.querySelectorAll('[data-lectern-host]').length)).toBe(0);
    await toggleReader(h, page);
    await waitForDialog(page);
    // lectern:render measures each opening; lectern:extract runs once per page.
    expect(await extractCount(page)).toEqual({ extract: 1, render: 2 });
    expect(
      await page.evaluate(
        (p) =>
          p === document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('.article-body p'),
        firstP,
      ),
    ).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('[data-lectern-host]').length)).toBe(1);
    // Injecting the bundle a second time is harmless.
    const tabId = await h.tabIdOf(page);
    await inExtension(
      h,
      `(globalThis.browser ?? chrome).scripting.executeScript({ target: { tabId: ${tabId} }, files: ['reader.js'] })`,
    );
    await toggleReader(h, page);
    await waitForDialog(page, false);
    expect(await page.evaluate(() => document.querySelectorAll('[data-lectern-host]').length)).toBe(0);
  });

  test('a tab that moved on to another page opens the reader on that page', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    await toggleReader(h, page);
    await waitForDialog(page);
    expect((await dialogState(page)).name).toBe(TITLE);
    // The bundle was injected into this tab's first document; the next one has none until it opens.
    await page.goto(server.url('/e2e/rich.html'), { waitUntil: 'load' });
    await actionTitle(h, page, FOUND);
    await toggleReader(h, page);
    await waitForDialog(page);
    expect((await dialogState(page)).name).toBe('Harbour tide tables return to the Westmere library');
    expect(await extractCount(page)).toEqual({ extract: 1, render: 1 });
  });

  test('a page without an article: the popup says so, and the overlay shows an accessible message', async () => {
    const { h, server, track } = suite;
    // (An empty page: whether the link list of no-article.html is "an article" is the pipeline's call.)
    const page = track(await openArticle(h, server, '/e2e/empty.html'));
    const popup = track(await openPopup(h, page));
    expect(await popup.$eval('#status', (el) => el.textContent)).toBe('No article found on this page');
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page);
    const state = await dialogState(page);
    expect(state).toMatchObject({ open: true, modal: true, name: 'No article found' });
    const message = await page.evaluate(
      () =>
        document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('main .message')!
          .textContent,
    );
    expect(message).toBe('No article found on this page');
    await popup.waitForFunction(
      () => document.getElementById('status')?.textContent === 'No article found on this page',
    );
    expect((await runAxe(page, 'overlay')).violations).toEqual([]);
  });

  test('"Open articles automatically" opens the reader by itself on an article page', async () => {
    const { h, server, track } = suite;
    await storeSettings(h, { autoOpen: true });
    const page = track(await h.openPage(server.url('/e2e/article.html')));
    await waitForDialog(page);
    expect(await dialogState(page)).toMatchObject({ open: true, modal: true, name: TITLE });
    // A second detection of the same page (it can come twice) opens automatically again: the reader
    // the person is reading stays open.
    const tabId = await h.tabIdOf(page);
    const reply = await h.evalInExtension<{ ok: boolean; state?: string }>(
      `(globalThis.browser ?? chrome).tabs.sendMessage(${tabId}, { type: 'bg-rd:toggle', payload: { autoOpened: true } })`,
    );
    expect(reply).toMatchObject({ ok: true, state: 'opened' });
    expect(await dialogState(page)).toMatchObject({ open: true, name: TITLE });
  });
});
