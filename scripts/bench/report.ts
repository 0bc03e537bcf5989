/** The bench's goals (each with its value, bound and pass) and its figures, from the passes' results. */
import type { chromiumDetectorTrace, chromiumRun } from './chromium';
import type { firefoxDetector } from './firefox';
import type { chromiumBesideFloor } from './floor';
import type { jsdomRatio } from './jsdom';
import type { Memory } from './memory';
import { corpus } from './options';
import type { DetectorLoad } from './pages';
import type { chromiumBoundaryPaint, chromiumSpeechStart } from './read-aloud';
import type { measureBuild } from './sizes';
import { median, p95, round } from './stats';

export interface BenchRun {
  build: ReturnType<typeof measureBuild>;
  chromium: Awaited<ReturnType<typeof chromiumRun>>;
  traced: Awaited<ReturnType<typeof chromiumDetectorTrace>>;
  beside: Awaited<ReturnType<typeof chromiumBesideFloor>>;
  firefox: Awaited<ReturnType<typeof firefoxDetector>>;
  jsdom: ReturnType<typeof jsdomRatio>;
  /** null: not measured (the reason was logged). */
  readAloud: {
    start: Awaited<ReturnType<typeof chromiumSpeechStart>> | null;
    boundary: Awaited<ReturnType<typeof chromiumBoundaryPaint>> | null;
  };
}

