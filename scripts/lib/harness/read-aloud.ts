/**
 * Page-side probes of read aloud in the open reader: the toolbar's speech buttons by their visible names,
 * (after waitForDialog, which exposes the reader's closed root as the host's shadowRoot to these probes),
 * what the CSS Custom Highlight registry (the page's `CSS.highlights`) holds, and when utterances start.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Harness } from './browsers';
import { waitFor } from './wait';

/** The names of the reader's toolbar buttons, in order (the glyphs are aria-hidden, so left out). */
export async function toolbarNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-lectern-host]')?.shadowRoot;
    const buttons = root?.querySelectorAll('[role="toolbar"] button') ?? [];
    return Array.from(buttons, (b) => {
      const label = b.querySelector('.label') ?? b;
      return (label.textContent ?? '').trim();
    });
  });
}

/** The toolbar button whose visible name is `name` (null when there is none). */
export async function toolbarButton(page: Page, name: string): Promise<ElementHandle<Element> | null> {
  const handle = await page.evaluateHandle((want: string) => {
    const root = document.querySelector('[data-lectern-host]')?.shadowRoot;
    const buttons = Array.from(root?.querySelectorAll('[role="toolbar"] button') ?? []);
    return buttons.find((b) => ((b.querySelector('.label') ?? b).textContent ?? '').trim() === want) ?? null;
  }, name);
  return handle.asElement() as ElementHandle<Element> | null;
}

/** Clicks the toolbar button named `name` with the mouse (the tab is brought to the front first). */
export async function clickToolbarButton(page: Page, name: string): Promise<void> {
  const button = await toolbarButton(page, name);
  if (!button) throw new Error(`no toolbar button named ${name}: ${(await toolbarNames(page)).join(', ')}`);
  await page.bringToFront(); // background tabs get no animation frames: clicks would wait forever
  await button.click();
}

/** The text of every range in every registered highlight (the reader registers one at a time). */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    for (const [, highlight] of registry ?? []) for (const range of highlight) texts.push(String(range));
    return texts;
  });
}

/** Waits until the page's highlights hold exactly one range and `accept` takes its text. */
export async function waitForHighlight(
  page: Page,
  accept: (text: string) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<string> {
  const texts = await waitFor(
    () => highlightedTexts(page),
    (t) => t.length === 1 && accept(t[0] as string),
    what,
    timeoutMs,
  );
  return texts[0] as string;
}

/**
 * The reader's `start` events, seen from the page: its Utterance class (in the content-script world) is
 * wrapped to post each start's performance.now() to the page's world (and each utterance's creation,
 * just before the reader hands it to speak()). The reader sets onstart, which
 * this leaves alone. Source, because chrome.scripting runs it alone (no closure, no bundler helpers).
 */
const START_PROBE = `function () {
  const Original = globalThis.SpeechSynthesisUtterance;
  class Probed extends Original {
    constructor(text) {
      super(text);
      window.postMessage({ lecternUtteranceProbe: performance.now() }, '*');
      this.addEventListener('start', () => window.postMessage({ lecternStartProbe: performance.now() }, '*'));
    }
  }
  Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { value: Probed, configurable: true, writable: true });
}`;

/** Installs the start probe in `page`'s tab (before the first press), and its listener in the page. */
export async function installStartProbe(h: Harness, page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __starts: number[]; __utterances: number[] };
    w.__starts = [];
    w.__utterances = [];
    window.addEventListener('message', (e: MessageEvent) => {
      const data = e.data as { lecternStartProbe?: number; lecternUtteranceProbe?: number } | null;
      if (typeof data?.lecternStartProbe === 'number') w.__starts.push(data.lecternStartProbe);
      if (typeof data?.lecternUtteranceProbe === 'number') w.__utterances.push(data.lecternUtteranceProbe);
    });
  });
  const tabId = await h.tabIdOf(page);
  await h.evalInExtension(
    `(globalThis.browser ?? chrome).scripting.executeScript({ target: { tabId: ${tabId} }, func: ${START_PROBE} }).then(() => true)`,
  );
}

/** The performance.now() of each start event so far (the probe must be installed). */
export async function startTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __starts?: number[] }).__starts ?? []);
}

/** The performance.now() of each utterance made so far (the probe must be installed). */
export async function utteranceTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __utterances?: number[] }).__utterances ?? []);
}
