/**
 * The payload table (scripts/lib/security/payloads.ts) in a real browser: a page holding every
 * payload, whose handlers report to a loopback beacon. Opening the reader must fire no beacon that the
 * page itself had not already fired (the page's `::part()` rule included), and the overlay's DOM must
 * hold nothing dangerous, nor anything the page could steer the reader with.
 */
import type { Page } from 'puppeteer-core';
import { launch, browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { waitForDialog } from '../../scripts/lib/harness/reader';
import { findDanger, findPageHooks } from '../../scripts/lib/security/danger';
import { PAYLOADS, payloadPage } from '../../scripts/lib/security/payloads';
import { waitFor } from '../../scripts/lib/harness/wait';
import { inReaderRoot } from '../../scripts/lib/harness/reader-root';

jest.setTimeout(90_000);
const name = browserName();

function counts(beacons: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const b of beacons) {
    const id = new URLSearchParams(b).get('id') ?? b;
    map.set(id, (map.get(id) ?? 0) + 1);
  }
  return map;
}

/** Lets every queued load/error event of the overlay's images run, then proves the beacon log is current. */
async function settle(server: FixtureServer, page: Page, tag: string): Promise<void> {
  // The page's script attacks: the reader's closed root is read with privilege, never exposed to it.
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const settled = await inReaderRoot(page, async (root) => {
    const images = Array.from(root.querySelectorAll('img'));
    // The reader loads article images lazily; load every one now, so that any handler that survived
    // would run during the test rather than when a reader scrolls.
    for (const img of images) img.loading = 'eager';
    await Promise.all(
      images.map((img) =>
        img.complete
          ? null
          : new Promise((done) => {
              img.addEventListener('load', done, { once: true });
              img.addEventListener('error', done, { once: true });
            }),
      ),
    );
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return true;
  });
  if (!settled) await page.evaluate(frames); // no reader yet: the page's own images
  await page.evaluate(
    (url: string) => fetch(url).then(() => undefined),
    server.url(`/beacon?id=__sentinel-${tag}`),
  );
  await waitFor(
    async () => server.beacons.some((b) => b.includes(`__sentinel-${tag}`)),
    Boolean,
    'the sentinel beacon',
  );
}

describe(`[${name}] script injection through the reader`, () => {
  let h: Harness;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    server.route('/security/payloads.html', payloadPage(`${server.origin}/beacon`));
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  test(`opening the reader on a page with ${PAYLOADS.length} payloads fires no new beacon and shows nothing dangerous`, async () => {
    page = await h.openPage(server.url('/security/payloads.html'));
    await settle(server, page, 'before');
    const before = counts(server.beacons);
    // The beacon plumbing is live: the page's own copies of the payloads did fire.
    expect(before.get('img-onerror')).toBeGreaterThan(0);

    const popup = await h.openPopup(page);
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page, true, { expose: false });
    await popup.close();
    await settle(server, page, 'after');
    const after = counts(server.beacons);

    const fired = [...after]
      .filter(([id, n]) => !id.startsWith('__sentinel') && n > (before.get(id) ?? 0))
      .map(([id]) => id);
    expect(fired).toEqual([]);

    const inOverlay = await inReaderRoot(
      page,
      `(root) => (${findDanger.toString()})(root.querySelector('main'))`,
    );
    expect(inOverlay).toEqual([]);
    // The article alone: the overlay's own controls carry roles and ARIA attributes on purpose.
    const hooks = await inReaderRoot(
      page,
      `(root) => (${findPageHooks.toString()})(root.querySelector('main .article-body'))`,
    );
    expect(hooks).toEqual([]);
    const text = (await inReaderRoot(page, (root) => root.querySelector('main')?.textContent)) ?? '';
    expect(text).toContain('Harbour lamp restored after report');
    expect(text).toContain('Write <img src=x onerror=alert(1)> to see the bug.');
    expect(text).toContain(`Paragraph ${PAYLOADS.length - 2} of the council's report`);
  });
});