/** The goals, the raw figures (--json prints both) and the figures' lines for the table's reader. */
export function report({ build, chromium, traced, beside, firefox, jsdom, readAloud }: BenchRun) {
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
  const speechStart = readAloud.start ? median(readAloud.start.ms) : Number.NaN;
  const boundaryPaint = readAloud.boundary ? median(readAloud.boundary.ms) : Number.NaN;

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
    readAloudStartMs: {
      value: readAloud.start ? round(speechStart, 1) : null,
      goal: '≤ 150 ms from pressing Read aloud to the first start event (median, espeak-ng, Chromium)',
      pass: speechStart <= 150,
    },
    readAloudBoundaryPaintMs: {
      value: readAloud.boundary ? round(boundaryPaint, 1) : null,
      goal: '≤ 16 ms from a word boundary to its highlight painted (median, Chromium)',
      pass: boundaryPaint <= 16,
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
      readAloud: {
        pressToStartMs: readAloud.start
          ? {
              median: speechStart,
              p95: p95(readAloud.start.ms),
              first: readAloud.start.ms[0],
              // The reader's share: the press to the utterance handed to speak().
              pressToSpeakMedian: median(readAloud.start.toSpeakMs),
              runs: readAloud.start.ms,
              voicesListed: readAloud.start.voices,
            }
          : null,
        boundaryToPaintMs: readAloud.boundary
          ? { median: boundaryPaint, p95: p95(readAloud.boundary.ms), runs: readAloud.boundary.ms }
          : null,
      },
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

  const lines: string[] = [];
  lines.push(
    `  build ${raw.build.ms} ms; bundles: ${Object.entries(build.bundles)
      .map(([f, b]) => `${f} ${b.bytes} B (${b.gzip} B gzip)`)
      .join(', ')}`,
  );
  lines.push(
    `  chromium detect (lectern:detect: the script's run, first module to message sent) median ${round(median(detect), 3)} ms, p95 ${round(p95(detect), 3)} ms; share of load median ${round(median(share), 3)} %; over ${ours.length} pages; in the open pass (each load after a tab that opened the reader) median ${round(median(openPassDetect), 3)} ms, p95 ${round(p95(openPassDetect), 3)} ms`,
  );
  const fl = raw.chromium.floor;
  lines.push(
    `  chromium floor (${fl.what}) median ${round(fl.detectMs.median, 3)} ms, p95 ${round(fl.detectMs.p95, 3)} ms; share of load median ${round(fl.shareOfLoadPct.median, 3)} %; Lectern's detector ÷ floor (page by page, median) ${round(fl.detectorToFloorRatio)} over ${fl.pages} pages; its parts (medians): first touch of the page ${round(fl.parts.touchMs, 3)} ms, reading ${round(fl.parts.readMs, 3)} ms, report ${round(fl.parts.reportMs, 3)} ms (on the ${fl.parts.reportedPages} pages with an article)`,
  );
  lines.push(
    `  chromium first touch of the page (document.documentElement), same loads: from the floor's isolated world median ${round(fl.parts.touchMs, 3)} ms, p95 ${round(fl.firstTouchMs.isolatedP95, 3)} ms; from the page's own world (floor-main.js; no extension may report from there) median ${round(fl.firstTouchMs.pageWorld.median, 3)} ms, p95 ${round(fl.firstTouchMs.pageWorld.p95, 3)} ms`,
  );
  const script = raw.chromium.detectorScriptFromTrace;
  lines.push(
    `  chromium detector script from the browser's trace (compile + run, traced pages run slower) median ${round(script.scriptMs.median, 3)} ms, p95 ${round(script.scriptMs.p95, 3)} ms, of which compile median ${round(script.compileMs.median, 3)} ms, over ${script.pages} pages`,
  );
  lines.push(
    `  chromium open (the popup's request to the dialog's first paint) median ${round(median(open), 1)} ms, p95 ${round(p95(open), 1)} ms (extract ${round(median(extract), 1)}, render ${round(median(render), 1)}); to the frame after it median ${round(median(openNextFrame), 1)} ms; plain Readability parse median ${round(median(readability), 1)} ms`,
  );
  if (s)
    lines.push(
      `  settings change → computed style median ${round(median(s.ms), 2)} ms (${round(median(s.ms) / 16.7, 2)} frames), ${s.extractions} extractions in ${s.ms.length} changes`,
    );
  if (mem)
    lines.push(
      `  heap (the page's own scripts off): before opening ${mem.before} B, open ${mem.afterOpen} B, after one cycle ${mem.baseline} B, after ${mem.cycles} more cycles ${mem.afterCycles} B (${round(heapGrowth, 1)} %); hosts left ${mem.hostsAfterClose}, open dialogs left ${mem.openDialogsAfterClose}`,
    );
  if (served)
    lines.push(
      `  heap (the page as served, its scripts running): after one cycle ${served.baseline} B, after ${served.cycles} more cycles ${served.afterCycles} B (${round(growth(served), 1)} %); the page left alone as long again, from there: ${round(served.pageAloneGrowthPct ?? Number.NaN, 1)} %`,
    );
  const ra = raw.chromium.readAloud;
  if (ra.pressToStartMs)
    lines.push(
      `  chromium read aloud: press of Read aloud → start event (espeak-ng through Speech Dispatcher, ${ra.pressToStartMs.voicesListed} voices) median ${round(ra.pressToStartMs.median, 1)} ms, p95 ${round(ra.pressToStartMs.p95, 1)} ms, first press ${round(ra.pressToStartMs.first ?? Number.NaN, 1)} ms, of which press → speak() median ${round(ra.pressToStartMs.pressToSpeakMedian, 1)} ms (the rest is the engine's), over ${ra.pressToStartMs.runs.length} presses`,
    );
  if (ra.boundaryToPaintMs)
    lines.push(
      `  chromium read aloud: word boundary → highlight painted (fake engine) median ${round(ra.boundaryToPaintMs.median, 2)} ms, p95 ${round(ra.boundaryToPaintMs.p95, 2)} ms, over ${ra.boundaryToPaintMs.runs.length} boundaries`,
    );
  const ff = raw.firefox;
  lines.push(
    `  firefox detect (lectern:detect: the script's run, first module to detection left for the pull) median ${round(ff.detectMs.median, 3)} ms, p95 ${round(ff.detectMs.p95, 3)} ms; the background's pull, bounded by its round trip from an extension page: median ${round(ff.pullRoundTripMs.median, 3)} ms, p95 ${round(ff.pullRoundTripMs.p95, 3)} ms; both: median ${round(ff.detectPlusPullMs.median, 3)} ms, p95 ${round(ff.detectPlusPullMs.p95, 3)} ms, share of load median ${round(ff.detectPlusPullShareOfLoadPct.median, 3)} %; over ${firefox.length} pages (${ff.notMeasured})`,
  );
  if (jsdom)
    lines.push(
      `  jsdom pipeline median ${round(jsdom.lectern, 1)} ms vs Readability ${round(jsdom.readability, 1)} ms: ratio ${round(jsdom.ratio)}`,
    );
  return { goals, raw, lines };
}
