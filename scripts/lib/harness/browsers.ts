/**
 * Launches real Chromium or Firefox ESR with the *built* extension (dist/chrome or dist/firefox),
 * over puppeteer-core (Firefox over WebDriver BiDi). A missing browser is an error naming the install
 * command: the end-to-end suite never skips silently.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';
import { waitFor } from './wait';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

export { ROOT };
export const GECKO_ID = 'lectern@lectern.invalid';
/** Pinned so tests can open moz-extension:// pages by URL. */
export const FIREFOX_UUID = '5b1e9b36-3f0e-4f5e-9d57-2a7c1d3e6f10';

export function browserName(): BrowserName {
  const name = process.env.LECTERN_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox')
    throw new Error(`LECTERN_BROWSER must be chromium or firefox, got ${name}`);
  return name;
}

function executable(name: BrowserName): string {
  const path =
    name === 'chromium'
      ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
      : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
  if (!existsSync(path)) {
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    throw new Error(
      `${name} not found at ${path}. Install it with: apt-get update && apt-get install -y ${pkg} ` +
        `(or set ${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}).`,
    );
  }
  return path;
}

export interface Harness {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  extensionOrigin: string;
  /** Opens a web page and waits until it has loaded. */
  openPage(url: string): Promise<Page>;
  /** Opens an extension page (popup.html, options.html) in a tab and waits for `selector`. */
  openExtensionPage(path: string, selector?: string): Promise<Page>;
  /**
   * Opens the popup for `page`'s tab: the real action popup in Chromium (chrome.action.openPopup()),
   * the same document as a page in Firefox, where BiDi gives no handle on the popup window.
   */
  openPopup(page: Page): Promise<Page>;
  /** The extension's id for the tab showing `page` (found through the detector's per-tab state). */
  tabIdOf(page: Page): Promise<number>;
  /** Runs a function with the extension API in an extension page (options.html, kept open in a tab). */
  evalInExtension<T>(fn: string): Promise<T>;
  /**
   * Firefox only: evaluates an expression in the browser's own privileged (chrome) context, over BiDi
   * (`--remote-allow-system-access`), awaiting a promise; returns a primitive result. This is where the
   * extension's background can be reached from outside (`WebExtensionPolicy.getByID(id).extension`).
   */
  evalInChrome<T extends string | number | boolean | null>(expression: string): Promise<T>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium's own background traffic (sign-in, autofill server, safe browsing), off so that a test
  // recording every off-machine request sees only what the extension or the page asked for.
  '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,AccountConsistency',
  '--allow-browser-signin=false',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-default-apps',
  '--no-pings',
  // Google service endpoints Chromium calls on its own point at a closed loopback port instead.
  '--gaia-url=http://127.0.0.1:9',
  '--google-apis-url=http://127.0.0.1:9',
  '--lso-url=http://127.0.0.1:9',
];

