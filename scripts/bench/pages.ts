/** Loading corpus pages for the bench: the detector's measure on each load, one tab per page. */
import type { Page } from 'puppeteer-core';
import { launch, type Harness } from '../lib/harness/browsers';
import { log, reason } from './options';

/** The detector's `lectern:detect` on a page's load, and that load's own time. */
export interface DetectorLoad {
  detectMs: number;
  loadMs: number;
}

/** Loads `url` in `page` and waits for the detector's measure: that load's figures. */
export async function loadDetected(page: Page, url: string): Promise<DetectorLoad> {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  return detectorFigures(page);
}

export async function detectorFigures(page: Page): Promise<DetectorLoad> {
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('lectern:detect').length > 0 &&
      ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.loadEventEnd ?? 0) > 0,
    { timeout: 15_000 },
  );
  return page.evaluate(() => {
    const detect = performance.getEntriesByName('lectern:detect')[0] as PerformanceEntry;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { detectMs: detect.duration, loadMs: nav ? nav.loadEventEnd - nav.startTime : Number.NaN };
  });
}

/** Runs `visit` in a new tab of `h`, and closes the tab after. */
export async function inNewTab<T>(h: Harness, visit: (page: Page) => Promise<T>): Promise<T> {
  const page = await h.browser.newPage();
  try {
    return await visit(page);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Opens each page in a new tab of one browser (nothing leaves the machine) and returns what `visit`
 * measured there; a page that fails is skipped, with its reason in the log.
 */
export async function eachPage<T>(
  name: 'chromium' | 'firefox',
  label: string,
  files: string[],
  visit: (page: Page, file: string, h: Harness) => Promise<T>,
): Promise<T[]> {
  const h = await launch(name, { blockExternal: true, preciseTimers: true });
  const out: T[] = [];
  try {
    for (const file of files) {
      try {
        out.push(await inNewTab(h, (page) => visit(page, file, h)));
      } catch (error) {
        log(`  ${label} ${file}: skipped (${reason(error)})`);
      }
    }
  } finally {
    await h.close();
  }
  return out;
}
