/**
 * Shared set-up of the reader's end-to-end files: one browser and one fixture server per file, default
 * settings before each test, its pages closed after; and the article pages and overlay probes they use.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { browserName, launch, ROOT, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { actionTitle } from '../../scripts/lib/harness/reader';
import { exposeReaderRoot } from '../../scripts/lib/harness/reader-root';
import { revealReader, storeSettings } from './overlay';

export const SHOTS = join(ROOT, 'tests', 'e2e', '__screenshots__');
export const TITLE = 'Westmere lighthouse shines again after forty dark years';
export const FOUND = 'Article found — open in Lectern';

export interface ReaderSuite {
  /** Set in beforeAll: read them inside a test, not when the file loads. */
  h: Harness;
  server: FixtureServer;
  /** Figures worth keeping beside the screenshots (`<browser>-<name>-report.json`), when named. */
  report: Record<string, unknown>;
  /** Closes the page after the test. */
  track(page: Page): Page;
}

/** Registers the hooks in the enclosing describe; `reportName` writes `report` after the file's tests. */
export function readerSuite(reportName?: string): ReaderSuite {
  const name = browserName();
  const pages: Page[] = [];
  const suite = {
    report: {},
    track: (page: Page): Page => (pages.push(page), page),
  } as ReaderSuite;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    suite.server = await startServer();
    suite.h = await launch(name);
  });
  afterAll(async () => {
    if (reportName)
      writeFileSync(join(SHOTS, `${name}-${reportName}-report.json`), JSON.stringify(suite.report, null, 2));
    await suite.h?.close();
    await suite.server?.close();
  });
  beforeEach(async () => {
    await storeSettings(suite.h, {});
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close().catch(() => undefined);
  });
  return suite;
}

/** Opens a fixture page and waits for the detector's verdict on it (the action's title). */
export async function openArticle(
  h: Harness,
  server: FixtureServer,
  path = '/e2e/article.html',
): Promise<Page> {
  const page = await h.openPage(server.url(path));
  await actionTitle(h, page, /no-article|empty/.test(path) ? 'No article found on this page' : FOUND);
  return page;
}

/** Deep focus: the element focused inside the overlay's shadow root, described. */
export async function focused(page: Page): Promise<{ inDialog: boolean; label: string }> {
  await exposeReaderRoot(page); // when there is a host: focus may be asked for after closing
  return page.evaluate(() => {
    const host = document.querySelector('[data-lectern-host]');
    const a = document.activeElement;
    if (!host || a !== host) return { inDialog: false, label: a ? a.tagName : 'none' };
    const inner = host.shadowRoot!.activeElement;
    const dialog = host.shadowRoot!.querySelector('dialog')!;
    return {
      inDialog: Boolean(inner && dialog.contains(inner)),
      label: inner
        ? `${inner.tagName.toLowerCase()}:${(inner.textContent ?? '').trim().slice(0, 24)}`
        : 'none',
    };
  });
}

export async function clickInOverlay(page: Page, selector: string): Promise<void> {
  await revealReader(page);
  const handle = await page.evaluateHandle(
    (s: string) => document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector(s),
    selector,
  );
  const el = handle.asElement();
  if (!el) throw new Error(`no ${selector} in the overlay`);
  await page.bringToFront(); // background tabs get no animation frames: clicks would wait forever
  await (el as ElementHandle<Element>).click();
}

/** How many times the page extracted and rendered (Lectern's timing entries on loopback pages). */
export async function extractCount(page: Page): Promise<{ extract: number; render: number }> {
  return page.evaluate(() => ({
    extract: performance.getEntriesByName('lectern:extract', 'measure').length,
    render: performance.getEntriesByName('lectern:render', 'measure').length,
  }));
}
