/**
 * The thin slice through every wire, in the browser named by LECTERN_BROWSER: detector → background
 * (action title), popup → background → reader bundle → overlay, popup setting → storage → overlay.
 */
import type { Page } from 'puppeteer-core';
import { launch, browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { actionTitle, dialogState, waitForDialog } from '../../scripts/lib/harness/reader';

jest.setTimeout(90_000);
const name = browserName();

describe(`[${name}] thin slice`, () => {
  let h: Harness;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer();
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  let page: Page;
  afterEach(async () => {
    await page?.close().catch(() => undefined);
  });

  test('the action title says an article was found on an article page', async () => {
    page = await h.openPage(server.url('/e2e/article.html'));
    await expect(actionTitle(h, page, 'Article found — open in Lectern')).resolves.toBe(
      'Article found — open in Lectern',
    );
  });

  test('the action title says no article was found on a front page', async () => {
    page = await h.openPage(server.url('/e2e/no-article.html'));
    await expect(actionTitle(h, page, 'No article found on this page')).resolves.toBe(
      'No article found on this page',
    );
  });

  test('Open reader in the popup shows a modal dialog named by the title, and text size follows the popup live', async () => {
    page = await h.openPage(server.url('/e2e/article.html'));
    await actionTitle(h, page, 'Article found — open in Lectern');
    const popup = await h.openPopup(page);
    try {
      const status = await popup.$eval('[role="status"]', (el) => el.textContent);
      expect(status).toContain('Westmere lighthouse');
      await popup.locator('button ::-p-text(Open reader)').click();
      await waitForDialog(page);
      const state = await dialogState(page);
      expect(state).toMatchObject({
        open: true,
        modal: true,
        name: 'Westmere lighthouse shines again after forty dark years',
      });
      const before = state.paragraphFontPx;

      // Choose XL in the popup: the already open overlay follows through storage.onChanged.
      await popup.locator('input[name="textSize"][value="XL"]').click();
      await page.waitForFunction(
        (px: number) => {
          const host = document.querySelector('[data-lectern-host]');
          const p = host?.shadowRoot?.querySelector('dialog main p');
          return p ? parseFloat(getComputedStyle(p).fontSize) > px : false;
        },
        { timeout: 10_000, polling: 50 }, // a tab behind the popup gets no animation frames
        before,
      );
      const after = await dialogState(page);
      expect(after.paragraphFontPx).toBeCloseTo(before * 1.5, 0);
    } finally {
      await popup.close().catch(() => undefined);
    }
  });
});
