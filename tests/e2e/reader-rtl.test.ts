/**
 * Right to left: an Urdu article reads right to left in both browsers; with the Urdu locale (Chromium
 * started with --lang=ur, which picks the extension's Urdu messages), the popup and the overlay's
 * controls are in Urdu and laid out right to left. Firefox here has no Urdu language pack, so its
 * extension UI stays English: the locale half runs in Chromium only.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { dialogState, waitForDialog } from '../../scripts/lib/harness/reader';
import { openPopup, runAxe, toggleReader } from '../support/overlay';
import { SHOTS } from '../support/reader-suite';

jest.setTimeout(90_000);
const name = browserName();
const chromium = name === 'chromium';
const TITLE = 'ویسٹمیئر کا لائٹ ہاؤس چالیس سال بعد پھر روشن';

describe(`[${name}] right to left`, () => {
  let h: Harness;
  let server: FixtureServer;
  let page: Page;
  const saved = process.env.CHROMIUM_PATH;
  let wrapper = '';

  beforeAll(async () => {
    server = await startServer();
    if (chromium) {
      // Chromium picks the extension's messages by --lang; the harness takes no extra flags, but it
      // takes another executable: a two-line wrapper that adds the flag.
      const dir = mkdtempSync(join(tmpdir(), 'lectern-ur-'));
      wrapper = join(dir, 'chromium-ur');
      writeFileSync(
        wrapper,
        `#!/bin/sh\nexec ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} --lang=ur "$@"\n`,
      );
      chmodSync(wrapper, 0o755);
      process.env.CHROMIUM_PATH = wrapper;
    }
    h = await launch(name);
    page = await h.openPage(server.url('/e2e/urdu.html'));
    await toggleReader(h, page);
    await waitForDialog(page);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    if (wrapper) rmSync(dirname(wrapper), { recursive: true, force: true });
    await h?.close();
    await server?.close();
  });

  test('an Urdu article keeps its language and reads right to left', async () => {
    expect(await dialogState(page)).toMatchObject({ open: true, modal: true, name: TITLE });
    const body = await page.evaluate(() => {
      const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
      const b = root.querySelector('.article-body')!;
      const p = b.querySelector('p')!;
      const pr = p.getBoundingClientRect();
      const br = b.getBoundingClientRect();
      return {
        lang: b.getAttribute('lang'),
        dir: b.getAttribute('dir'),
        direction: getComputedStyle(p).direction,
        h1dir: getComputedStyle(root.querySelector('h1')!).direction,
        // Right-aligned: the paragraph's right edge meets the column's right edge.
        rightAligned: Math.abs(pr.right - br.right) < 1,
      };
    });
    expect(body).toEqual({ lang: 'ur', dir: 'rtl', direction: 'rtl', h1dir: 'rtl', rightAligned: true });
    expect((await runAxe(page, 'overlay')).violations).toEqual([]);
  });

  (chromium ? test : test.skip)(
    'with the Urdu locale, the controls are in Urdu and laid out right to left',
    async () => {
      const ui = await page.evaluate(() => {
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        const dialog = root.querySelector('dialog')!;
        const buttons = Array.from(root.querySelectorAll('[role="toolbar"] button'));
        return {
          dir: dialog.dir,
          lang: dialog.lang,
          skip: root.querySelector('.skip')!.textContent,
          close: buttons[0]!.textContent,
          // The first button (Close) sits right of the second.
          firstIsRightmost:
            buttons[0]!.getBoundingClientRect().left > buttons[1]!.getBoundingClientRect().left,
        };
      });
      expect(ui).toEqual({
        dir: 'rtl',
        lang: 'ur',
        skip: 'مضمون کے متن پر جائیں',
        close: '✕بند کریں',
        firstIsRightmost: true,
      });
      await page.bringToFront();
      await page.screenshot({ path: join(SHOTS, `${name}-overlay-urdu.png`) as `${string}.png` });

      const popup = await openPopup(h, page);
      const p = await popup.evaluate(() => ({
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        open: document.getElementById('open-reader')?.textContent,
        legend: document.querySelector('legend')?.textContent,
        xs: (document.querySelector('input[name="textSize"][value="XS"]') as HTMLInputElement).labels?.[0]
          ?.textContent,
      }));
      expect(p).toEqual({
        dir: 'rtl',
        lang: 'ur',
        open: 'ریڈر کھولیں',
        legend: 'متن کا سائز',
        xs: 'XS بہت چھوٹا',
      });
      expect((await runAxe(popup, 'document')).violations).toEqual([]);
      await popup.screenshot({ path: join(SHOTS, `${name}-popup-urdu.png`) as `${string}.png` });
      await popup.close();
    },
  );
});
