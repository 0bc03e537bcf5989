/**
 * Probes of the open reader overlay for the reader's end-to-end tests (run in the page's main world,
 * on the closed root exposed there by revealReader), plus ways to drive the reader without the popup.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import type { Harness } from '../../scripts/lib/harness/browsers';
import { waitFor } from '../../scripts/lib/harness/wait';
import { exposeReaderRoot } from '../../scripts/lib/harness/reader-root';
import type { Settings } from '../../src/shared/settings';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Injects the reader bundle when needed and toggles the overlay, as the background does. */
export async function toggleReader(h: Harness, page: Page): Promise<unknown> {
  const tabId = await h.tabIdOf(page);
  return inExtension(
    h,
    `(async () => {
    const api = globalThis.browser ?? chrome;
    const env = (type, payload) => ({ type, payload });
    let present = false;
    try { present = (await api.tabs.sendMessage(${tabId}, env('bg-rd:ping', {}))) === true; } catch {}
    if (!present) await api.scripting.executeScript({ target: { tabId: ${tabId} }, files: ['reader.js'] });
    return api.tabs.sendMessage(${tabId}, env('bg-rd:toggle', { autoOpened: false }));
  })()`,
  );
}

/**
 * evalInExtension, tried again on a transient failure: just after launch, or when Chromium restarts
 * the sleeping service worker, the first evaluation can land before the extension API is bound
 * ("chrome is not defined").
 */
export async function inExtension<T>(h: Harness, code: string): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await h.evalInExtension<T>(code);
    } catch (error) {
      lastError = error;
      if (!/not defined|Target closed|Execution context/i.test(String(error))) throw error;
    }
  }
  throw lastError;
}

/** Replaces the stored global settings (and forgets per-site profiles). */
export async function storeSettings(h: Harness, settings: Partial<Settings>): Promise<void> {
  await inExtension(
    h,
    `(async () => {
    const api = globalThis.browser ?? chrome;
    await api.storage.sync.clear();
    await api.storage.local.clear();
    await api.storage.sync.set({ settings: Object.assign({ schemaVersion: 2 }, ${JSON.stringify(settings)}) });
  })()`,
  );
}

export async function storedData(h: Harness): Promise<Record<string, unknown>> {
  return inExtension(h, `(globalThis.browser ?? chrome).storage.sync.get(null)`);
}

/**
 * Waits for the reader's host, then exposes its closed root to the page's main world as the host's
 * `shadowRoot` (scripts/lib/harness/reader-root.ts). Never on a page whose script attacks the reader.
 */
export async function revealReader(page: Page): Promise<void> {
  await waitFor(() => exposeReaderRoot(page), Boolean, "the reader's host", 15_000);
}

/** Everything in storage.sync and storage.local, read through the extension. */
export async function storedAreas(
  h: Harness,
): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }> {
  return inExtension(
    h,
    `(async () => {
    const api = globalThis.browser ?? chrome;
    return { sync: await api.storage.sync.get(null), local: await api.storage.local.get(null) };
  })()`,
  );
}

/** Waits until the overlay's first article paragraph has this computed font size (px). */
export async function waitForParagraphPx(page: Page, px: number): Promise<number> {
  await revealReader(page);
  await page.waitForFunction(
    (want: number) => {
      const p = document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('.article-body p');
      return p ? Math.abs(parseFloat(getComputedStyle(p).fontSize) - want) < 0.05 : false;
    },
    { timeout: 10_000, polling: 50 }, // background tabs get no animation frames to poll on
    px,
  );
  return page.evaluate(() => {
    const p = document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('.article-body p')!;
    return parseFloat(getComputedStyle(p).fontSize);
  });
}

/** Waits until the dialog carries a data attribute value (settings reached the overlay). */
export async function waitForDialogAttr(page: Page, name: string, value: string): Promise<void> {
  await revealReader(page);
  await page.waitForFunction(
    (n: string, v: string) =>
      document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('dialog')?.getAttribute(n) ===
      v,
    { timeout: 10_000, polling: 50 },
    name,
    value,
  );
}

export interface AxeSummary {
  violations: Array<{ id: string; impact: string | null; targets: string[] }>;
  passes: number;
  incomplete: string[];
}

async function injectAxe(page: Page): Promise<void> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!has) await page.evaluate(AXE_SOURCE);
}

/** axe-core over the overlay's dialog (inside the shadow root), or over a whole extension page. */
export async function runAxe(page: Page, where: 'overlay' | 'document'): Promise<AxeSummary> {
  if (where === 'overlay') await revealReader(page);
  await injectAxe(page);
  return page.evaluate(
    async (w: string, tags: string[]) => {
      const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeRaw> } }).axe;
      interface AxeRaw {
        violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }>;
        passes: unknown[];
        incomplete: Array<{ id: string }>;
      }
      // fromShadowDom: the array-of-arrays form matches nothing in axe 4.14 and passes vacuously.
      const context = w === 'overlay' ? { fromShadowDom: ['[data-lectern-host]', 'dialog'] } : document;
      const r = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      // A run that checked nothing proves nothing.
      if (r.passes.length === 0) throw new Error(`axe checked nothing in the ${w}`);
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          targets: v.nodes.map((n) => JSON.stringify(n.target)),
        })),
        passes: r.passes.length,
        incomplete: r.incomplete.map((i) => i.id),
      };
    },
    where,
    AXE_TAGS,
  );
}

export interface ContrastSample {
  what: string;
  fg: string;
  bg: string;
  ratio: number;
}

/**
 * WCAG contrast of the overlay's text as rendered: computed colour of each kind of text against the
 * first opaque background up its ancestors (inside the shadow root up to the dialog).
 */
