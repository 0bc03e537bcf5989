/** The page's heap over open/close cycles of the reader, and what the reader leaves behind (Chromium). */
import type { CDPSession, Page } from 'puppeteer-core';
import type { Harness } from '../lib/harness/browsers';
import { waitForDialog } from '../lib/harness/reader';
import { closeFromBackground, openFromBackground } from './open';
import { loadDetected } from './pages';

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function leftBehind(page: Page): Promise<{ hosts: number; openDialogs: number }> {
  return page.evaluate(() => ({
    hosts: document.querySelectorAll('[data-lectern-host]').length,
    // The root is closed, and a host stays in the page only while its dialog is open.
    openDialogs: Array.from(document.querySelectorAll('[data-lectern-host]')).filter((h) => h.isConnected)
      .length,
  }));
}

export interface Memory {
  url: string;
  before: number;
  afterOpen: number;
  baseline: number;
  afterCycles: number;
  cycles: number;
  hostsAfterClose: number;
  openDialogsAfterClose: number;
  /** The page left alone for as long as the cycles took, from where they ended (with `control`). */
  pageAloneGrowthPct?: number;
}

/**
 * The page's JS heap (every world of its renderer: the page's own and Lectern's), collected, before
 * opening, after the first open and close, and after 20 more cycles. The baseline is the page after
 * one open and close: the reader's code and its cached article are then in memory for good, and every
 * further cycle must add nothing. A page whose own scripts run keeps growing by itself (timers,
 * retried requests), which this cannot tell from Lectern's; so the goal is measured with the page's
 * scripts off (a `script-src 'none'` CSP, which Lectern's scripts are not under), and the page as
 * served is measured beside it, with `control`: the same page left alone for as long as the cycles
 * took.
 */
export async function memoryCycles(h: Harness, url: string, control: boolean): Promise<Memory> {
  const page = await h.browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    await loadDetected(page, url);
    const tabId = await h.tabIdOf(page);
    await page.bringToFront();
    const before = await heapUsed(cdp);
    const cycle = async (): Promise<void> => {
      await openFromBackground(h, tabId);
      await waitForDialog(page);
      await closeFromBackground(h, tabId);
      await waitForDialog(page, false);
    };
    await openFromBackground(h, tabId);
    await waitForDialog(page);
    const afterOpen = await heapUsed(cdp);
    await closeFromBackground(h, tabId);
    await waitForDialog(page, false);
    const baseline = await heapUsed(cdp);
    const cycles = 20;
    const started = performance.now();
    for (let c = 0; c < cycles; c++) await cycle();
    const took = performance.now() - started;
    const afterCycles = await heapUsed(cdp);
    const left = await leftBehind(page);
    const memory: Memory = {
      url,
      before,
      afterOpen,
      baseline,
      afterCycles,
      cycles,
      hostsAfterClose: left.hosts,
      openDialogsAfterClose: left.openDialogs,
    };
    if (control) {
      await page.evaluate((ms: number) => new Promise((done) => setTimeout(done, ms)), took);
      memory.pageAloneGrowthPct = (((await heapUsed(cdp)) - afterCycles) / afterCycles) * 100;
    }
    return memory;
  } finally {
    await page.close().catch(() => undefined);
  }
}
