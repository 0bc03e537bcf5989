/**
 * `npm run bench`: measures Lectern's costs and prints a table (or, with --json, one JSON object whose
 * `goals` member maps each goal to { value, goal, pass }, plus the raw figures).
 *
 *   npm run bench -- [--json] [--quick] [--corpus DIR] [--firefox-pages N]
 *
 * Pages come from ../shared/corpus/aeb (or --corpus), served from 127.0.0.1; every other request is
 * made to fail inside the browser, so nothing leaves the machine. Timings come from the page's own
 * Navigation Timing and from the User Timing measures Lectern records (lectern:detect, which spans the
 * detector script's whole run on load; lectern:extract; lectern:render; recorded on loopback pages
 * only, so that no site can tell from them that its reader uses Lectern: src/shared/timing.ts), and
 * for the detector's compile too, from a pass under Chromium's tracing. Beside the detector, page by
 * page in the same run, a floor: scripts/floor-extension, the least an article detector can do,
 * measured the same way in a second browser. In Firefox the detector's first finding is pulled by the
 * background, and that pull is bounded by its round trip. Nothing here is asserted by tests: the bench
 * only reports.
 *
 * What each reader measure holds: lectern:extract is the extraction of the article (extractArticle).
 * The sanitizer's instance is built before it, in the gap between the reader bundle loading and the
 * open request arriving, so it is not in lectern:extract. lectern:render ends when the dialog is shown.
 * The open total runs from the request, sent to the background as the popup sends it, to the end of
 * the first frame that paints the dialog, and holds everything: the injection (each page is a new tab,
 * so the background does not ping it first), the bundle's compile, the sanitizer, the extraction, the
 * render, that frame. The frame after it is reported
 * beside: it waits for whatever the page's main thread still does for the reader once it is on screen
 * (the date in words comes from the background, src/shared/dates.ts, so not that).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'puppeteer-core';
import { launch, ROOT, type Harness } from '../lib/harness/browsers';
import { startServer, type FixtureServer } from '../lib/harness/server';
import { waitForDialog } from '../lib/harness/reader';
import { DETECTED_SLOT, PULL_WAIT_MS, WAITING_SLOT, readDetection } from '../../src/shared/pull';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const corpusArg = args.indexOf('--corpus') >= 0 ? args[args.indexOf('--corpus') + 1] : undefined;
const corpus = resolve(corpusArg ?? join(ROOT, '..', 'shared', 'corpus', 'aeb'));
const log = (...parts: unknown[]): void => {
  if (!json) console.log(...parts);
  else console.error(...parts);
};

// ---- statistics -----------------------------------------------------------------------------------
function quantile(values: number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}
const median = (v: number[]): number => quantile(v, 0.5);
const p95 = (v: number[]): number => quantile(v, 0.95);
const round = (n: number, d = 2): number => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n);

// ---- 6. build ---------------------------------------------------------------------------------------
function measureBuild(): { ms: number; bundles: Record<string, { bytes: number; gzip: number }> } {
  const started = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: json ? 'ignore' : 'inherit' });
  const ms = performance.now() - started;
  const bundles: Record<string, { bytes: number; gzip: number }> = {};
  for (const f of readdirSync(join(ROOT, 'dist/chrome'))) {
    if (!f.endsWith('.js')) continue;
    const buf = readFileSync(join(ROOT, 'dist/chrome', f));
    bundles[f] = { bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  }
  return { ms, bundles };
}

// ---- page probes ----------------------------------------------------------------------------------
const READABILITY_SRC = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

interface PageFigures {
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

/** The detector's `lectern:detect` on a page's load, and that load's own time. */
interface DetectorLoad {
  detectMs: number;
  loadMs: number;
}

/** Loads `url` in `page` and waits for the detector's measure: that load's figures. */
async function loadDetected(page: Page, url: string): Promise<DetectorLoad> {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  return detectorFigures(page);
}

