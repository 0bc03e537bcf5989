/**
 * Hostile, huge and difficult pages, and faults of the extension itself, in the browser named by
 * LECTERN_BROWSER: the reader opens (or says clearly why not), the page is never left broken, and no
 * error from Lectern reaches the page.
 */
import type { Page, Target } from 'puppeteer-core';
import { join } from 'node:path';
import {
  launch,
  browserName,
  ROOT,
  GECKO_ID,
  FIREFOX_UUID,
  type Harness,
} from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import {
  actionTitle,
  dialogState,
  waitForDialog as waitForDialogExposing,
} from '../../scripts/lib/harness/reader';
import { inReaderRoot } from '../../scripts/lib/harness/reader-root';
import { waitFor } from '../../scripts/lib/harness/wait';

jest.setTimeout(120_000);
const name = browserName();
const FERRY = 'Winter ferry service approved for Castlebridge';

/** The pages here are hostile: the reader's closed root is read with privilege, never exposed to them. */
const waitForDialog = (page: Page, open = true): Promise<void> =>
  waitForDialogExposing(page, open, { expose: false });

async function openReader(h: Harness, page: Page): Promise<string> {
  const popup = await h.openPopup(page);
  try {
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page);
    return (await dialogState(page)).name;
  } finally {
    await popup.close().catch(() => undefined);
  }
}

