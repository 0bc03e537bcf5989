/** The Chromium passes: detector and open latency page by page, settings latency, memory, the trace. */
import type { Page } from 'puppeteer-core';
import { launch, type Harness } from '../lib/harness/browsers';
import type { FixtureServer } from '../lib/harness/server';
import { waitForDialog } from '../lib/harness/reader';
import { exposeReaderRoot } from '../lib/harness/reader-root';
import { memoryCycles, type Memory } from './memory';
import {
  armPaintWatch,
  measures,
  openFromBackground,
  paintTimes,
  plainReadabilityMs,
  readerLoaded,
} from './open';
import { eachPage, loadDetected } from './pages';
import { log, reason } from './options';
import { round } from './stats';

export interface PageFigures {
  file: string;
  detectMs: number;
  loadMs: number;
  readerLoadedBeforeOpen: boolean;
  isArticle: boolean;
  readabilityMs?: number;
  extractMs?: number;
  renderMs?: number;
  openMs?: number;
  openNextFrameMs?: number;
}

async function settingsLatency(
  h: Harness,
  page: Page,
  changes: number,
): Promise<{ ms: number[]; extractions: number }> {
  const before = (await measures(page)).extract.length;
  const latencies: number[] = [];
  const sizes = ['LG', 'MD'];
  // The reader's root is closed: reach it with the automation protocol's privilege, as the tests do.
  await exposeReaderRoot(page);
  for (let i = 0; i < changes; i++) {
    await page.evaluate(() => {
      const w = window as unknown as { __benchStyled?: Promise<number> };
      const dialog = document
        .querySelector('[data-lectern-host]')
        ?.shadowRoot?.querySelector('dialog') as HTMLElement;
      const p = dialog.querySelector('main p') ?? dialog;
      const initial = getComputedStyle(p).fontSize;
      w.__benchStyled = new Promise<number>((done) => {
        const observer = new MutationObserver(() => {
          if (getComputedStyle(p).fontSize !== initial) {
            observer.disconnect();
            done(performance.timeOrigin + performance.now());
          }
        });
        observer.observe(dialog, { attributes: true, subtree: true });
      });
    });
    const t0 = await h.evalInExtension<number>(`(async () => {
      const got = await chrome.storage.sync.get('settings');
      const s = { ...(got.settings || {}), textSize: '${sizes[i % 2]}', schemaVersion: 2 };
      const t0 = performance.timeOrigin + performance.now();
      await chrome.storage.sync.set({ settings: s });
      return t0;
    })()`);
    const t1 = await page.evaluate(
      () => (window as unknown as { __benchStyled: Promise<number> }).__benchStyled,
    );
    latencies.push(t1 - t0);
  }
  const after = (await measures(page)).extract.length;
  return { ms: latencies, extractions: after - before };
}

export async function chromiumRun(server: FixtureServer, files: string[]) {
  const h = await launch('chromium', { blockExternal: true });
  const perPage: PageFigures[] = [];
  let settings: { ms: number[]; extractions: number } | null = null;
  let quietMemory: Memory | null = null;
  let memoryAsServed: Memory | null = null;
  const skipped = (error: unknown): null => {
    log(`  chromium memory: skipped (${reason(error)})`);
    return null;
  };
  try {
    for (const [i, file] of files.entries()) {
      const page = await h.browser.newPage();
      const cdp = await page.createCDPSession();
      const contexts = new Map<number, string>();
      cdp.on('Runtime.executionContextCreated', (e) => contexts.set(e.context.id, e.context.name));
      try {
        const { detectMs, loadMs } = await loadDetected(page, server.url(`/${file}`));
        // Enabled only now (it reports the contexts that already exist), so the load ran as it does
        // for anyone, with no extra DevTools session watching.
        await cdp.send('Runtime.enable');
        const readerLoadedBeforeOpen = await readerLoaded(cdp, contexts);
        const tabId = await h.tabIdOf(page);
        // The harness talks to the extension from a page of its own; frames (and so the paint
        // watch) only run in the tab in front.
        await page.bringToFront();
        const isArticle = await h.evalInExtension<boolean>(
          `chrome.storage.session.get('tab:${tabId}').then(d => Boolean(d['tab:${tabId}'] && d['tab:${tabId}'].isArticle))`,
        );
        const figures: PageFigures = { file, detectMs, loadMs, readerLoadedBeforeOpen, isArticle };
        figures.readabilityMs = await plainReadabilityMs(page);

        await armPaintWatch(page);
        const t0 = await openFromBackground(h, tabId);
        await waitForDialog(page);
        const { painted, nextFrame } = await paintTimes(page);
        const m = await measures(page);
        figures.openMs = painted - t0;
        figures.openNextFrameMs = nextFrame - t0;
        figures.extractMs = m.extract[0];
        figures.renderMs = m.render[0];

        if (i === 0) settings = await settingsLatency(h, page, 20);
        perPage.push(figures);
        log(
          `  chromium ${file.slice(0, 12)}… detect ${round(detectMs)} ms, open ${round(figures.openMs)} ms (extract ${round(figures.extractMs ?? NaN)}, render ${round(figures.renderMs ?? NaN)}), readability ${round(figures.readabilityMs)} ms`,
        );
      } catch (error) {
        log(`  chromium ${file}: skipped (${reason(error)})`);
      } finally {
        await page.close().catch(() => undefined);
      }
    }
    const first = files[0];
    if (first) {
      quietMemory = await memoryCycles(h, server.url(`/${first}?csp=noscript`), false).catch(skipped);
      memoryAsServed = await memoryCycles(h, server.url(`/${first}`), true).catch(skipped);
    }
  } finally {
    await h.close();
  }
  return { perPage, settings, memory: quietMemory, memoryAsServed };
}

/**
 * The detector script's whole main-thread cost on load, as Chromium's own trace records it: the
 * script's evaluation (its compile, then its run). `lectern:detect` starts when the script's first
 * module runs, so it cannot see the compile before it; this pass can. A separate pass, because tracing
 * slows the page it watches.
 */
export function chromiumDetectorTrace(server: FixtureServer, files: string[]) {
  return eachPage('chromium', 'chromium trace', files, async (page, file) => {
    await page.tracing.start({ categories: ['devtools.timeline'] });
    await loadDetected(page, server.url(`/${file}`));
    const trace = await page.tracing.stop();
    type TraceEvent = { name: string; dur?: number; args?: { data?: { url?: string } } };
    const events = (JSON.parse(Buffer.from(trace ?? []).toString()) as { traceEvents: TraceEvent[] })
      .traceEvents;
    const ours = (e: TraceEvent): boolean => String(e.args?.data?.url ?? '').endsWith('/detector.js');
    const evaluation = events.find((e) => e.name === 'EvaluateScript' && ours(e));
    if (!evaluation?.dur) throw new Error('no evaluation of detector.js in the trace');
    const compile = events.filter((e) => e.name === 'v8.compile' && ours(e));
    return {
      file,
      scriptMs: evaluation.dur / 1000,
      compileMs: compile.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0),
    };
  });
}
