/**
 * Settings reach an open reader at once, with no new extraction: text sizes chosen in the popup (in
 * every open overlay, in place of the size the reader chose for its page), fonts under a strict CSP,
 * images off and on.
 */
import { browserName } from '../../scripts/lib/harness/browsers';
import { waitForDialog } from '../../scripts/lib/harness/reader';
import {
  openPopup,
  runAxe,
  storeSettings,
  toggleReader,
  waitForDialogAttr,
  waitForParagraphPx,
} from '../support/overlay';
import { clickInOverlay, extractCount, openArticle, readerSuite } from '../support/reader-suite';
import { TEXT_SIZES, textSizePx } from '../../src/shared/settings';

jest.setTimeout(120_000);
const name = browserName();

describe(`[${name}] reader: settings live`, () => {
  const suite = readerSuite('settings-live');

  test("each text size chosen in the popup sets the open overlay's paragraphs to its size; nothing re-renders", async () => {
    const { h, server, track, report } = suite;
    // Another tab with an open overlay follows too.
    const other = track(await openArticle(h, server, '/e2e/rich.html'));
    await toggleReader(h, other);
    await waitForDialog(other);
    const page = track(await openArticle(h, server));
    let popup = track(await openPopup(h, page));
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page);
    await page.evaluate(() => {
      (window as unknown as { __lecternP: Element }).__lecternP = document
        .querySelector('[data-lectern-host]')!
        .shadowRoot!.querySelector('.article-body p')!;
    });
    // The reader's own buttons change this page's view: a size and a theme.
    await clickInOverlay(page, 'button[data-action="larger"]');
    await clickInOverlay(page, 'button[data-action="theme"]');
    expect(await waitForParagraphPx(page, textSizePx('LG'))).toBe(25);
    await waitForDialogAttr(page, 'data-theme', 'light');
    // Each size the popup stores replaces the view's size; the view's theme stays. (A click in the
    // page closes Chromium's real popup: open it again.)
    await popup.close().catch(() => undefined);
    popup = track(await openPopup(h, page));
    const sizes: Record<string, number> = {};
    for (const size of [...TEXT_SIZES].reverse().concat(['MD'])) {
      await popup.locator(`input[name="textSize"][value="${size}"]`).click();
      sizes[size] = await waitForParagraphPx(page, textSizePx(size));
    }
    expect(sizes).toEqual({ XS: 15, SM: 17.5, MD: 20, LG: 25, XL: 30, XXL: 40, XXXL: 80 });
    await waitForDialogAttr(page, 'data-theme', 'light');
    expect(sizes.XXL! / sizes.MD!).toBeGreaterThanOrEqual(2);
    expect(sizes.XXXL! / sizes.MD!).toBeGreaterThanOrEqual(4);
    report.paragraphPx = sizes;
    const same = await page.evaluate(
      () =>
        (window as unknown as { __lecternP: Element }).__lecternP ===
          document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('.article-body p') &&
        (window as unknown as { __lecternP: Element }).__lecternP.isConnected,
    );
    expect(same).toBe(true);
    expect(await extractCount(page)).toEqual({ extract: 1, render: 1 });
    await popup.locator('input[name="textSize"][value="XL"]').click();
    expect(await waitForParagraphPx(other, textSizePx('XL'))).toBe(30);
    expect(await extractCount(other)).toEqual({ extract: 1, render: 1 });
    // Every radio's accessible name begins with its step.
    const names = await popup.$$eval('input[name="textSize"]', (inputs) =>
      inputs.map((i) => ((i as HTMLInputElement).labels?.[0]?.textContent ?? '').trim()),
    );
    expect(names.map((n) => n.split(' ')[0])).toEqual([...TEXT_SIZES]);
    expect(
      await popup.$eval(
        '[role="radiogroup"]',
        (g) => document.getElementById(g.getAttribute('aria-labelledby')!)!.textContent,
      ),
    ).toBe('Text size');
  });

  test.each(['atkinson', 'opendyslexic'] as const)(
    "font %s loads from the extension on a page with default-src 'none'",
    async (font) => {
      const { h, server, track } = suite;
      await storeSettings(h, { font });
      const page = track(await openArticle(h, server, '/e2e/article.html?csp=strict'));
      await toggleReader(h, page);
      await waitForDialog(page);
      await waitForDialogAttr(page, 'data-font', font);
      // The reader names its bundled fonts at random (src/reader/fonts.ts): the article's first family.
      const family = await page.evaluate(() => {
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        const stack = getComputedStyle(root.querySelector('.article-body p')!).fontFamily;
        return stack.split(',')[0]!.trim().replace(/"/g, '');
      });
      expect(family).toMatch(/^f[0-9a-f]{16}$/);
      await page.waitForFunction(
        (fam: string) =>
          Array.from(document.fonts as unknown as Iterable<FontFace>).some(
            (f) => f.family.replace(/"/g, '') === fam && f.status === 'loaded',
          ),
        { timeout: 10_000, polling: 50 },
        family,
      );
      // Measure: text is laid out in the font, not in a fallback.
      const widths = await page.evaluate((fam: string) => {
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        const probe = document.createElement('span');
        probe.textContent = 'Hamburgefonstiv 0123456789';
        root.querySelector('.article-body')!.append(probe);
        probe.style.fontFamily = `"${fam}", monospace`;
        const a = probe.getBoundingClientRect().width;
        probe.style.fontFamily = 'monospace';
        const b = probe.getBoundingClientRect().width;
        probe.remove();
        const p = root.querySelector('.article-body p')!;
        return { font: a, fallback: b, family: getComputedStyle(p).fontFamily };
      }, family);
      expect(widths.family).toContain(family);
      expect(Math.abs(widths.font - widths.fallback)).toBeGreaterThan(5);
    },
  );

  test('images off shows their text alternative in place; on again shows the images', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server, '/e2e/rich.html'));
    await toggleReader(h, page);
    await waitForDialog(page);
    const look = () =>
      page.evaluate(() => {
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        const img = root.querySelector('.article-body img')!;
        const alt = root.querySelector('.alt-text')!;
        return {
          img: getComputedStyle(img).display !== 'none',
          alt: getComputedStyle(alt).display !== 'none',
          altText: alt.textContent,
          caption: root.querySelector('figcaption')?.textContent?.trim(),
        };
      });
    expect(await look()).toMatchObject({ img: true, alt: false });
    await storeSettings(h, { images: false });
    await waitForDialogAttr(page, 'data-images', 'off');
    expect(await look()).toEqual({
      img: false,
      alt: true,
      altText: 'Image: The harbour at dawn, hills behind it',
      caption: 'Westmere harbour, where the tide tables were first posted in 1889.',
    });
    expect((await runAxe(page, 'overlay')).violations).toEqual([]);
  });
});
