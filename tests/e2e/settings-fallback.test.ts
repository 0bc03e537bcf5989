/**
 * storage.sync really full, in the browser named by LECTERN_BROWSER: a change made in the popup is
 * kept (in storage.local), applied to the reader, still there when the popup is opened again, and the
 * reader is told so once, in the popup's status line (a polite live region). A change made in the
 * reader itself is this page's view only: nothing to keep, nothing to say.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { launch, browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { dialogState, waitForDialog } from '../../scripts/lib/harness/reader';
import { toggleReader } from '../support/overlay';
import { waitFor } from '../../scripts/lib/harness/wait';

jest.setTimeout(120_000);
const name = browserName();
const MESSAGE = 'Your settings could not sync, so they are saved on this device only.';
const FILL_PREFIX = 'lectern-test-fill-';

/**
 * Fills storage.sync to within a few bytes of its quota (both browsers enforce QUOTA_BYTES, 100 KB,
 * and QUOTA_BYTES_PER_ITEM, 8 KB: items of 8,000 bytes, then halves the size after each refusal), with
 * the settings record removed first so that writing it needs room that is not there. Returns whether a
 * settings-sized write is now really refused.
 */
const FILL = `(async () => {
  const sync = (globalThis.browser ?? chrome).storage.sync;
  await sync.remove('settings');
  let size = 8000, i = 0;
  while (size >= 4) {
    try { await sync.set({ ['${FILL_PREFIX}' + i]: 'x'.repeat(size) }); i++; }
    catch { size = Math.floor(size / 2); }
  }
  try { await sync.set({ settings: { textSize: 'MD', schemaVersion: 2 } }); }
  catch (error) { return { items: i, refused: String(error && error.message || error) }; }
  await sync.remove('settings');
  return { items: i, refused: null };
})()`;

const CLEAN = `(async () => {
  const api = globalThis.browser ?? chrome;
  await api.storage.sync.clear();
  await api.storage.local.remove(['settings', 'syncFallbackNoticed']);
})()`;

/** Counts how many times the popup's status line is set to MESSAGE (each setting is a new text node). */
async function countSayings(popup: Page): Promise<void> {
  await popup.evaluate((message: string) => {
    const w = window as unknown as { __said: number };
    w.__said = 0;
    const status = document.querySelector('[role="status"]')!;
    new MutationObserver((records) => {
      for (const r of records) if (r.addedNodes.length && status.textContent === message) w.__said++;
    }).observe(status, { childList: true, characterData: true, subtree: true });
  }, MESSAGE);
}

async function clickInOverlay(page: Page, selector: string): Promise<void> {
  const handle = await page.evaluateHandle(
    (s: string) => document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector(s),
    selector,
  );
  const el = handle.asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error(`no ${selector} in the overlay`);
  await page.bringToFront(); // background tabs get no animation frames: clicks would wait forever
  await el.click();
}

