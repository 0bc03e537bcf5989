/**
 * Opening and closing the reader as the popup does, and timing it to the dialog's first paint.
 *
 * What each reader measure holds: lectern:extract is the extraction of the article (extractArticle).
 * The sanitizer's instance is built before it, in the gap between the reader bundle loading and the
 * open request arriving, so it is not in lectern:extract. lectern:render ends when the dialog is shown.
 * The open total runs from the request, sent to the background as the popup sends it, to the end of
 * the first frame that paints the dialog, and holds everything: the injection (each page is a new tab,
 * so the background does not ping it first), the bundle's compile, the sanitizer, the extraction, the
 * render, that frame. The frame after it is reported beside: it waits for whatever the page's main
 * thread still does for the reader once it is on screen (the date in words comes from the background,
 * src/shared/dates.ts, so not that).
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'puppeteer-core';
import type { Harness } from '../lib/harness/browsers';

const READABILITY_SRC = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

/** Is the reader bundle present in the page's content-script world? (Chromium: CDP execution contexts.) */
export async function readerLoaded(cdp: CDPSession, contexts: Map<number, string>): Promise<boolean> {
  for (const [id, name] of contexts) {
    if (name !== 'Lectern') continue;
    const r = await cdp
      .send('Runtime.evaluate', {
        expression: "typeof globalThis[Symbol.for('lectern.reader.started')]",
        contextId: id,
        returnByValue: true,
      })
      .catch(() => null);
    if (r?.result.value === 'boolean') return true;
  }
  return false;
}

export async function plainReadabilityMs(page: Page): Promise<number> {
  return page.evaluate((src: string) => {
    const module = { exports: {} as unknown };
    // Readability's own source, run in the test page's main world.
    new Function('module', src)(module);
    const Readability = module.exports as new (doc: Document) => { parse(): unknown };
    const start = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    return performance.now() - start;
  }, READABILITY_SRC);
}

interface PaintWatch {
  /** The first frame that shows the open dialog has been painted: the open total ends here. */
  painted: Promise<number>;
  /** The frame after it has begun (it waits for whatever runs just after that paint). */
  nextFrame: Promise<number>;
}

/**
 * Watches for the dialog, frame by frame. In the frame's animation callbacks the dialog is seen open;
 * the frame's style, layout and paint follow in the same task, so a message posted there is handled
 * once that paint is done. Times are absolute (ms since the epoch, sub-ms), like the open request's.
 */
export async function armPaintWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const now = (): number => performance.timeOrigin + performance.now();
    let painted: (t: number) => void = () => undefined;
    let nextFrame: (t: number) => void = () => undefined;
    const watch: PaintWatch = {
      painted: new Promise((done) => (painted = done)),
      nextFrame: new Promise((done) => (nextFrame = done)),
    };
    (window as unknown as { __benchPaint: PaintWatch }).__benchPaint = watch;
    const check = (): void => {
      // The reader's root is closed; its host is in the page only while the dialog is open (it is
      // appended in the task that calls showModal() and removed if the dialog cannot be shown).
      const host = document.querySelector('[data-lectern-host]');
      if (!host?.isConnected) {
        requestAnimationFrame(check);
        return;
      }
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        painted(now());
        channel.port1.close();
      };
      channel.port2.postMessage(null);
      requestAnimationFrame(() => nextFrame(now()));
    };
    check();
  });
}

export async function paintTimes(page: Page): Promise<{ painted: number; nextFrame: number }> {
  return page.evaluate(async () => {
    const watch = (window as unknown as { __benchPaint: PaintWatch }).__benchPaint;
    return { painted: await watch.painted, nextFrame: await watch.nextFrame };
  });
}

/**
 * Asks the background to open the reader as the popup does (ui-bg:toggle-reader), so the request takes
 * the background's own path: inject the bundle (a new tab is not pinged first), toggle. Returns when it
 * was asked.
 */
export async function openFromBackground(h: Harness, tabId: number): Promise<number> {
  return h.evalInExtension<number>(`(async () => {
    const t0 = performance.timeOrigin + performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'ui-bg:toggle-reader', payload: { tabId: ${tabId} } });
    // A page without an article opens too, with the message that says so.
    if (!reply || (!reply.ok && reply.reason !== 'no-article')) throw new Error('not opened: ' + JSON.stringify(reply));
    return t0;
  })()`);
}

export async function closeFromBackground(h: Harness, tabId: number): Promise<void> {
  await h.evalInExtension(
    `chrome.tabs.sendMessage(${tabId}, { type: 'bg-rd:toggle', payload: { autoOpened: false } })`,
  );
}

export async function measures(page: Page): Promise<{ extract: number[]; render: number[] }> {
  return page.evaluate(() => ({
    extract: performance.getEntriesByName('lectern:extract').map((e) => e.duration),
    render: performance.getEntriesByName('lectern:render').map((e) => e.duration),
  }));
}
