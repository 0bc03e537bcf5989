/**
 * The seed page (a rebuild of the Voice of America page this project started from, with its five
 * captions each repeated as the image's alt text) read through the reader: what a screen reader meets.
 *
 * Chromium: the accessibility tree (page.accessibility.snapshot()) of the open overlay. Firefox over
 * BiDi has no accessibility snapshot (it is CDP only), so there the same question is asked of the
 * rendered DOM: visible text nodes and the names of rendered images.
 */
import type { Page } from 'puppeteer-core';
import { launch, browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { dialogState, waitForDialog } from '../../scripts/lib/harness/reader';
import { toggleReader } from '../support/overlay';

jest.setTimeout(90_000);
const name = browserName();

const CAPTIONS = [
  "Russia's Foreign Minister Sergey Lavrov, left, walks with his Pakistani counterpart Shah Mehmood Qureshi on his arrival at the Ministry of Foreign Affairs in Islamabad, Pakistan, April 7, 2021. (Ministry of Foreign Affairs/Handout via Reuters)",
  "Russia's Foreign Minister Sergey Lavrov, April 7, 2021.",
  'Pakistani Foreign Minister Shah Mehmood Qureshi, April 7, 2021.',
  'FILE - Taliban political deputy Mullah Abdul Ghani Baradar, center, arrives with other members of the Taliban delegation for an Afghan peace conference in Moscow, Russia, March 18, 2021.',
  "FILE - A shipment of Russia's Sputnik COVID-19 vaccine arrives at Kosice Airport, Slovakia, March 1, 2021.",
];
const NOISE = [/Accessibility links/i, /Breaking News/i, /XS\s*SM\s*MD\s*LG/];

const norm = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

interface AXNode {
  role: string;
  name?: string;
  children?: AXNode[];
}

/** What a screen reader reads, in order: text leaves and image names. */
function spoken(node: AXNode, out: string[] = []): string[] {
  if ((node.role === 'StaticText' || node.role === 'text') && node.name) out.push(node.name);
  else if ((node.role === 'image' || node.role === 'img') && node.name) out.push(node.name);
  for (const child of node.children ?? []) spoken(child, out);
  return out;
}

describe(`[${name}] the seed page in the reader`, () => {
  let h: Harness;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    h = await launch(name);
    page = await h.openPage(server.url('/pages/seed/source.html'));
    await toggleReader(h, page);
    await waitForDialog(page);
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  test('the dialog is named by the article title', async () => {
    const state = await dialogState(page);
    expect(state.open).toBe(true);
    expect(state.name).toMatch(/Lavrov|Pakistan|Russia/);
  });

  test("the date of publication in words, the dateline's own day, from the background", async () => {
    // The page dates the story 7 April 2021: shown as 2021-04-07 until the background's words come.
    const time = await page.waitForFunction(
      () => {
        const t = document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('time');
        return t && t.textContent !== '2021-04-07' ? [t.textContent, t.getAttribute('datetime')] : null;
      },
      { timeout: 10_000 },
    );
    const [words, datetime] = (await time.jsonValue()) as [string, string];
    expect(words).toBe('April 7, 2021');
    expect(datetime).toMatch(/^2021-04-07T/); // still machine-readable
  });

  test('each of the five captions is read exactly once; no skip links, ticker or size indicator', async () => {
    let text: string;
    if (name === 'chromium') {
      const dialog = await page.evaluateHandle(() =>
        document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('dialog')!,
      );
      const tree = (await page.accessibility.snapshot({
        root: dialog,
        interestingOnly: false,
      })) as AXNode | null;
      expect(tree).not.toBeNull();
      expect(tree!.role).toBe('dialog');
      text = norm(spoken(tree!).join(' '));
    } else {
      text = norm(
        await page.evaluate(() => {
          const dialog = document.querySelector('[data-lectern-host]')!.shadowRoot!.querySelector('dialog')!;
          const out: string[] = [];
          const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.nodeType === Node.TEXT_NODE) {
              const el = n.parentElement!;
              if (el.checkVisibility() && !el.closest('[aria-hidden="true"]')) out.push(n.nodeValue ?? '');
            } else if ((n as Element).tagName === 'IMG' && (n as Element).checkVisibility()) {
              out.push((n as HTMLImageElement).alt);
            }
          }
          return out.join(' ');
        }),
      );
    }
    const counts = Object.fromEntries(CAPTIONS.map((c) => [c.slice(0, 40), count(text, norm(c))]));
    expect(counts).toEqual(Object.fromEntries(CAPTIONS.map((c) => [c.slice(0, 40), 1])));
    for (const noise of NOISE) expect(text).not.toMatch(noise);
  });
});