describe(`[${name}] storage.sync over quota`, () => {
  let h: Harness;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer();
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.evalInExtension(CLEAN).catch(() => undefined);
    await h?.close();
    await server?.close();
  });

  test('a change made in the reader itself: shown on its page, stored nowhere, and nothing said', async () => {
    const page = await h.openPage(server.url('/e2e/article.html'));
    try {
      await toggleReader(h, page);
      await waitForDialog(page);
      const fill = await h.evalInExtension<{ items: number; refused: string | null }>(FILL);
      expect(fill.refused).toMatch(/quota/i);
      await page.bringToFront();
      await page.evaluate(() => {
        const w = window as unknown as { __said: number };
        w.__said = 0;
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        const notices = root.querySelector('.notices')!;
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of Array.from(r.addedNodes))
              if ((n as Element).getAttribute?.('data-notice') === 'settings') w.__said++;
        }).observe(notices, { childList: true });
      });
      for (const size of [25, 30]) {
        await clickInOverlay(page, 'button[data-action="larger"]');
        await page.waitForFunction(
          (px: number) => {
            const p = document
              .querySelector('[data-lectern-host]')
              ?.shadowRoot?.querySelector('.article-body p');
            return p ? parseFloat(getComputedStyle(p).fontSize) === px : false;
          },
          { timeout: 10_000 },
          size,
        );
      }
      expect(
        await h.evalInExtension<unknown>(
          `(async () => { const api = globalThis.browser ?? chrome; return { local: (await api.storage.local.get(['settings', 'syncFallbackNoticed'])), sync: (await api.storage.sync.get('settings')) }; })()`,
        ),
      ).toEqual({ local: {}, sync: {} });
      const seen = await page.evaluate(() => {
        const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
        return {
          notice: root.querySelector('.notice')?.textContent ?? null,
          status: root.querySelector('[role="status"]')?.textContent ?? null,
          said: (window as unknown as { __said: number }).__said,
        };
      });
      expect(seen).toEqual({ notice: null, status: 'Text size XL', said: 0 });
      // The popup opened now shows the stored size, not the page's, and says nothing about sync.
      const popup = await h.openPopup(page);
      expect(
        await popup.$eval('input[name="textSize"][value="MD"]', (el) => (el as HTMLInputElement).checked),
      ).toBe(true);
      expect(await popup.$eval('[role="status"]', (el) => el.textContent)).not.toBe(MESSAGE);
      await popup.close();
    } finally {
      await page.close().catch(() => undefined);
      await h.evalInExtension(CLEAN);
    }
  });

  test('a change in the popup is kept on this device, applied, still there on reopening, and said once', async () => {
    const page = await h.openPage(server.url('/e2e/article.html'));
    try {
      const fill = await h.evalInExtension<{ items: number; refused: string | null }>(FILL);
      expect(fill.refused).toMatch(/quota/i);

      const popup = await h.openPopup(page);
      await countSayings(popup);
      await popup.locator('input[name="textSize"][value="XL"]').click();
      await popup.waitForFunction(
        (m: string) => document.querySelector('[role="status"]')?.textContent === m,
        { timeout: 10_000 },
        MESSAGE,
      );
      expect(await popup.$eval('[role="status"]', (el) => el.getAttribute('role'))).toBe('status');
      // A second change: kept too, and not said again.
      await popup.locator('input[name="theme"][value="sepia"]').click();
      const stored = await h.evalInExtension<{ local: Record<string, unknown>; sync: unknown }>(
        `(async () => { const api = globalThis.browser ?? chrome; return { local: (await api.storage.local.get('settings')).settings, sync: (await api.storage.sync.get('settings')).settings ?? null }; })()`,
      );
      expect(stored.sync).toBeNull();
      expect(stored.local).toMatchObject({ textSize: 'XL' });
      await popup.waitForFunction(
        () => (document.querySelector('input[name="theme"][value="sepia"]') as HTMLInputElement).checked,
      );
      await waitFor(
        () =>
          h.evalInExtension<string | null>(
            `(globalThis.browser ?? chrome).storage.local.get('settings').then((r) => r.settings?.theme ?? null)`,
          ),
        (theme) => theme === 'sepia',
        'the theme kept in storage.local',
      );
      expect(await popup.evaluate(() => (window as unknown as { __said: number }).__said)).toBe(1);
      expect(await popup.$eval('[role="status"]', (el) => el.textContent)).toBe(MESSAGE);

      // Applied: the reader opens at XL (16 px × 1.25 × 1.5) in sepia.
      await popup.locator('button ::-p-text(Open reader)').click();
      await waitForDialog(page);
      await popup.close();
      expect((await dialogState(page)).paragraphFontPx).toBeCloseTo(30, 0);
      expect(
        await page.evaluate(
          () =>
            document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('dialog')?.dataset.theme,
        ),
      ).toBe('sepia');

      // Opened again: the settings are still there, and the reader is not told again.
      const again = await h.openPopup(page);
      expect(
        await again.$eval('input[name="textSize"][value="XL"]', (el) => (el as HTMLInputElement).checked),
      ).toBe(true);
      expect(
        await again.$eval('input[name="theme"][value="sepia"]', (el) => (el as HTMLInputElement).checked),
      ).toBe(true);
      await countSayings(again);
      await again.locator('input[name="textSize"][value="LG"]').click();
      await page.waitForFunction(
        () => {
          const p = document
            .querySelector('[data-lectern-host]')
            ?.shadowRoot?.querySelector('.article-body p');
          return p ? parseFloat(getComputedStyle(p).fontSize) === 25 : false;
        },
        { timeout: 10_000 },
      );
      expect(await again.evaluate(() => (window as unknown as { __said: number }).__said)).toBe(0);
      expect(await again.$eval('[role="status"]', (el) => el.textContent)).not.toBe(MESSAGE);
      await again.close();
    } finally {
      await page.close().catch(() => undefined);
      await h.evalInExtension(CLEAN);
    }
  });
});
