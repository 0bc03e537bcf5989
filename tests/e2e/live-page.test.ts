/**
 * A page that changes while the reader is open, in the browser named by LECTERN_BROWSER: a clock, a
 * ticker, a rotating promotion and a rail change all the time and the reader says nothing; a live story
 * that gains a paragraph, or an article replaced without a change of URL, is offered in a notice with
 * a button, and the text is not replaced until the reader asks.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { launch, browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { dialogState, waitForDialog } from '../../scripts/lib/harness/reader';
import { runAxe, toggleReader } from '../support/overlay';

jest.setTimeout(120_000);
const name = browserName();
const STORM = 'Storm closes the estuary road: live updates';
const LIFEBOAT = 'Lifeboat crew rescues two kayakers off Westmere point';
const CHANGED = 'The article on the page has changed.';
/** More than the watcher's longest wait (MAX_WAIT_MS, 2 s) at the fixture's 150 ms tick. */
const CHURN_TICKS = 20;

interface OverlayView {
  articleText: string;
  notice: string | null;
  button: string | null;
  status: string;
  focused: string | null;
}

async function view(page: Page): Promise<OverlayView> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
    const notice = root.querySelector('[data-notice="update"]');
    const active = root.activeElement as HTMLElement | null;
    return {
      articleText: root.querySelector('main')?.textContent ?? '',
      notice: notice?.querySelector('p')?.textContent ?? null,
      button: notice?.querySelector('button')?.textContent ?? null,
      status: root.querySelector('dialog > [role="status"]')?.textContent ?? '',
      focused: active ? active.tagName + (active.id ? `#${active.id}` : '') : null,
    };
  });
}

async function waitForTicks(page: Page, more: number): Promise<void> {
  // In front: a background tab's timers are throttled and it gets no animation frames to poll on.
  await page.bringToFront();
  const now = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
  await page.waitForFunction(
    (n: number) => (window as unknown as { ticks: number }).ticks >= n,
    { timeout: 15_000 },
    now + more,
  );
}

async function waitForNotice(page: Page, present: boolean): Promise<void> {
  await page.bringToFront();
  await page.waitForFunction(
    (want: boolean) =>
      Boolean(
        document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('[data-notice="update"]'),
      ) === want,
    { timeout: 15_000 },
    present,
  );
}

/**
 * Activates the notice's button: from the keyboard in Chromium, with the mouse in Firefox (headless
 * Firefox's buttons take no Enter or Space from puppeteer).
 */
async function showUpdated(page: Page): Promise<void> {
  await page.bringToFront();
  if (name === 'chromium') {
    for (let i = 0; i < 10; i++) {
      const on = await page.evaluate(
        () =>
          document
            .querySelector('[data-lectern-host]')!
            .shadowRoot!.activeElement?.closest('[data-notice]') != null,
      );
      if (on) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    return;
  }
  const handle = await page.evaluateHandle(() =>
    document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('[data-notice="update"] button'),
  );
  await (handle.asElement() as ElementHandle<Element>).click();
}

describe(`[${name}] a page that changes while the reader is open`, () => {
  let h: Harness;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });
  afterEach(async () => {
    await page?.close().catch(() => undefined);
  });

  test('churn is ignored; a new paragraph is offered, not forced; the button shows it and focus goes to the text', async () => {
    page = await h.openPage(server.url('/hostile/live.html'));
    await toggleReader(h, page);
    await waitForDialog(page);
    expect((await dialogState(page)).name).toBe(STORM);
    const before = await view(page);

    // Clock, ticker, promotion and rail change every 150 ms: nothing is offered.
    await waitForTicks(page, CHURN_TICKS);
    expect((await view(page)).notice).toBeNull();

    await page.evaluate(() => (window as unknown as { addUpdate: () => void }).addUpdate());
    await waitForNotice(page, true);
    const offered = await view(page);
    expect(offered).toMatchObject({ notice: CHANGED, button: 'Show the updated article', status: CHANGED });
    // Not yanked: the text the reader is reading is still the one they opened.
    expect(offered.articleText).not.toContain('the estuary road has reopened');
    expect(offered.articleText).toContain(before.articleText.slice(0, 200));
    // The notice and its button pass axe (contrast is checked from computed colours elsewhere).
    expect((await runAxe(page, 'overlay')).violations).toEqual([]);
    // The button is at least 44 px high, as the toolbar's are.
    const box = await page.evaluate(() => {
      const b = document
        .querySelector('[data-lectern-host]')!
        .shadowRoot!.querySelector('[data-notice="update"] button')!
        .getBoundingClientRect();
      return { w: b.width, h: b.height };
    });
    expect(box.h).toBeGreaterThanOrEqual(44);
    expect(box.w).toBeGreaterThanOrEqual(44);

    await showUpdated(page);
    await waitForNotice(page, false);
    const shown = await view(page);
    expect(shown.articleText).toContain('the estuary road has reopened');
    expect(shown.status).toBe('Showing the updated article');
    if (name === 'chromium') expect(shown.focused).toBe('MAIN#lectern-article');
    expect((await dialogState(page)).open).toBe(true);

    // Still watching after the update: more churn says nothing.
    await waitForTicks(page, CHURN_TICKS);
    expect((await view(page)).notice).toBeNull();
  });

  test('an article replaced without a change of URL is offered; taking it renames the dialog', async () => {
    page = await h.openPage(server.url('/hostile/live.html'));
    const url = page.url();
    await toggleReader(h, page);
    await waitForDialog(page);
    await page.evaluate(() => (window as unknown as { replaceArticle: () => void }).replaceArticle());
    await waitForNotice(page, true);
    expect(page.url()).toBe(url);
    expect((await dialogState(page)).name).toBe(STORM);
    await showUpdated(page);
    await waitForNotice(page, false);
    expect((await dialogState(page)).name).toBe(LIFEBOAT);
    expect((await view(page)).articleText).toContain('two kayakers who had been swept past the point');
  });

  test('a single-page site moves to the next article (history.pushState) under the open reader: offered, then shown', async () => {
    page = await h.openPage(server.url('/hostile/spa.html'));
    await toggleReader(h, page);
    await waitForDialog(page);
    expect((await dialogState(page)).name).toBe('Winter ferry service approved for Castlebridge');
    await page.evaluate(() => (window as unknown as { nextArticle: () => void }).nextArticle());
    await waitForNotice(page, true);
    expect((await dialogState(page)).name).toBe('Winter ferry service approved for Castlebridge');
    await showUpdated(page);
    await waitForNotice(page, false);
    expect((await dialogState(page)).name).toBe('Library opens on Sundays after a volunteer drive');
  });

  test('changed while the reader was closed: opening again shows the new article at once', async () => {
    page = await h.openPage(server.url('/hostile/live.html'));
    await toggleReader(h, page);
    await waitForDialog(page);
    await toggleReader(h, page);
    await waitForDialog(page, false);
    await page.evaluate(() => (window as unknown as { replaceArticle: () => void }).replaceArticle());
    await toggleReader(h, page);
    await waitForDialog(page);
    expect((await dialogState(page)).name).toBe(LIFEBOAT);
    expect((await view(page)).notice).toBeNull();
  });
});
