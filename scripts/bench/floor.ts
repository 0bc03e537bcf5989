/** Lectern's detector beside the floor (scripts/floor-extension), page by page in two Chromiums. */
import { join } from 'node:path';
import { launch } from '../lib/harness/browsers';
import type { FixtureServer } from '../lib/harness/server';
import { ROOT } from '../lib/harness/paths';
import { inNewTab, loadDetected, type DetectorLoad } from './pages';
import { log, reason } from './options';

export interface FloorLoad extends DetectorLoad {
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
export async function chromiumBesideFloor(
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
