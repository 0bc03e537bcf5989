/**
 * `npm run bench`: runs the passes, then prints each goal's pass or fail and the figures beside it (or,
 * with --json, one JSON object whose `goals` member maps each goal to { value, goal, pass }, plus the
 * raw figures).
 *
 *   npm run bench -- [--json] [--quick] [--corpus DIR] [--firefox-pages N]
 *
 * Pages come from --corpus DIR (by default the aeb folder of the corpus beside the repository), served
 * from 127.0.0.1; every other request is made to fail inside the browser, so nothing leaves the
 * machine. Timings come from the page's own Navigation Timing and from the User Timing measures Lectern
 * records (lectern:detect, which spans the detector script's whole run on load; lectern:extract;
 * lectern:render; recorded on loopback pages only, so that no site can tell from them that its reader
 * uses Lectern: src/shared/timing.ts), and for the detector's compile too, from a pass under Chromium's
 * tracing (chromium.ts). Beside the detector, page by page in the same run, a floor (floor.ts). In
 * Firefox the detector's first finding is pulled by the background, and that pull is bounded by its
 * round trip (firefox.ts). What each reader measure holds: open.ts. Read aloud's press-to-speech (a real
 * espeak-ng voice) and boundary-to-highlight latencies: read-aloud.ts. Nothing here is asserted by tests:
 * the bench only reports.
 */
import { existsSync, readdirSync } from 'node:fs';
import { startServer } from '../lib/harness/server';
import { chromiumDetectorTrace, chromiumRun } from './chromium';
import { firefoxDetector } from './firefox';
import { chromiumBesideFloor } from './floor';
import { jsdomRatio } from './jsdom';
import { corpus, firefoxPages, json, log, quick, reason } from './options';
import { chromiumBoundaryPaint, chromiumSpeechStart } from './read-aloud';
import { report } from './report';
import { measureBuild } from './sizes';

async function main(): Promise<void> {
  if (!existsSync(corpus)) throw new Error(`corpus folder not found: ${corpus} (give one with --corpus DIR)`);
  const all = readdirSync(corpus)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const files = quick ? all.slice(0, 5) : all;

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
    firefox = await firefoxDetector(server, files.slice(0, firefoxPages));
  } finally {
    await server.close();
  }
  // Without the speech packages (or the toolbar) these two are reported as not measured, not fatal.
  const skipped = (what: string) => (error: unknown) => {
    log(`  chromium read aloud ${what}: not measured (${reason(error)})`);
    return null;
  };
  const speechStart = await chromiumSpeechStart(quick ? 5 : 15).catch(skipped('press → start'));
  const boundaryPaint = await chromiumBoundaryPaint(quick ? 10 : 40).catch(skipped('boundary → paint'));
  const jsdom = jsdomRatio();
  const { goals, raw, lines } = report({
    build,
    chromium,
    traced,
    beside,
    firefox,
    jsdom,
    readAloud: { start: speechStart, boundary: boundaryPaint },
  });

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
  for (const line of lines) console.log(line);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
