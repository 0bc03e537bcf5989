/**
 * The reader from the keyboard: focus kept inside the dialog and given back on Escape, the toolbar's
 * arrows, Ctrl +/− (this page's view only, never stored) and the announcements. Headless Firefox fires no focus events and its buttons do not
 * take Enter/Space from puppeteer, so there the same paths use clicks.
 */
import { browserName } from '../../scripts/lib/harness/browsers';
import { waitForDialog } from '../../scripts/lib/harness/reader';
import { storedAreas, toggleReader, waitForParagraphPx } from '../support/overlay';
import { clickInOverlay, focused, openArticle, readerSuite } from '../support/reader-suite';
import { textSizePx } from '../../src/shared/settings';

jest.setTimeout(120_000);
const name = browserName();
const chromium = name === 'chromium';

describe(`[${name}] reader: keyboard`, () => {
  const suite = readerSuite();

  test('Tab and Shift+Tab stay inside; Escape closes, focus and the page scroll return', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    await page.evaluate(() => {
      document.body.style.minHeight = '3000px';
      window.scrollTo(0, 400);
      (document.querySelector('a.skip') as HTMLElement).focus({ preventScroll: true });
    });
    const scrollBefore = await page.evaluate(() => window.scrollY);
    expect(scrollBefore).toBe(400);
    await toggleReader(h, page);
    await waitForDialog(page);
    await page.bringToFront();
    expect(await focused(page)).toEqual({ inDialog: true, label: 'a:Skip to article text' });

    const forward: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.inDialog).toBe(true);
      forward.push(f.label);
    }
    // Skip link → toolbar (one stop) → the article's link-less body has none → back to the skip link.
    expect(forward[0]).toBe('button:✕Close');
    expect(new Set(forward)).toEqual(new Set(['a:Skip to article text', 'button:✕Close']));
    const backward: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      const f = await focused(page);
      expect(f.inDialog).toBe(true);
      backward.push(f.label);
    }
    expect(backward).toContain('button:✕Close');

    await page.keyboard.press('Escape');
    await waitForDialog(page, false);
    const after = await page.evaluate(() => ({
      active: document.activeElement?.className,
      y: window.scrollY,
      // Closed means gone: no host (and so no open dialog) is left in the page.
      leftover: document.querySelectorAll('[data-lectern-host]').length,
    }));
    expect(after).toEqual({ active: 'skip', y: 400, leftover: 0 });
  });

  test('keyboard in the overlay: toolbar arrows, Enter on Larger text, Ctrl +/−, announcements', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    await toggleReader(h, page);
    await waitForDialog(page);
    const stored = await storedAreas(h);
    await page.bringToFront();
    const status = () =>
      page.evaluate(() =>
        document
          .querySelector('[data-lectern-host]')!
          .shadowRoot!.querySelector('[role="status"]')!
          .textContent!.trim(),
      );
    if (chromium) {
      await page.keyboard.press('Tab'); // skip link → toolbar (Close)
      await page.keyboard.press('ArrowRight'); // Smaller text
      await page.keyboard.press('ArrowRight'); // Larger text
      expect((await focused(page)).label).toBe('button:A+Larger text');
      await page.keyboard.press('Enter');
      expect(await waitForParagraphPx(page, textSizePx('LG'))).toBe(25);
      expect(await status()).toBe('Text size LG');
      await page.keyboard.down('Control');
      await page.keyboard.press('Equal');
      await page.keyboard.up('Control');
      expect(await waitForParagraphPx(page, textSizePx('XL'))).toBe(30);
      expect(await status()).toBe('Text size XL');
      await page.keyboard.down('Control');
      await page.keyboard.press('Minus');
      await page.keyboard.press('Minus');
      await page.keyboard.press('Minus');
      await page.keyboard.up('Control');
      expect(await waitForParagraphPx(page, textSizePx('SM'))).toBe(17.5);
      // The roving tab stop stayed on the button last used.
      const stops = await page.evaluate(() =>
        Array.from(
          document
            .querySelector('[data-lectern-host]')!
            .shadowRoot!.querySelectorAll('[role="toolbar"] button'),
        ).map((b) => (b as HTMLElement).tabIndex),
      );
      expect(stops).toEqual([-1, -1, 0, -1, -1, -1, -1, -1, -1]);
    } else {
      await clickInOverlay(page, 'button[data-action="larger"]');
      expect(await waitForParagraphPx(page, textSizePx('LG'))).toBe(25);
      expect(await status()).toBe('Text size LG');
      await clickInOverlay(page, 'button[data-action="smaller"]');
      await clickInOverlay(page, 'button[data-action="smaller"]');
      expect(await waitForParagraphPx(page, textSizePx('SM'))).toBe(17.5);
    }
    // The overlay's changes are this page's view only: nothing was stored (the page's script can
    // press these keys and buttons too).
    expect(await storedAreas(h)).toEqual(stored);
  });
});
