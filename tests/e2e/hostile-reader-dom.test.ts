/**
 * The reader's DOM against a page whose own script attacks it, in the browser named by
 * LECTERN_BROWSER: what the page inserts into the reader does not stay, no font of the reader's is
 * left in document.fonts after close (nor named for Lectern or the font while open), and a page
 * element with the reader's old start-flag name does not stop the reader from opening.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { browserName, launch, type Harness } from '../../scripts/lib/harness/browsers';
import { FIXTURES, startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { actionTitle, dialogState, waitForDialog } from '../../scripts/lib/harness/reader';
import { exposeReaderRoot, inReaderRoot } from '../../scripts/lib/harness/reader-root';
import { storeSettings } from '../support/overlay';

jest.setTimeout(90_000);
const name = browserName();
const TITLE = 'Westmere lighthouse shines again after forty dark years';
const FOUND = 'Article found — open in Lectern';
const ARTICLE = readFileSync(join(FIXTURES, 'e2e', 'article.html'), 'utf8');

/** The fixture article with something added at the end of <body>. */
const withBodyEnd = (extra: string): string => ARTICLE.replace('</body>', `${extra}\n</body>`);

/**
 * On every click, the page looks at its selection; if the selection lies in a shadow root (Firefox
 * hands out the reader's closed root this way), it inserts a fake "Sign in" form into it.
 */
const SELECTION_ATTACK = `<script>
  window.attack = { clicks: 0, root: 'unseen', inserted: false, stillThere: null };
  document.addEventListener('click', () => {
    const a = window.attack;
    a.clicks++;
    const node = getSelection()?.anchorNode ?? null;
    if (!node) { a.root = 'none'; return; }
    const root = node.getRootNode();
    if (root === document) { a.root = 'document'; return; }
    a.root = 'shadow';
    const form = document.createElement('form');
    form.setAttribute('data-attack', '');
    form.innerHTML = '<p>Your session has expired.</p><a href="https://evil.example/">Sign in</a>' +
      '<input type="password" name="password">';
    (root.querySelector('.notices') ?? root.querySelector('dialog') ?? root).prepend(form);
    a.inserted = form.isConnected;
    setTimeout(() => { a.stillThere = form.isConnected; }, 0);
  }, true);
</script>`;

interface Attack {
  clicks: number;
  root: 'unseen' | 'none' | 'document' | 'shadow';
  inserted: boolean;
  stillThere: boolean | null;
}

interface FontsSnapshot {
  size: number;
  families: string[];
}

const fontsSnapshot = (page: Page): Promise<FontsSnapshot> =>
  page.evaluate(() => ({
    size: document.fonts.size,
    families: Array.from(document.fonts, (f) => f.family).sort(),
  }));

const fontChecks = (page: Page, families: string[]): Promise<boolean[]> =>
  page.evaluate((list: string[]) => list.map((f) => document.fonts.check(`12px ${f}`)), families);