/** Errors the page saw (uncaught exceptions and console errors), Lectern's or not. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

function bigPage(megabytes: number): string {
  const para =
    '<p>The harbour board met again on Tuesday to discuss the dredging plan, the budget for the lamp and the timetable for the spring tides, and agreed to publish its minutes on the notice board by the quay.</p>\n';
  const rail = '<li><a href="/other">Another story from the archive of the harbour gazette</a></li>\n';
  const chunks: string[] = [];
  let size = 0;
  while (size < megabytes * 1024 * 1024) {
    chunks.push(`<aside><ul>${rail.repeat(200)}</ul></aside>`);
    size += rail.length * 200;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour board agrees dredging plan</title></head>
<body><nav>${chunks.slice(0, chunks.length >> 1).join('')}</nav>
<article><h1>Harbour board agrees dredging plan</h1>${para.repeat(12)}</article>
<footer>${chunks.slice(chunks.length >> 1).join('')}</footer></body></html>`;
}

function imagesPage(count: number): string {
  const img = (i: number): string =>
    `<img src="" data-src="/e2e/photo.svg?${i}" alt="" width="1" height="1">`;
  const para =
    '<p>The gallery on Quay Street has catalogued every photograph in its collection, more than fifty thousand prints, and put small copies of them on show in one long room for the winter exhibition.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fifty thousand photographs on one wall</title></head>
<body><article><h1>Fifty thousand photographs on one wall</h1>${para.repeat(6)}<div class="wall">${Array.from({ length: count }, (_, i) => img(i)).join('')}</div>${para}</article></body></html>`;
}

describe(`[${name}] hostile and difficult pages`, () => {
  let h: Harness;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    server.route('/hostile/big.html', bigPage(10));
    server.route('/hostile/images.html', imagesPage(50_000));
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });
  afterEach(async () => {
    await page?.close().catch(() => undefined);
  });

  test('page patches of attachShadow, showModal, Array.prototype.map and JSON.parse do not reach Lectern', async () => {
    page = await h.openPage(server.url('/hostile/patched.html'));
    expect(await page.evaluate(() => (window as unknown as { pagePatched: boolean }).pagePatched)).toBe(true);
    expect(await openReader(h, page)).toBe(FERRY);
    const state = await dialogState(page);
    expect(state).toMatchObject({ open: true, modal: true });
    // The page's own showModal was never called: Lectern used the real one.
    expect(
      await page.evaluate(() => (window as unknown as { showModalCalls?: number }).showModalCalls ?? 0),
    ).toBe(0);
  });

  test('a page that removes every node it did not create: the reader stays open', async () => {
    page = await h.openPage(server.url('/hostile/remover.html'));
    await openReader(h, page);
    const removalsAtOpen = await page.evaluate(() => (window as unknown as { removals: number }).removals);
    // Wait until the page has tried to remove the overlay several more times.
    await page.waitForFunction(
      (n: number) => (window as unknown as { removals: number }).removals >= n + 3,
      { timeout: 10_000 },
      removalsAtOpen,
    );
    const state = await dialogState(page);
    expect(state).toMatchObject({ open: true, name: FERRY });
    expect(state.width).toBeGreaterThan(0);
  });

  for (const [policy, label] of [
    ['strict', "Content-Security-Policy: default-src 'none'"],
    ['tt', "require-trusted-types-for 'script'"],
  ] as const) {
    test(`the reader opens under ${label}`, async () => {
      page = await h.openPage(server.url(`/e2e/article.html?csp=${policy}`));
      expect(await openReader(h, page)).toBe('Westmere lighthouse shines again after forty dark years');
    });
  }

  test('an article inside a cross-origin iframe: detection in the top frame only, no overlay in the frame', async () => {
    page = await h.openPage(server.url('/hostile/frame-top.html'));
    const frame = await waitFor(
      async () =>
        page.frames().find((f) => f.url().includes('localhost') && f.url().includes('/e2e/article.html')) ??
        null,
      (f) => f !== null,
      'the iframe',
    );
    await frame!.waitForSelector('article');
    await actionTitle(h, page, 'No article found on this page');
    await openReader(h, page);
    const text = await inReaderRoot(page, (root) => root.querySelector('dialog')?.textContent ?? '');
    expect(text).toContain('No article found');
    expect(await frame!.evaluate(() => document.querySelectorAll('[data-lectern-host]').length)).toBe(0);
  });

  test('a 10 MB page: detected and opened', async () => {
    page = await h.openPage(server.url('/hostile/big.html'));
    expect(await page.evaluate(() => document.documentElement.outerHTML.length)).toBeGreaterThan(
      10 * 1024 * 1024,
    );
    await actionTitle(h, page, 'Article found — open in Lectern');
    expect(await openReader(h, page)).toBe('Harbour board agrees dredging plan');
  });

  test('a page with 50,000 images: opened, and the images in the reader are bounded', async () => {
    page = await h.openPage(server.url('/hostile/images.html'));
    expect(await page.evaluate(() => document.images.length)).toBe(50_000);
    expect(await openReader(h, page)).toBe('Fifty thousand photographs on one wall');
    const text = await inReaderRoot(page, (root) => root.querySelector('main')?.textContent ?? '');
    expect(text).toContain('fifty thousand prints');
  });

  test('a single-page site that changes articles with history.pushState is re-detected, and the reader offers the new article', async () => {
    page = await h.openPage(server.url('/hostile/spa.html'));
    await actionTitle(h, page, 'Article found — open in Lectern');
    expect(await openReader(h, page)).toBe(FERRY);
    await page.keyboard.press('Escape');
    await waitForDialog(page, false);
    await page.evaluate(() => (window as unknown as { nextArticle: () => void }).nextArticle());
    const tabId = await waitFor(
      () =>
        h.evalInExtension<string>(
          `(globalThis.browser ?? chrome).storage.session.get(null).then(all => JSON.stringify(Object.values(all).map(v => v.url)))`,
        ),
      (urls) => urls.includes('/hostile/spa-library.html'),
      're-detection after pushState',
    );
    expect(tabId).toContain('spa-library');
    expect(await openReader(h, page)).toBe('Library opens on Sundays after a volunteer drive');
    await page.keyboard.press('Escape');
    await waitForDialog(page, false);
    // Away from the articles: the detector says the article is gone, and the action says so too.
    await page.evaluate(() => (window as unknown as { toSections: () => void }).toSections());
    await actionTitle(h, page, 'No article found on this page');
  });

  test('two opens in quick succession leave one overlay and a usable page', async () => {
    page = await h.openPage(server.url('/e2e/article.html'));
    const tabId = await h.tabIdOf(page);
    await h.evalInExtension(`(async () => {
      const api = globalThis.browser ?? chrome;
      const open = async () => {
        await api.scripting.executeScript({ target: { tabId: ${tabId} }, files: ['reader.js'] });
        return api.tabs.sendMessage(${tabId}, { type: 'bg-rd:toggle', payload: { autoOpened: false } });
      };
      return Promise.all([open(), open()]);
    })()`);
    const hosts = await page.evaluate(() => document.querySelectorAll('[data-lectern-host]').length);
    expect(hosts).toBeLessThanOrEqual(1);
    const state = await dialogState(page);
    if (!state.open) {
      // Closed again by the second request: the page must not be left inert.
      expect(
        await page.evaluate(
          () => document.body.matches(':not([inert])') && !document.querySelector('[inert]'),
        ),
      ).toBe(true);
    }
  });

  test('corrupted stored settings are repaired: the popup and the reader show the defaults', async () => {
    await h.evalInExtension(
      `(globalThis.browser ?? chrome).storage.sync.set({ settings: { textSize: 42, theme: { evil: true }, lineHeight: 'tall', schemaVersion: 'x' } })`,
    );
    page = await h.openPage(server.url('/e2e/article.html'));
    const popup = await h.openPopup(page);
    expect(
      await popup.$eval('input[name="textSize"][value="MD"]', (el) => (el as HTMLInputElement).checked),
    ).toBe(true);
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page);
    await popup.close();
    const { paragraphFontPx } = await dialogState(page);
    expect(paragraphFontPx).toBeCloseTo(20, 0); // MD: the browser default (16 px) × 1.25
  });
});

/**
 * Stops the extension's background the way the browser does when it idles, and returns once the browser
 * says it has stopped. Chromium: the DevTools protocol's ServiceWorker.stopAllWorkers, from an extension
 * page of the same origin, waiting for the protocol's own "stopped" event and the target's end. Firefox
 * (an MV3 event page): `extension.terminateBackground()` in the browser's chrome context, which is
 * what its idle timer (`extensions.background.idle.timeout`) calls, until Firefox says the page has
 * shut down.
 */
