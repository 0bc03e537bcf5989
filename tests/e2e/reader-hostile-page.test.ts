/**
 * The reader on pages that fight it: hostile CSS does not change the overlay, and a script that keeps
 * removing foreign nodes does not take it away.
 */
import type { Page } from 'puppeteer-core';
import { browserName } from '../../scripts/lib/harness/browsers';
import { dialogState, waitForDialog } from '../../scripts/lib/harness/reader';
import { toggleReader, waitForOpen } from '../support/overlay';
import { focused, openArticle, readerSuite, TITLE } from '../support/reader-suite';

jest.setTimeout(120_000);
const name = browserName();

describe(`[${name}] reader: hostile pages`, () => {
  const suite = readerSuite();

  test('a page with hostile CSS does not change the overlay', async () => {
    const { h, server, track } = suite;
    const probe = (page: Page) =>
      page.evaluate(() => {
        const host = document.querySelector('[data-lectern-host]') as HTMLElement;
        const root = host.shadowRoot!;
        const dialog = root.querySelector('dialog')!;
        const p = root.querySelector('.article-body p')!;
        const h1 = root.querySelector('h1')!;
        const b = root.querySelector('[role="toolbar"] button')!;
        const cs = getComputedStyle(p);
        const r = dialog.getBoundingClientRect();
        return {
          host: getComputedStyle(host).display,
          // Widths follow the page's own scrollbar (the calm page scrolls, the 2 px one does not).
          dialog: [r.width === document.documentElement.clientWidth, r.height],
          p: [cs.fontSize, cs.color, cs.lineHeight, cs.fontFamily, cs.letterSpacing, cs.wordSpacing],
          h1: [getComputedStyle(h1).fontSize, getComputedStyle(h1).color],
          button: [
            b.getBoundingClientRect().width,
            b.getBoundingClientRect().height,
            getComputedStyle(b).fontSize,
          ],
          bg: getComputedStyle(dialog).backgroundColor,
        };
      });
    const calm = track(await openArticle(h, server));
    await toggleReader(h, calm);
    await waitForDialog(calm);
    const expected = await probe(calm);
    const hostile = track(await openArticle(h, server, '/e2e/hostile.html'));
    await toggleReader(h, hostile);
    await waitForDialog(hostile);
    expect(await dialogState(hostile)).toMatchObject({ open: true, modal: true, name: TITLE });
    expect(await probe(hostile)).toEqual(expected);
    expect(expected.p[0]).toBe('20px');
  });

  test('a page script that keeps removing foreign nodes does not take the overlay away', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server, '/e2e/remover.html'));
    await toggleReader(h, page);
    await waitForOpen(page);
    const before = await page.evaluate(() => (window as unknown as { removals?: number }).removals ?? 0);
    await page.waitForFunction(
      (n: number) => ((window as unknown as { removals?: number }).removals ?? 0) >= n + 3,
      { timeout: 10_000, polling: 50 },
      before,
    );
    expect(await dialogState(page)).toMatchObject({ open: true, modal: true, name: TITLE });
    expect((await dialogState(page)).height).toBeGreaterThan(0);
    expect((await focused(page)).inDialog).toBe(true);
    // (A real mouse click can fall between two of the page's removals, which cancel it: click in script.)
    await page.evaluate(() =>
      (
        document
          .querySelector('[data-lectern-host]')!
          .shadowRoot!.querySelector('button[data-action="close"]') as HTMLButtonElement
      ).click(),
    );
    await waitForOpen(page, false);
  });
});