describe(`[${name}] the reader's DOM on a hostile page`, () => {
  let h: Harness;
  let server: FixtureServer;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    server.route('/hostile-dom/selection.html', withBodyEnd(SELECTION_ATTACK));
    server.route('/hostile-dom/flag.html', withBodyEnd('<div id="__lecternReader">not a flag</div>'));
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await storeSettings(h, {});
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close().catch(() => undefined);
  });

  async function openArticle(path: string): Promise<Page> {
    const page = await h.openPage(server.url(path));
    pages.push(page);
    await actionTitle(h, page, FOUND);
    return page;
  }

  /** Open reader in the popup; the dialog is waited on without exposing its root to the page. */
  async function openFromPopup(page: Page): Promise<void> {
    const popup = await h.openPopup(page);
    try {
      await popup.locator('button ::-p-text(Open reader)').click();
      await waitForDialog(page, true, { expose: false });
    } finally {
      await popup.close().catch(() => undefined);
    }
  }

  test('a page that gets the reader through its selection: the "Sign in" form it inserts does not stay', async () => {
    const page = await openArticle('/hostile-dom/selection.html');
    await openFromPopup(page);
    // A real mouse click on the article's first paragraph (found with privilege; the page has nothing).
    const box = await inReaderRoot(page, (root) => {
      const r = root.querySelector('.article-body p')!.getBoundingClientRect();
      return { x: r.left + Math.min(40, r.width / 2), y: r.top + Math.min(10, r.height / 2) };
    });
    expect(box).not.toBeNull();
    await page.bringToFront();
    await page.mouse.click(box!.x, box!.y);
    await page.waitForFunction(
      () => {
        const a = (window as unknown as { attack: Attack }).attack;
        return a.clicks > 0 && (a.root !== 'shadow' || a.stillThere !== null);
      },
      { timeout: 10_000, polling: 50 },
    );
    const attack = await page.evaluate(() => (window as unknown as { attack: Attack }).attack);
    if (name === 'firefox') {
      // Firefox hands the page the closed root through getSelection(): the page inserted its form,
      // and the reader took it out before the page's next task.
      expect(attack).toMatchObject({ root: 'shadow', inserted: true, stillThere: false });
    } else {
      // Chromium gives the page nothing inside the reader.
      expect(attack.root).not.toBe('shadow');
      expect(attack.inserted).toBe(false);
    }
    // After the attack: looked at with privilege, the reader holds no form of the page's, and its own
    // article is whole.
    expect(await exposeReaderRoot(page)).toBe(true);
    const inside = await page.evaluate(() => {
      const root = document.querySelector('[data-lectern-host]')!.shadowRoot!;
      return {
        attack: root.querySelectorAll('[data-attack], input[type="password"], a[href^="https://evil"]')
          .length,
        firstParagraph: root.querySelector('.article-body p')?.textContent ?? '',
        open: root.querySelector('dialog')!.open,
      };
    });
    expect(inside.attack).toBe(0);
    expect(inside.open).toBe(true);
    expect(inside.firstParagraph.length).toBeGreaterThan(40);
    expect((await dialogState(page)).name).toBe(TITLE);
  });

  test('fonts: nothing of the reader left in document.fonts after close, nor named for it while open', async () => {
    await storeSettings(h, { font: 'opendyslexic' });
    const page = await openArticle('/e2e/article.html');
    const before = await fontsSnapshot(page);
    await openFromPopup(page);
    // OpenDyslexic's three faces (regular, bold, italic) reach the page's font set once loaded.
    await page.waitForFunction((n: number) => document.fonts.size >= n + 3, { timeout: 15_000 }, before.size);
    const open = await fontsSnapshot(page);
    const added = open.families.filter((f) => !before.families.includes(f));
    expect(added.length).toBeGreaterThanOrEqual(3);
    for (const family of open.families) expect(family).not.toMatch(/lectern|opendyslexic|atkinson/i);
    for (const family of added) expect(family).toMatch(/^"?f[0-9a-f]{16}"?$/);
    const familyNames = [...new Set(added.map((f) => f.replace(/"/g, '')))];
    expect(familyNames).toHaveLength(1);
    // The article is set in it.
    const used = await inReaderRoot(
      page,
      (root) => getComputedStyle(root.querySelector('.article-body p')!).fontFamily,
    );
    expect(used).toContain(familyNames[0]);

    await page.keyboard.press('Escape');
    await waitForDialog(page, false, { expose: false });
    const after = await fontsSnapshot(page);
    expect(after).toEqual(before);
    // check() for the reader's family answers as on a page that never had the reader.
    const control = await h.openPage(server.url('/e2e/no-article.html'));
    pages.push(control);
    expect(await fontChecks(page, familyNames)).toEqual(await fontChecks(control, familyNames));
    expect(await page.evaluate(() => document.querySelectorAll('[data-lectern-host]').length)).toBe(0);

    // Opened again: the same faces come back (not fetched again), and leave again on close.
    await openFromPopup(page);
    await page.waitForFunction((n: number) => document.fonts.size >= n + 3, { timeout: 15_000 }, before.size);
    expect((await fontsSnapshot(page)).families).toEqual(open.families);
    await page.keyboard.press('Escape');
    await waitForDialog(page, false, { expose: false });
    expect(await fontsSnapshot(page)).toEqual(before);
  });

  test('a page holding <div id="__lecternReader">: the reader opens, and Open reader works again', async () => {
    const page = await openArticle('/hostile-dom/flag.html');
    expect(await page.evaluate(() => document.getElementById('__lecternReader') !== null)).toBe(true);
    await openFromPopup(page);
    expect(await dialogState(page)).toMatchObject({ open: true, modal: true, name: TITLE });
    await page.keyboard.press('Escape');
    await waitForDialog(page, false, { expose: false });
    await openFromPopup(page);
    expect(await dialogState(page)).toMatchObject({ open: true, modal: true, name: TITLE });
    expect(await page.evaluate(() => document.querySelectorAll('[data-lectern-host]').length)).toBe(1);
  });
});
