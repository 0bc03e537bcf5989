/** Firefox: the detector's run on load, and the background's pull of its finding, bounded. */
import type { Harness } from '../lib/harness/browsers';
import type { FixtureServer } from '../lib/harness/server';
import { DETECTED_SLOT, PULL_WAIT_MS, WAITING_SLOT, readDetection } from '../../src/shared/pull';
import { detectorFigures, eachPage } from './pages';

/**
 * Firefox's detector leaves its first detection for the background to pull (ReportMode in
 * src/shared/pull.ts), so `lectern:detect` there holds no extension API and no message. The pull's
 * cost to the page is bounded here: an extension page makes the same pull the background makes (the
 * same function, injected the same way) and times it from request to answer. Everything the page does
 * for it happens inside that round trip, so it is an upper bound; the background's own pull came first.
 * The tab is looked up in the same evaluation on purpose: looked up first with the harness's
 * `tabIdOf` (a round trip of its own), the timed pull read 7.5–9.8 ms against 3.1 ms (npm run bench
 * -- --quick, 5 pages, November 2026), time spent on the extension page's side, not the page's.
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

export function firefoxDetector(server: FixtureServer, files: string[]) {
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