async function stopBackground(h: Harness): Promise<void> {
  if (h.name === 'firefox') {
    const ext = `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension`;
    // Firefox emits "shutdown-background-script" when the page is gone (for tests). Asked again until it
    // has: a call can be declined (a listener's promise still pending resets the idle timer instead),
    // and an event such as tabs.onUpdated can start the page again at once, so "stopped" may be brief.
    await h.evalInChrome(
      `(() => { const e = ${ext}; e.__lecternStopped = false; e.once('shutdown-background-script', () => { e.__lecternStopped = true; }); return true; })()`,
    );
    await waitFor(
      () =>
        h.evalInChrome<boolean>(
          `(async () => { const e = ${ext}; if (!e.__lecternStopped && e.backgroundState === 'running') await e.terminateBackground({ ignoreDevToolsAttached: true }); return e.__lecternStopped; })()`,
        ),
      (stopped) => stopped,
      'the background event page to stop',
    );
    return;
  }
  const extPage = await h.openExtensionPage('options.html', 'main');
  const isOurs = (t: Target): boolean =>
    t.type() === 'service_worker' && t.url().startsWith(h.extensionOrigin);
  const swTarget = await h.browser.waitForTarget(isOurs);
  const gone = new Promise<void>((done) =>
    h.browser.on('targetdestroyed', (t: Target) => t === swTarget && done()),
  );
  const cdp = await extPage.createCDPSession();
  const stopped = new Promise<void>((done) =>
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      if (e.versions.some((v) => v.scriptURL.startsWith(h.extensionOrigin) && v.runningStatus === 'stopped'))
        done();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await gone;
  await extPage.close();
}

describe(`[${name}] extension faults`, () => {
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

  test('the background stopped between detection and opening: the popup still knows, and Open reader works', async () => {
    const page = await h.openPage(server.url('/e2e/article.html'));
    await actionTitle(h, page, 'Article found — open in Lectern');
    const tabId = await h.tabIdOf(page);
    await stopBackground(h);
    // The popup as a page (opening the real one attaches DevTools to the worker, which would wake it).
    const popup = await h.openExtensionPage(`popup.html?tabId=${tabId}`, 'main:not([aria-busy])');
    expect(await popup.$eval('[role="status"]', (el) => el.textContent)).toContain('Westmere lighthouse');
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page);
    await popup.close();
    if (h.name === 'firefox')
      // Woken by the popup's message: the stop was real, and so was the restart.
      expect(
        await h.evalInChrome<string>(
          `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState`,
        ),
      ).toBe('running');
    await page.close();
  });

  test('the extension reloaded while a page is open: the orphaned content script stays silent, and the reader opens afterwards', async () => {
    const page = await h.openPage(server.url('/hostile/spa.html'));
    const errors = watchErrors(page);
    await actionTitle(h, page, 'Article found — open in Lectern');
    const detections = (): Promise<number> =>
      page.evaluate(() => performance.getEntriesByName('lectern:detect').length);
    const before = await detections();
    /** Waits until the background holds a detection of a URL that contains `path`. */
    const backgroundKnows = (path: string, what: string): Promise<string> =>
      waitFor(
        () =>
          h.evalInExtension<string>(
            `browser.storage.session.get(null).then(all => JSON.stringify(Object.values(all).map(v => v.url)))`,
          ),
        (urls) => urls.includes(path),
        what,
      );
    // Reload the extension the way an update does: the old copy goes, the new one comes, and the
    // page keeps the old content script. (chrome.runtime.reload() does not bring back an extension
    // loaded over the DevTools protocol, and Firefox's temporary add-ons are installed over BiDi
    // webExtension.install: so the test uninstalls and installs the same build, the same way.)
    const id = h.name === 'firefox' ? GECKO_ID : h.extensionOrigin.replace('chrome-extension://', '');
    await h.browser.uninstallExtension(id);
    if (h.name === 'firefox')
      // Uninstalling forgets the add-on's pinned moz-extension:// UUID: pin it again, as launch() does,
      // so that the new copy's pages are where the harness looks for them.
      await h.evalInChrome(`(() => {
        const pref = 'extensions.webextensions.uuids';
        const map = JSON.parse(Services.prefs.getStringPref(pref, '{}'));
        map[${JSON.stringify(GECKO_ID)}] = ${JSON.stringify(FIREFOX_UUID)};
        Services.prefs.setStringPref(pref, JSON.stringify(map));
        return true;
      })()`);
    expect(
      await h.browser.installExtension(join(ROOT, 'dist', h.name === 'firefox' ? 'firefox' : 'chrome')),
    ).toBe(id);
    if (h.name === 'firefox') {
      // Firefox runs the new copy's content script in the open tab at once, and the new background
      // pulls its detection on install: it reaches the new instance's (empty) storage.session.
      await h.tabIdOf(page);
      expect(await detections()).toBe(before + 1);
      await backgroundKnows('/hostile/spa.html', 'the pull on install');
    }
    // The old detector sees a same-document navigation and would report it: it must stay silent.
    await page.evaluate(() => (window as unknown as { nextArticle: () => void }).nextArticle());
    if (h.name === 'chromium') {
      // It notices that it is orphaned when it tries, retires, and leaves only a User Timing mark.
      await page.waitForFunction(
        () => performance.getEntriesByName('lectern:detector-retired').length === 1,
        { timeout: 10_000 },
      );
    } else {
      // Firefox unloads a removed extension's content scripts with it: the old copy never runs
      // again (no retirement mark, no detection), and only the new copy re-detects the new article.
      await backgroundKnows('/hostile/spa-library.html', 're-detection by the new copy');
      expect(await detections()).toBe(before + 2);
      expect(await page.evaluate(() => performance.getEntriesByName('lectern:detector-retired').length)).toBe(
        0,
      );
    }
    expect(errors.filter((e) => /lectern|extension|context invalidated|dead object/i.test(e))).toEqual([]);
    // The new instance injects a fresh reader on request (host access lets it see the tab's URL).
    const url = page.url();
    const tabId = await waitFor(
      () =>
        h.evalInExtension<number | null>(
          `(globalThis.browser ?? chrome).tabs.query({}).then(ts => ts.find(t => t.url === ${JSON.stringify(url)})?.id ?? null)`,
        ),
      (id) => id !== null,
      'the tab after reload',
    );
    await h.evalInExtension(
      `(async () => { const api = globalThis.browser ?? chrome; await api.scripting.executeScript({ target: { tabId: ${tabId} }, files: ['reader.js'] }); return api.tabs.sendMessage(${tabId}, { type: 'bg-rd:toggle', payload: { autoOpened: false } }); })()`,
    );
    await waitForDialog(page);
    expect((await dialogState(page)).name).toBe('Library opens on Sundays after a volunteer drive');
    await page.close();
  });
});