async function detectorFigures(page: Page): Promise<DetectorLoad> {
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

/** Is the reader bundle present in the page's content-script world? (Chromium: CDP execution contexts.) */
async function readerLoaded(cdp: CDPSession, contexts: Map<number, string>): Promise<boolean> {
  for (const [id, name] of contexts) {
    if (name !== 'Lectern') continue;
    const r = await cdp
      .send('Runtime.evaluate', {
        expression: 'typeof globalThis.__lecternReader',
        contextId: id,
        returnByValue: true,
      })
      .catch(() => null);
    if (r?.result.value === 'boolean') return true;
  }
  return false;
}

async function plainReadabilityMs(page: Page): Promise<number> {
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
async function armPaintWatch(page: Page): Promise<void> {
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
      const dialog = document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('dialog');
      if (!dialog?.open) {
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

async function paintTimes(page: Page): Promise<{ painted: number; nextFrame: number }> {
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
async function openFromBackground(h: Harness, tabId: number): Promise<number> {
  return h.evalInExtension<number>(`(async () => {
    const t0 = performance.timeOrigin + performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'ui-bg:toggle-reader', payload: { tabId: ${tabId} } });
    // A page without an article opens too, with the message that says so.
    if (!reply || (!reply.ok && reply.reason !== 'no-article')) throw new Error('not opened: ' + JSON.stringify(reply));
    return t0;
  })()`);
}

async function closeFromBackground(h: Harness, tabId: number): Promise<void> {
  await h.evalInExtension(
    `chrome.tabs.sendMessage(${tabId}, { type: 'bg-rd:toggle', payload: { autoOpened: false } })`,
  );
}

async function measures(page: Page): Promise<{ extract: number[]; render: number[] }> {
  return page.evaluate(() => ({
    extract: performance.getEntriesByName('lectern:extract').map((e) => e.duration),
    render: performance.getEntriesByName('lectern:render').map((e) => e.duration),
  }));
}

// ---- settings latency and memory (Chromium, on one page) -------------------------------------------
async function settingsLatency(
  h: Harness,
  page: Page,
  changes: number,
): Promise<{ ms: number[]; extractions: number }> {
  const before = (await measures(page)).extract.length;
  const latencies: number[] = [];
  const sizes = ['LG', 'MD'];
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

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function leftBehind(page: Page): Promise<{ hosts: number; openDialogs: number }> {
  return page.evaluate(() => ({
    hosts: document.querySelectorAll('[data-lectern-host]').length,
    openDialogs: Array.from(document.querySelectorAll('[data-lectern-host]')).filter((h) =>
      h.shadowRoot?.querySelector('dialog[open]'),
    ).length,
  }));
}

interface Memory {
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
async function memoryCycles(h: Harness, url: string, control: boolean): Promise<Memory> {
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

// ---- run --------------------------------------------------------------------------------------------
const reason = (error: unknown): string =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);

async function chromiumRun(server: FixtureServer, files: string[]) {
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

/** Runs `visit` in a new tab of `h`, and closes the tab after. */
async function inNewTab<T>(h: Harness, visit: (page: Page) => Promise<T>): Promise<T> {
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
async function eachPage<T>(
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

/**
 * The detector script's whole main-thread cost on load, as Chromium's own trace records it: the
 * script's evaluation (its compile, then its run). `lectern:detect` starts when the script's first
 * module runs, so it cannot see the compile before it; this pass can. A separate pass, because tracing
 * slows the page it watches.
 */
function chromiumDetectorTrace(server: FixtureServer, files: string[]) {
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

interface FloorLoad extends DetectorLoad {
  touchMs: number | null;
  readMs: number | null;
  reportMs: number | null;
  /** The first touch of the page from the page's own world, in the same load (floor-main.js). */
  pageWorldTouchMs: number | null;
}

/**
 * The detector goals' figures, and beside them the floor: scripts/floor-extension, the least an
 * article detector can do (read the paragraphs until the page is readerable, one metadata tag, one
 * message on an article), measured the same way. Two fresh Chromiums, one with Lectern and one with the
 * floor, and nothing else in either tab: each page is loaded in both, one after the other, the order
 * alternating from page to page, so the machine's load (it is shared, and it drifts over minutes)
 * falls on both alike, and the ratio is taken page by page. What Lectern's detector costs above the
 * floor is what its own checks cost; the floor is what any content script pays to read the page from
 * its isolated world and to reach its extension. In the same load the floor touches the page once more,
 * from the page's own world (floor-main.js, after floor.js): the first touch from an isolated world,
 * which no extension's content script can avoid, set beside the same touch where the page's scripts
 * have already built the wrappers (Lectern must not run in the page's world: floor-main.js says why).
 */
async function chromiumBesideFloor(
  server: FixtureServer,
  files: string[],
): Promise<{ file: string; lectern: DetectorLoad; floor: FloorLoad }[]> {
  const lectern = await launch('chromium', { blockExternal: true });
  const floor = await launch('chromium', {
    blockExternal: true,
    extensionDir: join(ROOT, 'scripts', 'floor-extension'),
  }).catch(async (error: unknown) => {
    await lectern.close();
    throw error;
  });
  const out: { file: string; lectern: DetectorLoad; floor: FloorLoad }[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const url = server.url(`/${file}`);
      const ours = (): Promise<DetectorLoad> => inNewTab(lectern, (page) => loadDetected(page, url));
      const least = (): Promise<FloorLoad> =>
        inNewTab(floor, async (page) => {
          const figures = await loadDetected(page, url);
          // A side figure: a page where it never comes keeps the floor's own figures (null here).
          await page
            .waitForFunction(
              () => performance.getEntriesByName('lectern:floor:page-world:touch').length > 0,
              { timeout: 5_000 },
            )
            .catch(() => undefined);
          const parts = await page.evaluate(() => {
            const ms = (name: string): number | null =>
              performance.getEntriesByName(`lectern:floor:${name}`)[0]?.duration ?? null;
            return {
              touchMs: ms('touch'),
              readMs: ms('read'),
              reportMs: ms('report'),
              pageWorldTouchMs: ms('page-world:touch'),
            };
          });
          return { ...figures, ...parts };
        });
      try {
        if (i % 2 === 0) {
          const a = await ours();
          out.push({ file, lectern: a, floor: await least() });
        } else {
          const b = await least();
          out.push({ file, lectern: await ours(), floor: b });
        }
      } catch (error) {
        log(`  chromium beside the floor ${file}: skipped (${reason(error)})`);
      }
    }
  } finally {
    await Promise.all([lectern.close(), floor.close()]);
  }
  return out;
}

/**
 * Firefox's detector leaves its first detection for the background to pull (ReportMode in
 * src/shared/pull.ts), so `lectern:detect` there holds no extension API and no message. The pull's
 * cost to the page is bounded here: an extension page makes the same pull the background makes (the
 * same function, injected the same way) and times it from request to answer. Everything the page does
 * for it happens inside that round trip, so it is an upper bound; the background's own pull came first.
 * The tab is looked up in the same evaluation on purpose: looked up first with the harness's
 * `tabIdOf` (a round trip of its own), the timed pull read 7.5–9.8 ms against 3.1 ms (--quick, 5
 * pages), time spent on the extension page's side, not the page's.
 */
async function firefoxPullMs(h: Harness, url: string): Promise<number> {
  const func = readDetection.toString();
  const pulled = await h.evalInExtension<[number, boolean] | null>(`(async () => {
    const api = globalThis.browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)});
    if (!tab) return null;
    const start = performance.now();
    const [frame] = await api.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [0] },
      func: ${func},
      args: ${JSON.stringify([DETECTED_SLOT, WAITING_SLOT, PULL_WAIT_MS])},
    });
    return [performance.now() - start, Boolean(frame && frame.result)];
  })()`);
  if (!pulled?.[1]) throw new Error('the pull found no detection');
  return pulled[0];
}

function firefoxDetector(server: FixtureServer, files: string[]) {
  return eachPage('firefox', 'firefox', files, async (page, file, h) => {
    await page.goto(server.url(`/${file}`), { waitUntil: 'load', timeout: 30_000 }).catch((error) => {
      // Firefox fails the navigation when a frame of the page is refused ("Address rejected": every
      // off-machine request is); the page itself loaded, and the detector ran in it.
      return page
        .evaluate(() => location.href)
        .then((href) => {
          if (!href.startsWith(server.url('/'))) throw error;
        });
    });
    const figures = await detectorFigures(page);
    return { file, ...figures, pullMs: await firefoxPullMs(h, page.url()) };
  });
}

function jsdomRatio(): { lectern: number; readability: number; ratio: number } | null {
  if (!existsSync(join(ROOT, 'scripts/eval.ts'))) return null;
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/run.mjs'), 'scripts/eval.ts', '--corpus', corpus, '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  try {
    const report = JSON.parse(r.stdout) as {
      lectern: { medianMs: number };
      readability: { medianMs: number };
      timeRatio: number;
    };
    return {
      lectern: report.lectern.medianMs,
      readability: report.readability.medianMs,
      ratio: report.timeRatio,
    };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  if (!existsSync(corpus)) throw new Error(`corpus folder not found: ${corpus} (give one with --corpus DIR)`);
  const all = readdirSync(corpus)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const files = quick ? all.slice(0, 5) : all;
  const ffCount = Number(args[args.indexOf('--firefox-pages') + 1]) || (quick ? 5 : 30);

  log(`Lectern bench: ${files.length} pages from ${corpus}`);
  const build = measureBuild();
  const server = await startServer({ root: corpus });
  let chromium;
  let traced;
  let beside;
  let firefox;
  try {
    chromium = await chromiumRun(server, files);
    traced = await chromiumDetectorTrace(server, files);
    beside = await chromiumBesideFloor(server, files);
    firefox = await firefoxDetector(server, files.slice(0, ffCount));
  } finally {
    await server.close();
  }
  const jsdom = jsdomRatio();

  const pages = chromium.perPage;
  // The detector goals are read in the pass beside the floor, where each tab only loads its page;
  // the open pass's own figure (each load there follows a tab that opened the reader and closed) is
  // reported beside them.
  const shareOf = (loads: DetectorLoad[]): number[] =>
    loads.filter((l) => l.loadMs > 0).map((l) => (l.detectMs / l.loadMs) * 100);
  const ours = beside.map((b) => b.lectern);
  const floor = beside.map((b) => b.floor);
  const floorTouch = floor.flatMap((f) => f.touchMs ?? []);
  const pageWorldTouch = floor.flatMap((f) => f.pageWorldTouchMs ?? []);
  const detect = ours.map((l) => l.detectMs);
  const share = shareOf(ours);
  const openPassDetect = pages.map((p) => p.detectMs);
  const open = pages.map((p) => p.openMs as number);
  const openNextFrame = pages.map((p) => p.openNextFrameMs as number);
  const extract = pages.map((p) => p.extractMs as number);
  const render = pages.map((p) => p.renderMs as number);
  const readability = pages.map((p) => p.readabilityMs as number);
  const openRatio = pages.map((p) => (p.extractMs as number) / (p.readabilityMs as number));
  const readerLeaks = pages.filter((p) => p.readerLoadedBeforeOpen).length;
  const detector = build.bundles['detector.js'] ?? { bytes: 0, gzip: 0 };
  const s = chromium.settings;
  const mem = chromium.memory;
  const growth = (m: Memory | null): number =>
    m ? ((m.afterCycles - m.baseline) / m.baseline) * 100 : Number.NaN;
  const heapGrowth = growth(mem);
  const served = chromium.memoryAsServed;

  const goals = {
    detectorGzip: { value: detector.gzip, goal: '≤ 6 KB (6144 bytes) gzip', pass: detector.gzip <= 6144 },
    detectorMedianMs: {
      value: round(median(detect), 3),
      goal: '≤ 1 ms median per page (Chromium)',
      pass: median(detect) <= 1,
    },
    detectorP95Ms: {
      value: round(p95(detect), 3),
      goal: '≤ 4 ms p95 per page (Chromium)',
      pass: p95(detect) <= 4,
    },
    detectorShareOfLoad: {
      value: round(median(share), 3),
      goal: '≤ 1 % of the page’s own load time (median)',
      pass: median(share) <= 1,
    },
    readerNeverPreloaded: {
      value: readerLeaks,
      goal: '0 pages with the reader bundle before opening',
      pass: readerLeaks === 0,
    },
    openRatioToReadability: {
      value: round(median(openRatio)),
      goal: 'extraction ≤ 1.3× plain Readability’s parse (median, same page, same run)',
      pass: median(openRatio) <= 1.3,
    },
    openTotalMedianMs: {
      value: round(median(open), 1),
      goal: '≤ 150 ms from open request to dialog painted (median, Chromium)',
      pass: median(open) <= 150,
    },
    settingsMedianMs: {
      value: s ? round(median(s.ms), 2) : null,
      goal: '≤ 16 ms from storage write to computed style (median)',
      pass: Boolean(s && median(s.ms) <= 16),
    },
    settingsExtractions: {
      value: s ? s.extractions : null,
      goal: '0 extractions during 20 changes',
      pass: Boolean(s && s.extractions === 0),
    },
    heapAfterCycles: {
      value: round(heapGrowth, 1),
      goal: 'heap after 20 more open/close cycles within 5 % of the heap after the first (GC’d; the page’s own scripts off)',
      pass: Math.abs(heapGrowth) <= 5,
    },
    nothingLeftAfterClose: {
      value: mem ? mem.openDialogsAfterClose + mem.hostsAfterClose : null,
      goal: 'no Lectern nodes left in the page after closing',
      pass: Boolean(mem && mem.hostsAfterClose === 0 && mem.openDialogsAfterClose === 0),
    },
    jsdomPipelineRatio: {
      value: jsdom ? round(jsdom.ratio) : null,
      goal: 'jsdom pipeline ≤ 1.3× plain Readability (median ratio, npm run eval)',
      pass: Boolean(jsdom && jsdom.ratio <= 1.3),
    },
  };

  const raw = {
    corpus,
    pages: pages.length,
    build: { ms: Math.round(build.ms), bundles: build.bundles },
    chromium: {
      detectMs: { median: median(detect), p95: p95(detect), pages: ours.length },
      detectShareOfLoadPct: { median: median(share), p95: p95(share) },
      detectDuringOpenPassMs: { median: median(openPassDetect), p95: p95(openPassDetect) },
      floor: {
        what: 'scripts/floor-extension: paragraphs until readerable, one meta tag, one message on an article',
        pages: floor.length,
        detectMs: { median: median(floor.map((f) => f.detectMs)), p95: p95(floor.map((f) => f.detectMs)) },
        shareOfLoadPct: { median: median(shareOf(floor)) },
        // Page by page (each page loaded in both browsers, one after the other), then the median.
        detectorToFloorRatio: median(beside.map((b) => b.lectern.detectMs / b.floor.detectMs)),
        // Its parts (medians): the first touch of the page from the script's world; the reading; the
        // report, on the pages that have an article (the API's first use and the message).
        parts: {
          touchMs: median(floorTouch),
          readMs: median(floor.flatMap((f) => f.readMs ?? [])),
          reportMs: median(floor.flatMap((f) => f.reportMs ?? [])),
          reportedPages: floor.filter((f) => f.reportMs !== null).length,
        },
        // The first touch of the page in the same loads, from the floor's isolated world (its median is
        // parts.touchMs) and from the page's own world.
        firstTouchMs: {
          isolatedP95: p95(floorTouch),
          pageWorld: { median: median(pageWorldTouch), p95: p95(pageWorldTouch) },
        },
      },
      detectorScriptFromTrace: {
        pages: traced.length,
        scriptMs: { median: median(traced.map((t) => t.scriptMs)), p95: p95(traced.map((t) => t.scriptMs)) },
        compileMs: { median: median(traced.map((t) => t.compileMs)) },
      },
      openMs: { median: median(open), p95: p95(open) },
      openToNextFrameMs: { median: median(openNextFrame), p95: p95(openNextFrame) },
      extractMs: { median: median(extract), p95: p95(extract) },
      renderMs: { median: median(render), p95: p95(render) },
      readabilityMs: { median: median(readability), p95: p95(readability) },
      extractToReadabilityRatio: { median: median(openRatio), p95: p95(openRatio) },
      settingsMs: s
        ? { median: median(s.ms), p95: p95(s.ms), frames: median(s.ms) / 16.7, samples: s.ms.length }
        : null,
      memory: mem,
      memoryAsServed: served ? { ...served, growthPct: growth(served) } : null,
      perPage: pages,
    },
    firefox: {
      pages: firefox.length,
      detectMs: { median: median(firefox.map((f) => f.detectMs)), p95: p95(firefox.map((f) => f.detectMs)) },
      detectShareOfLoadPct: {
        median: median(firefox.filter((f) => f.loadMs > 0).map((f) => (f.detectMs / f.loadMs) * 100)),
      },
      pullRoundTripMs: {
        median: median(firefox.map((f) => f.pullMs)),
        p95: p95(firefox.map((f) => f.pullMs)),
      },
      detectPlusPullMs: {
        median: median(firefox.map((f) => f.detectMs + f.pullMs)),
        p95: p95(firefox.map((f) => f.detectMs + f.pullMs)),
      },
      detectPlusPullShareOfLoadPct: {
        median: median(
          firefox.filter((f) => f.loadMs > 0).map((f) => ((f.detectMs + f.pullMs) / f.loadMs) * 100),
        ),
      },
      notMeasured:
        'open latency, settings latency and heap: Firefox over WebDriver BiDi offers no handle on the background page or heap statistics',
    },
    jsdom,
  };

  if (json) {
    console.log(JSON.stringify({ goals, ...raw }));
    return;
  }
  console.log('\n  goal                                   value        bound');
  for (const [name, g] of Object.entries(goals)) {
    console.log(
      `  ${g.pass ? 'pass' : 'FAIL'} ${name.padEnd(24)} ${String(g.value).padStart(10)}   ${g.goal}`,
    );
  }
  console.log('\n  figures');
  console.log(
    `  build ${raw.build.ms} ms; bundles: ${Object.entries(build.bundles)
      .map(([f, b]) => `${f} ${b.bytes} B (${b.gzip} B gzip)`)
      .join(', ')}`,
  );
  console.log(
    `  chromium detect (lectern:detect: the script's run, first module to message sent) median ${round(median(detect), 3)} ms, p95 ${round(p95(detect), 3)} ms; share of load median ${round(median(share), 3)} %; over ${ours.length} pages; in the open pass (each load after a tab that opened the reader) median ${round(median(openPassDetect), 3)} ms, p95 ${round(p95(openPassDetect), 3)} ms`,
  );
  const fl = raw.chromium.floor;
  console.log(
    `  chromium floor (${fl.what}) median ${round(fl.detectMs.median, 3)} ms, p95 ${round(fl.detectMs.p95, 3)} ms; share of load median ${round(fl.shareOfLoadPct.median, 3)} %; Lectern's detector ÷ floor (page by page, median) ${round(fl.detectorToFloorRatio)} over ${fl.pages} pages; its parts (medians): first touch of the page ${round(fl.parts.touchMs, 3)} ms, reading ${round(fl.parts.readMs, 3)} ms, report ${round(fl.parts.reportMs, 3)} ms (on the ${fl.parts.reportedPages} pages with an article)`,
  );
  console.log(
    `  chromium first touch of the page (document.documentElement), same loads: from the floor's isolated world median ${round(fl.parts.touchMs, 3)} ms, p95 ${round(fl.firstTouchMs.isolatedP95, 3)} ms; from the page's own world (floor-main.js; no extension may report from there) median ${round(fl.firstTouchMs.pageWorld.median, 3)} ms, p95 ${round(fl.firstTouchMs.pageWorld.p95, 3)} ms`,
  );
  const script = raw.chromium.detectorScriptFromTrace;
  console.log(
    `  chromium detector script from the browser's trace (compile + run, traced pages run slower) median ${round(script.scriptMs.median, 3)} ms, p95 ${round(script.scriptMs.p95, 3)} ms, of which compile median ${round(script.compileMs.median, 3)} ms, over ${script.pages} pages`,
  );
  console.log(
    `  chromium open (the popup's request to the dialog's first paint) median ${round(median(open), 1)} ms, p95 ${round(p95(open), 1)} ms (extract ${round(median(extract), 1)}, render ${round(median(render), 1)}); to the frame after it median ${round(median(openNextFrame), 1)} ms; plain Readability parse median ${round(median(readability), 1)} ms`,
  );
  if (s)
    console.log(
      `  settings change → computed style median ${round(median(s.ms), 2)} ms (${round(median(s.ms) / 16.7, 2)} frames), ${s.extractions} extractions in ${s.ms.length} changes`,
    );
  if (mem)
    console.log(
      `  heap (the page's own scripts off): before opening ${mem.before} B, open ${mem.afterOpen} B, after one cycle ${mem.baseline} B, after ${mem.cycles} more cycles ${mem.afterCycles} B (${round(heapGrowth, 1)} %); hosts left ${mem.hostsAfterClose}, open dialogs left ${mem.openDialogsAfterClose}`,
    );
  if (served)
    console.log(
      `  heap (the page as served, its scripts running): after one cycle ${served.baseline} B, after ${served.cycles} more cycles ${served.afterCycles} B (${round(growth(served), 1)} %); the page left alone as long again, from there: ${round(served.pageAloneGrowthPct ?? Number.NaN, 1)} %`,
    );
  const ff = raw.firefox;
  console.log(
    `  firefox detect (lectern:detect: the script's run, first module to detection left for the pull) median ${round(ff.detectMs.median, 3)} ms, p95 ${round(ff.detectMs.p95, 3)} ms; the background's pull, bounded by its round trip from an extension page: median ${round(ff.pullRoundTripMs.median, 3)} ms, p95 ${round(ff.pullRoundTripMs.p95, 3)} ms; both: median ${round(ff.detectPlusPullMs.median, 3)} ms, p95 ${round(ff.detectPlusPullMs.p95, 3)} ms, share of load median ${round(ff.detectPlusPullShareOfLoadPct.median, 3)} %; over ${firefox.length} pages (${ff.notMeasured})`,
  );
  if (jsdom)
    console.log(
      `  jsdom pipeline median ${round(jsdom.lectern, 1)} ms vs Readability ${round(jsdom.readability, 1)} ms: ratio ${round(jsdom.ratio)}`,
    );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
