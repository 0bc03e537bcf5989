/**
 * Nothing leaves the machine: every non-loopback request the browser makes goes to a recording proxy
 * while the suite browses an article, opens the reader, changes settings in the popup (fonts included)
 * and closes it. The recorder must see nothing. And nothing tells a web page that its reader uses
 * Lectern: no entry of Lectern's in the page's performance timeline (src/shared/timing.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { FIXTURES, startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { startRecorder, type Recorder } from '../support/recorder';
import { actionTitle, waitForDialog } from '../../scripts/lib/harness/reader';
import { toggleReader } from '../support/overlay';

jest.setTimeout(90_000);
const name = browserName();

describe(`[${name}] privacy`, () => {
  let h: Harness;
  let server: FixtureServer;
  let recorder: Recorder;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    recorder = await startRecorder();
    h = await launch(name, { proxyPort: recorder.port });
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
    await recorder?.close();
  });

  test('the recorder itself works: a page request to another host reaches it', async () => {
    page = await h.openPage(server.url('/e2e/article.html'));
    await page.evaluate(() => fetch('http://lectern-recorder-check.invalid/probe').catch(() => undefined));
    expect(recorder.seen.some((s) => s.includes('lectern-recorder-check.invalid'))).toBe(true);
    recorder.seen.length = 0;
    await page.close();
  });

  test('browsing, opening the reader and changing every kind of setting sends no request off the machine', async () => {
    page = await h.openPage(server.url('/pages/seed/source.html'));
    const popup = await h.openPopup(page);
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page);
    for (const size of ['XS', 'XXXL', 'MD'])
      await popup.locator(`input[name="textSize"][value="${size}"]`).click();
    for (const selector of await popup.$$eval('input[type="radio"]:not([name="textSize"])', (els) =>
      els.map(
        (el) => `input[name="${(el as HTMLInputElement).name}"][value="${(el as HTMLInputElement).value}"]`,
      ),
    )) {
      await popup.locator(selector).click();
    }
    // Fonts come from the extension itself: wait until the last font change has been applied.
    await page.waitForFunction(() => document.fonts.status === 'loaded', { timeout: 10_000 });
    await popup.close();
    await page.keyboard.press('Escape');
    await waitForDialog(page, false);
    const offMachine = recorder.seen.filter(
      (s) => !/^(GET|CONNECT) (http:\/\/)?(127\.0\.0\.1|localhost)[:/]/.test(s),
    );
    expect(offMachine).toEqual([]);
    // Every request the fixture server saw was for the page and its own resources.
    expect(server.requests.filter((r) => !/^\/(pages\/seed|e2e)\/|^\/favicon\.ico$/.test(r))).toEqual([]);
  });

  test('on a web page Lectern finds and reads the article, and leaves nothing in the timeline the page can read', async () => {
    const entries = (p: Page): Promise<string[]> =>
      p.evaluate(() =>
        performance
          .getEntries()
          .map((e) => e.name)
          .filter((n) => n.startsWith('lectern:')),
      );
    // On the loopback fixture server, where the bench and the tests read them, the entries are there.
    const local = await h.openPage(server.url('/e2e/article.html'));
    await actionTitle(h, local, 'Article found — open in Lectern');
    await toggleReader(h, local);
    await waitForDialog(local);
    expect(await entries(local)).toEqual(
      expect.arrayContaining(['lectern:detect', 'lectern:extract', 'lectern:render']),
    );
    await local.close();
    // The same page at a web address (answered by the recorder): found and read all the same, and no trace.
    const url = 'http://news.example/2026/11/harbour-ferry.html';
    recorder.serve(url, readFileSync(join(FIXTURES, 'e2e', 'article.html'), 'utf8'));
    page = await h.openPage(url);
    await actionTitle(h, page, 'Article found — open in Lectern');
    await toggleReader(h, page);
    await waitForDialog(page);
    expect(await entries(page)).toEqual([]);
    await page.close();
  });
});