export async function overlayContrast(page: Page): Promise<ContrastSample[]> {
  await revealReader(page);
  return page.evaluate(() => {
    const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]): number => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const bgOf = (el: Element | null): string => {
      for (let e = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (parse(c)[3] > 0.99) return c;
      }
      return 'rgb(255, 255, 255)';
    };
    const samples: Array<{ what: string; fg: string; bg: string; ratio: number }> = [];
    const sample = (what: string, el: Element | null | undefined) => {
      if (!el) return;
      const fg = getComputedStyle(el).color;
      const bg = bgOf(el);
      const [a, b] = [lum(parse(fg)), lum(parse(bg))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      samples.push({ what, fg, bg, ratio: Math.round(ratio * 100) / 100 });
    };
    sample('paragraph', root.querySelector('.article-body p'));
    sample('heading', root.querySelector('h1'));
    sample('meta', root.querySelector('.meta'));
    sample('link', root.querySelector('.article-body a') ?? root.querySelector('.skip'));
    sample('button', root.querySelector('[role="toolbar"] button'));
    sample('pressed button', root.querySelector('button[aria-expanded="true"], button[aria-pressed="true"]'));
    sample('form label', root.querySelector('.form label'));
    return samples;
  });
}

/** Layout problems in the overlay: horizontal scrolling, clipped text, overlapping blocks. */
export async function layoutProblems(page: Page): Promise<string[]> {
  await revealReader(page);
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
    const dialog = root.querySelector('dialog')!;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.className}:"${(el.textContent ?? '').trim().slice(0, 30)}"`;
    if (dialog.scrollWidth > dialog.clientWidth + 1)
      problems.push(`dialog scrolls horizontally: ${dialog.scrollWidth} > ${dialog.clientWidth}`);
    // (The inert page behind may scroll sideways on its own: only the overlay is ours.)
    if (dialog.getBoundingClientRect().right > window.innerWidth + 1)
      problems.push('dialog wider than the viewport');
    const scrollers = new Set(Array.from(root.querySelectorAll('.scroll-box, pre')));
    for (const el of Array.from(dialog.querySelectorAll<HTMLElement>('*'))) {
      if (
        el.closest('[hidden]') ||
        el.closest('.visually-hidden') ||
        el.classList.contains('visually-hidden')
      )
        continue;
      if ([...scrollers].some((s) => s.contains(el) && s !== el)) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.display === 'inline') continue;
      if (scrollers.has(el)) continue;
      if (el.scrollWidth > el.clientWidth + 1 && cs.overflowX !== 'visible')
        problems.push(`clipped horizontally: ${name(el)} ${el.scrollWidth} > ${el.clientWidth}`);
      if (el.scrollHeight > el.clientHeight + 1 && cs.overflowY === 'hidden')
        problems.push(`clipped vertically: ${name(el)}`);
      const r = el.getBoundingClientRect();
      const d = dialog.getBoundingClientRect();
      if (r.width > 0 && (r.right > d.right + 1 || r.left < d.left - 1))
        problems.push(`outside the dialog: ${name(el)} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    // Consecutive blocks of the article and the toolbar's buttons must not overlap.
    const overlap = (els: Element[], axis: 'y' | 'xy') => {
      for (let i = 0; i < els.length; i++)
        for (let j = i + 1; j < els.length; j++) {
          const a = els[i]!.getBoundingClientRect();
          const b = els[j]!.getBoundingClientRect();
          const y = a.top < b.bottom - 1 && b.top < a.bottom - 1;
          const x = a.left < b.right - 1 && b.left < a.right - 1;
          if (axis === 'y' ? y : x && y) problems.push(`overlap: ${name(els[i]!)} / ${name(els[j]!)}`);
        }
    };
    overlap(Array.from(root.querySelectorAll('.article > header > *, .article-body > *')), 'y');
    overlap(Array.from(root.querySelectorAll('[role="toolbar"] button')), 'xy');
    return problems;
  });
}

/**
 * Opens an extension page (popup.html?tabId=…, options.html) in a tab and waits until it has
 * rendered. Waiting tolerates evaluation errors: in Firefox over BiDi, an evaluation that lands while
 * the tab moves from about:blank to moz-extension:// fails ("right-hand side of 'in' should be an
 * object, got null") and puppeteer's waitForSelector gives up on it.
 */
export async function openExtensionTab(h: Harness, path: string): Promise<Page> {
  const tab = await h.browser.newPage();
  // BiDi's navigation to moz-extension:// never resolves although the page loads.
  tab.goto(`${h.extensionOrigin}/${path}`).catch(() => undefined);
  await waitFor(
    () =>
      tab.evaluate(
        (origin: string) =>
          location.origin === origin && document.querySelector('main:not([aria-busy])') !== null,
        h.extensionOrigin,
      ),
    (ready) => ready,
    `${path} rendered`,
    15_000,
  );
  return tab;
}

/** The popup for `page`'s tab: the real action popup in Chromium, popup.html?tabId= in Firefox. */
export async function openPopup(h: Harness, page: Page): Promise<Page> {
  if (h.name === 'chromium') return h.openPopup(page);
  return openExtensionTab(h, `popup.html?tabId=${await h.tabIdOf(page)}`);
}

/** Like waitForDialog, polling on a timer (works in background tabs and on pages that churn the DOM). */
export async function waitForOpen(page: Page, open = true): Promise<void> {
  // Closed: a host that is there must still be looked into (a closed root reads as no dialog).
  if (open) await revealReader(page);
  else await exposeReaderRoot(page);
  await page.waitForFunction(
    (want: boolean) =>
      Boolean(document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('dialog')?.open) ===
      want,
    { timeout: 10_000, polling: 50 },
    open,
  );
}
