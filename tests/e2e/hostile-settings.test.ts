/**
 * A page whose own script and CSS attack the open reader, in the browser named by LECTERN_BROWSER: it
 * clicks, types and dispatches at every control it can find (settings stay as stored, and the next
 * page shows nothing of it), styles ::part and slots children into the host (nothing shown, no
 * beacon), and puts its own top layer over the reader (a real click changes nothing stored, the
 * reader comes back on top, and a page that keeps at it is named). One fixture page per attack.
 */
import type { Page } from 'puppeteer-core';
import { inflateSync } from 'node:zlib';
import { browserName } from '../../scripts/lib/harness/browsers';
import { storeSettings, storedAreas, toggleReader } from '../support/overlay';
import { openArticle, readerSuite } from '../support/reader-suite';
import { exposeReaderRoot } from '../support/reader-root';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

jest.setTimeout(120_000);
const name = browserName();
const HOST = '[data-lectern-host]';

/** Opens the reader as the background does; the page's own script cannot see inside it. */
async function open(h: Parameters<typeof toggleReader>[0], page: Page): Promise<void> {
  expect(await toggleReader(h, page)).toMatchObject({ ok: true, state: 'opened' });
  await page.waitForSelector(HOST);
}

/**
 * A probe of the reader's root for the test's own checks, once the page's attack no longer depends on
 * it: the open root while there is one, or the closed one reached with automation privilege.
 */
async function probe<T>(page: Page, fn: (root: ShadowRoot) => T): Promise<T> {
  await exposeReaderRoot(page);
  return page.evaluate(`(${fn.toString()})(document.querySelector('${HOST}').shadowRoot)`) as Promise<T>;
}

/** The colour of one pixel of the page as painted (a PNG screenshot, decoded here). */
async function pixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = Buffer.from(
    await page.screenshot({ clip: { x, y, width: 1, height: 1 }, encoding: 'base64' }),
    'base64',
  );
  let offset = 8;
  let width = 0;
  let colorType = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      colorType = body[9]!;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  // The first pixel of the first row: with one pixel per row, filters 1 and 3 and 4 reduce to
  // "add the byte above", which for the first row is none, so the raw bytes follow the filter byte.
  const raw = inflateSync(Buffer.concat(data));
  if (width !== 1 || (colorType !== 2 && colorType !== 6))
    throw new Error(`unexpected PNG: ${width}, ${colorType}`);
  return [raw[1]!, raw[2]!, raw[3]!];
}

