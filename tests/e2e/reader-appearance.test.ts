/**
 * How the reader looks: axe-core and computed contrast in every theme (with screenshots), WCAG spacing at
 * 320 px, the OS colour scheme, forced colours, reduced motion and print (the last ones Chromium only:
 * puppeteer's media emulation is CDP only).
 */
import { join } from 'node:path';
import { browserName } from '../../scripts/lib/harness/browsers';
import { waitForDialog } from '../../scripts/lib/harness/reader';
import {
  layoutProblems,
  overlayContrast,
  runAxe,
  storeSettings,
  storedAreas,
  toggleReader,
  waitForDialogAttr,
  waitForParagraphPx,
} from '../support/overlay';
import { clickInOverlay, openArticle, readerSuite, SHOTS } from '../support/reader-suite';
import { TEXT_SIZES, THEMES, WCAG_SPACING, textSizePx } from '../../src/shared/settings';

jest.setTimeout(120_000);
const name = browserName();
const chromium = name === 'chromium';

describe(`[${name}] reader: appearance`, () => {
  const suite = readerSuite('appearance');

  test('axe finds no violations and text contrast is at least 7:1 in every theme; screenshots', async () => {
    const { h, server, track, report } = suite;
    // The richer page: a figure, a link, a wide table and code, besides paragraphs.
    const page = track(await openArticle(h, server, '/e2e/rich.html'));
    await page.setViewport({ width: 900, height: 1100 });
    await toggleReader(h, page);
    await waitForDialog(page);
    const results: Record<string, unknown> = {};
    for (const theme of THEMES) {
      await storeSettings(h, { theme });
      await waitForDialogAttr(page, 'data-theme', theme);
      const axeClosed = await runAxe(page, 'overlay');
      const contrast = await overlayContrast(page);
      await page.bringToFront();
      // The skip link shows while focused: move focus to the article for a calm picture.
      await page.evaluate(() => {
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        (root.querySelector('main') as HTMLElement).focus({ preventScroll: true });
        root.querySelector('dialog')!.scrollTop = 0;
      });
      await page.mouse.move(890, 1090); // no hover highlight in the picture
      await page.screenshot({ path: join(SHOTS, `${name}-overlay-${theme}.png`) as `${string}.png` });
      await clickInOverlay(page, 'button[data-action="settings"]');
      const axeOpen = await runAxe(page, 'overlay');
      const contrastOpen = await overlayContrast(page);
      await page.mouse.move(890, 1090);
      if (theme === 'light' || theme === 'dark')
        await page.screenshot({ path: join(SHOTS, `${name}-settings-${theme}.png`) as `${string}.png` });
      await clickInOverlay(page, 'button[data-action="settings"]');
      results[theme] = {
        violations: [...axeClosed.violations, ...axeOpen.violations],
        passes: axeClosed.passes,
        contrast: [...contrast, ...contrastOpen.filter((c) => !contrast.some((d) => d.what === c.what))],
      };
      expect({ theme, violations: axeClosed.violations }).toEqual({ theme, violations: [] });
      expect({ theme, violations: axeOpen.violations }).toEqual({ theme, violations: [] });
      for (const c of [...contrast, ...contrastOpen]) {
        const min = c.what === 'link' || c.what.includes('button') ? 4.5 : 7;
        expect({ theme, what: c.what, ok: c.ratio >= min, ratio: c.ratio }).toMatchObject({ ok: true });
        if (c.what === 'paragraph' || c.what === 'heading') expect(c.ratio).toBeGreaterThanOrEqual(7);
      }
    }
    report.themes = results;
  });

  test('WCAG spacing at a 320 px wide viewport: nothing clipped, overlapping or scrolling sideways, at every size', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server, '/e2e/rich.html'));
    await page.setViewport({ width: 320, height: 640 });
    await toggleReader(h, page);
    await waitForDialog(page);
    const before = await storedAreas(h);
    await clickInOverlay(page, 'button[data-action="settings"]');
    await clickInOverlay(page, 'button#lectern-panel-wcag');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-lectern-host]')!
          .shadowRoot!.querySelector('#lectern-panel-wcag')!
          .getAttribute('aria-pressed') === 'true',
    );
    // Applied to this page's view only: nothing stored.
    expect(await storedAreas(h)).toEqual(before);
    const spacing = await page.evaluate(() => {
      const p = document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('.article-body p')!;
      const cs = getComputedStyle(p);
      const fs = parseFloat(cs.fontSize);
      return {
        line: parseFloat(cs.lineHeight) / fs,
        letter: parseFloat(cs.letterSpacing) / fs,
        word: parseFloat(cs.wordSpacing) / fs,
        after: parseFloat(cs.marginBottom) / fs,
      };
    });
    expect(spacing.line).toBeCloseTo(1.5, 2);
    expect(spacing.letter).toBeCloseTo(0.12, 2);
    expect(spacing.word).toBeCloseTo(0.16, 2);
    expect(spacing.after).toBeCloseTo(2, 2);
    expect(await layoutProblems(page)).toEqual([]); // with the settings panel open
    await clickInOverlay(page, 'button[data-action="settings"]');
    const problems: Record<string, string[]> = {};
    for (const size of TEXT_SIZES) {
      await storeSettings(h, { ...WCAG_SPACING, textSize: size });
      await waitForParagraphPx(page, textSizePx(size));
      problems[size] = await layoutProblems(page);
    }
    expect(problems).toEqual(Object.fromEntries(TEXT_SIZES.map((s) => [s, []])));
    // The wide table and the code scroll inside their own focusable boxes.
    const boxes = await page.evaluate(() =>
      Array.from(
        document
          .querySelector('[data-lectern-host]')!
          .shadowRoot!.querySelectorAll<HTMLElement>('.scroll-box, pre'),
      ).map((b) => ({
        tabIndex: b.tabIndex,
        name: b.getAttribute('aria-label'),
        scrolls: b.scrollWidth > b.clientWidth,
      })),
    );
    expect(boxes).toEqual([
      { tabIndex: 0, name: expect.stringContaining('High water at Westmere'), scrolls: true },
      { tabIndex: 0, name: 'Code (scrolls sideways)', scrolls: true },
    ]);
    await page.bringToFront();
    await page.evaluate(() => {
      document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('dialog')!.scrollTop = 0;
    });
    await page.screenshot({ path: join(SHOTS, `${name}-320-wcag-xxxl.png`) as `${string}.png` });
  });

  (chromium ? test : test.skip)(
    'Auto follows the OS colour scheme; forced colours and reduced motion are honoured (Chromium: media emulation)',
    async () => {
      const { h, server, track } = suite;
      const page = track(await openArticle(h, server));
      await toggleReader(h, page);
      await waitForDialog(page);
      const look = () =>
        page.evaluate(() => {
          const dialog = document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('dialog')!;
          const cs = getComputedStyle(dialog);
          return { bg: cs.backgroundColor, fg: cs.color, scroll: cs.scrollBehavior };
        });
      expect(await look()).toEqual({ bg: 'rgb(253, 253, 251)', fg: 'rgb(27, 27, 27)', scroll: 'smooth' });
      await page.emulateMediaFeatures([
        { name: 'prefers-color-scheme', value: 'dark' },
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ]);
      expect(await look()).toEqual({ bg: 'rgb(23, 25, 28)', fg: 'rgb(232, 230, 225)', scroll: 'auto' });
      expect((await overlayContrast(page)).every((c) => c.ratio >= 7 || c.what === 'link')).toBe(true);
      // puppeteer's emulateMediaFeatures does not know forced-colors; the protocol does.
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: 'active' }],
      });
      const forced = await page.evaluate(() => {
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        return getComputedStyle(root.querySelector('dialog')!).getPropertyValue('--fg').trim();
      });
      expect(forced).toBe('CanvasText');
      expect((await runAxe(page, 'overlay')).violations).toEqual([]);
      await cdp.send('Emulation.setEmulatedMedia', { features: [] });
      await cdp.detach();
    },
  );

  (chromium ? test : test.skip)(
    'print shows the article alone (Chromium: print media emulation)',
    async () => {
      const { h, server, track } = suite;
      const page = track(await openArticle(h, server));
      await toggleReader(h, page);
      await waitForDialog(page);
      await page.emulateMediaType('print');
      const printed = await page.evaluate(() => {
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        return {
          bar: getComputedStyle(root.querySelector('.bar')!).display,
          dialogOverflow: getComputedStyle(root.querySelector('dialog')!).overflow,
        };
      });
      await page.emulateMediaType();
      expect(printed).toEqual({ bar: 'none', dialogOverflow: 'visible' });
    },
  );
});