export async function launch(
  name: BrowserName = browserName(),
  options: {
    extension?: boolean;
    headless?: boolean;
    /**
     * Make every non-loopback request fail at once, inside the browser (real pages from a corpus name
     * remote resources; nothing may leave this machine). Chromium: no host resolves but 127.0.0.1.
     * Firefox: everything goes to a proxy on a closed loopback port (loopback itself is never proxied).
     */
    blockExternal?: boolean;
    /** Send every non-loopback request to this loopback proxy port (tests/support/recorder.ts). */
    proxyPort?: number;
    /**
     * Firefox rounds `performance.now()` to whole milliseconds by default (its timer-precision
     * defence); the bench asks for full precision so a 2 ms script is not read as 1 or 3.
     */
    preciseTimers?: boolean;
    /** Another unpacked extension in place of Lectern's build (the bench's floor). */
    extensionDir?: string;
    /**
     * Real voices (./speech.ts starts them): both browsers get the daemons' XDG_RUNTIME_DIR, so they
     * find Speech Dispatcher's socket; Chromium also needs --enable-speech-dispatcher.
     */
    speech?: { xdgRuntimeDir: string };
    /** More command-line arguments and environment for the browser. */
    args?: string[];
    env?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const withExtension = options.extension !== false;
  const headless = options.headless !== false;
  const userDataDir = mkdtempSync(join(tmpdir(), `lectern-${name}-`));
  const dist = options.extensionDir ?? join(ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
  if (withExtension && !existsSync(join(dist, 'manifest.json')))
    throw new Error(`${dist} is not built: run npm run build first.`);

  const env: Record<string, string | undefined> = {
    ...process.env,
    ...(options.speech ? { XDG_RUNTIME_DIR: options.speech.xdgRuntimeDir } : {}),
    ...options.env,
  };
  let browser: Browser;
  let extensionOrigin = '';
  if (name === 'chromium') {
    browser = await puppeteer.launch({
      executablePath: executable(name),
      headless,
      pipe: true,
      enableExtensions: withExtension,
      userDataDir,
      env,
      args: [
        ...CHROMIUM_ARGS,
        ...(options.blockExternal ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : []),
        ...(options.proxyPort ? [`--proxy-server=http://127.0.0.1:${options.proxyPort}`] : []),
        ...(options.speech ? ['--enable-speech-dispatcher'] : []),
        ...(options.args ?? []),
      ],
    });
    if (withExtension) extensionOrigin = `chrome-extension://${await browser.installExtension(dist)}`;
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: executable(name),
      headless,
      userDataDir,
      args: ['--remote-allow-system-access', ...(options.args ?? [])],
      // Release builds honour services.settings.server only with this set.
      env: { ...env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        // Keep the closed network quiet: no update checks, telemetry or captive-portal probes.
        'app.update.enabled': false,
        ...(options.preciseTimers ? { 'privacy.reduceTimerPrecision': false } : {}),
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'extensions.getAddons.cache.enabled': false,
        // Firefox's own Remote Settings sync points at a closed loopback port instead.
        'services.settings.server': 'http://127.0.0.1:9/v1',
        ...(options.blockExternal || options.proxyPort
          ? {
              'network.proxy.type': 1,
              'network.proxy.http': '127.0.0.1',
              'network.proxy.http_port': options.proxyPort ?? 9,
              'network.proxy.ssl': '127.0.0.1',
              'network.proxy.ssl_port': options.proxyPort ?? 9,
              'network.proxy.share_proxy_settings': true,
              'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
            }
          : {}),
      },
    });
    if (withExtension) {
      await browser.installExtension(dist);
      extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
    }
  }

  async function serviceWorker(): Promise<WebWorker> {
    // The worker sleeps after ~30 s idle (or is stopped by a test): look it up afresh each time, and
    // wake it the way the browser would, with an event (the popup page sends it a message on load).
    const isOurs = (t: Target): boolean =>
      t.type() === 'service_worker' && t.url().startsWith(extensionOrigin);
    let target = browser.targets().find(isOurs);
    if (!target) {
      const waking = browser.waitForTarget(isOurs, { timeout: 15_000 });
      const page = await browser.newPage();
      page.goto(`${extensionOrigin}/popup.html`).catch(() => undefined);
      target = await waking;
      await page.close().catch(() => undefined);
    }
    const worker = await target.worker();
    if (!worker) throw new Error('no service worker');
    // A worker that has just started may be attached before the extension API is bound in it.
    await waitFor(
      () => worker.evaluate('typeof chrome'),
      (t) => t === 'object',
      'the extension API in the worker',
    );
    return worker;
  }

  let helperPage: Page | null = null;
  async function extensionHelperPage(): Promise<Page> {
    if (helperPage && !helperPage.isClosed()) return helperPage;
    helperPage = await openExtensionPage('options.html', 'main');
    return helperPage;
  }

  async function openPage(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  async function openExtensionPage(path: string, selector = 'body'): Promise<Page> {
    const page = await browser.newPage();
    const url = `${extensionOrigin}/${path}`;
    if (name === 'firefox') {
      // BiDi's navigation to moz-extension:// never resolves although the page loads,
      // and a selector wait that starts while the tab is still on about:blank can die with the old
      // document ("right-hand side of 'in' should be an object"): check origin and selector together,
      // again until both hold.
      page.goto(url).catch(() => undefined);
      await waitFor(
        () =>
          page.evaluate(
            (origin: string, sel: string) =>
              location.origin === origin && document.querySelector(sel) !== null,
            extensionOrigin,
            selector,
          ),
        (ready) => ready,
        `${path} to render`,
        15_000,
      );
      return page;
    }
    await page.goto(url);
    await page.waitForSelector(selector, { timeout: 15_000 });
    return page;
  }

  async function evalInExtension<T>(fn: string): Promise<T> {
    // An extension page, in both browsers: attaching DevTools to the service worker would keep it
    // from ever stopping, and the tests of a stopped worker need it to stop.
    const page = await extensionHelperPage();
    try {
      return (await page.evaluate(fn)) as T;
    } catch (error) {
      // The extension was uninstalled and installed again by a test: the browser closed its pages,
      // which BiDi may not have reported yet ("no such frame"). Once, in a new helper page.
      if (!/no such frame|target closed|session closed|detached frame/i.test(String(error))) throw error;
      await page.close().catch(() => undefined);
      helperPage = null;
      return (await (await extensionHelperPage()).evaluate(fn)) as T;
    }
  }

  async function evalInChrome<T extends string | number | boolean | null>(expression: string): Promise<T> {
    if (name !== 'firefox') throw new Error('evalInChrome is for Firefox only');
    type Send = (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;
    const connection = (browser as unknown as { connection: { send: Send } }).connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = tree.result.contexts as Array<{ context: string }>;
    const context = contexts[0]?.context;
    if (!context) throw new Error('no chrome browsing context');
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (result.type === 'exception')
      throw new Error(`chrome context: ${JSON.stringify(result.exceptionDetails).slice(0, 500)}`);
    const value = result.result as { type: string; value?: unknown };
    return (value.type === 'null' || value.type === 'undefined' ? null : value.value) as T;
  }

  async function tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    // The extension's host permissions (http and https) let it read those tabs' URLs without the
    // "tabs" permission. Asked again until the browser reports the tab at its new URL.
    const id = await waitFor(
      () =>
        evalInExtension<number | null>(
          `(async () => { const tabs = await (globalThis.browser ?? chrome).tabs.query({}); const tab = tabs.find((t) => t.url === ${JSON.stringify(url)}); return tab ? tab.id : null; })()`,
        ),
      (v) => v != null,
      `the tab of ${url}`,
    );
    if (id == null) throw new Error(`no tab found for ${url}`);
    return id;
  }

  async function openPopup(page: Page): Promise<Page> {
    if (name === 'chromium') {
      await page.bringToFront();
      const worker = await serviceWorker();
      const popupTarget = browser.waitForTarget((t) => t.url().startsWith(`${extensionOrigin}/popup.html`), {
        timeout: 10_000,
      });
      await worker.evaluate('chrome.action.openPopup()');
      const target = await popupTarget;
      const popup = await target.asPage();
      await popup.waitForSelector('main:not([aria-busy])', { timeout: 10_000 });
      return popup;
    }
    const tabId = await tabIdOf(page);
    return openExtensionPage(`popup.html?tabId=${tabId}`, 'main:not([aria-busy])');
  }

  return {
    name,
    browser,
    tabIdOf,
    extensionOrigin,
    openPage,
    openExtensionPage,
    openPopup,
    evalInExtension,
    evalInChrome,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