describe(`[${name}] hostile page vs the reader's settings`, () => {
  const suite = readerSuite('hostile-settings');

  test('clicking, typing and dispatching at every control changes nothing stored; the next page shows nothing of it', async () => {
    const { h, server, track } = suite;
    await storeSettings(h, { ...DEFAULT_SETTINGS });
    const page = track(await openArticle(h, server, '/hostile/settings-clicker.html'));
    const before = await storedAreas(h);
    await open(h, page);
    // A real click on the reader's text (a word selected): in Firefox that hands the page the root
    // through getSelection(). The article's text sits in the middle of the viewport.
    const view = page.viewport() ?? { width: 800, height: 600 };
    await page.bringToFront();
    await page.mouse.click(Math.round(view.width / 2), Math.round(view.height * 0.6), { count: 2 });
    const found = await page.evaluate(() =>
      (window as unknown as { attack(): { roots: number; leaked: number; controls: number } }).attack(),
    );
    // What the attack reached (with an open root: every control; then it closed the reader).
    suite.report.attack = found;

    // The next page, in a new tab: the reader opens only when asked (auto-open still off), as stored.
    const next = track(await openArticle(h, server));
    await open(h, next);
    const shown = await probe(next, (root) => ({ ...root.querySelector('dialog')!.dataset }));
    expect(shown).toMatchObject({ textSize: 'MD', theme: 'auto', font: 'serif', images: 'on' });
    expect(await storedAreas(h)).toEqual(before);
  });

  test('::part rules, slots and children appended to the host: nothing shown, nothing covered, no beacon', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server, '/hostile/part-slot.html'));
    await open(h, page);
    const hosts = await page.evaluate(() => (window as unknown as { intrude(): number }).intrude());
    expect(hosts).toBeGreaterThan(0);
    await page.bringToFront();
    await page.screenshot(); // painted: any background image would have been asked for by now
    const seen = await probe(page, (root) => {
      const p = root.querySelector('.article-body p')!;
      const r = p.getBoundingClientRect();
      return {
        position: getComputedStyle(p).position,
        covers: r.width >= innerWidth && r.height >= innerHeight,
        parts: root.querySelectorAll('[part], [exportparts]').length,
        slots: root.querySelectorAll('slot').length,
        background: Array.from(root.querySelectorAll('.article-body *')).filter(
          (el) => getComputedStyle(el).backgroundImage !== 'none',
        ).length,
      };
    });
    expect(seen).toEqual({ position: 'static', covers: false, parts: 0, slots: 0, background: 0 });
    const intruders = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.intruder')).map((el) => {
        const r = el.getBoundingClientRect();
        return {
          inHost: Boolean(el.parentElement?.matches('[data-lectern-host]')),
          area: r.width * r.height,
        };
      }),
    );
    expect(intruders.some((i) => i.inHost)).toBe(true);
    for (const i of intruders) expect(i.area).toBe(0);
    expect(server.requests.filter((r) => r.startsWith('/beacon'))).toEqual([]);
  });

  test('a page popover over the reader: a real click changes nothing stored, the reader is back on top, a page that keeps at it is named', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server, '/hostile/top-layer.html'));
    const before = await storedAreas(h);
    await open(h, page);
    await page.bringToFront();
    // The page's script never touches shadow roots here: it only opens its own top layer.
    const theme = await probe(page, (root) => {
      const r = root.querySelector('button[data-action="theme"]')!.getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
    });
    expect(
      await page.evaluate(() => (window as unknown as { coverWithPopover(): boolean }).coverWithPopover()),
    ).toBe(true);
    await page.mouse.click(theme.x, theme.y);
    // Painted red now, the page's layer would show at the button if it were above the reader.
    await page.evaluate(() => {
      const w = window as unknown as { layers: HTMLElement[] };
      w.layers[w.layers.length - 1]!.style.background = 'rgb(255, 0, 0)';
    });
    const [r, g, b] = await pixel(page, theme.x, theme.y);
    expect({ red: r > 200 && g < 60 && b < 60 }).toEqual({ red: false });
    expect(await storedAreas(h)).toEqual(before);

    // The page keeps re-opening its layer: the reader stops fighting and says so; then it stops.
    await page.evaluate(() => (window as unknown as { keepCovering(): void }).keepCovering());
    await page.waitForFunction(
      (host: string) =>
        Boolean(document.querySelector(host)?.shadowRoot?.querySelector('[data-notice="covered"]')),
      { timeout: 10_000, polling: 50 },
      HOST,
    );
    expect(await probe(page, (root) => root.querySelector('[data-notice="covered"] p')!.textContent)).toBe(
      'This page is covering the reader. Close what the page opened, or press Escape to close the reader.',
    );
    await page.evaluate(() => (window as unknown as { stopCovering(): void }).stopCovering());
    await page.waitForFunction(
      (host: string) => !document.querySelector(host)?.shadowRoot?.querySelector('[data-notice="covered"]'),
      { timeout: 10_000, polling: 50 },
      HOST,
    );
    expect(await storedAreas(h)).toEqual(before);
  });

  (name === 'chromium' ? test : test.skip)(
    'a page modal dialog opened over the reader: the reader comes back on top and takes a real click, stored nowhere',
    async () => {
      const { h, server, track } = suite;
      const page = track(await openArticle(h, server, '/hostile/top-layer.html'));
      const before = await storedAreas(h);
      await open(h, page);
      await page.bringToFront();
      const theme = await probe(page, (root) => {
        const r = root.querySelector('button[data-action="theme"]')!.getBoundingClientRect();
        return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
      });
      expect(
        await page.evaluate(() => (window as unknown as { coverWithDialog(): boolean }).coverWithDialog()),
      ).toBe(true);
      // Under the page's modal dialog the reader would be inert: only a reader on top takes the click
      // (which changes this page's view: the next theme).
      await page.mouse.click(theme.x, theme.y);
      await page.waitForFunction(
        (host: string) =>
          document.querySelector(host)?.shadowRoot?.querySelector('dialog')?.dataset.theme === 'light',
        { timeout: 10_000, polling: 50 },
        HOST,
      );
      expect(await storedAreas(h)).toEqual(before);
    },
  );
});
