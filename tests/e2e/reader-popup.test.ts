/**
 * The popup (and the options page, the same document): its accessibility, that the open reader's own
 * changes stay on its page (the popup is where settings change everywhere), and a profile for one site.
 */
import { join } from 'node:path';
import { browserName } from '../../scripts/lib/harness/browsers';
import { waitForDialog } from '../../scripts/lib/harness/reader';
import { waitFor } from '../../scripts/lib/harness/wait';
import {
  openExtensionTab,
  openPopup,
  runAxe,
  storedAreas,
  storedData,
  waitForParagraphPx,
} from '../support/overlay';
import { clickInOverlay, openArticle, readerSuite, SHOTS } from '../support/reader-suite';

jest.setTimeout(120_000);
const name = browserName();

describe(`[${name}] reader: popup`, () => {
  const suite = readerSuite('popup');

  test('the popup has no axe violations; its controls are grouped and named', async () => {
    const { h, server, track, report } = suite;
    const page = track(await openArticle(h, server));
    const popup = track(await openPopup(h, page));
    const axe = await runAxe(popup, 'document');
    report.popupAxe = axe;
    expect(axe.violations).toEqual([]);
    const legends = await popup.$$eval('fieldset > legend', (ls) => ls.map((l) => l.textContent));
    expect(legends).toEqual([
      'Text size',
      'Font',
      'Spacing',
      'Theme',
      'Layout',
      'This site and opening',
      'Read aloud',
      'Highlight',
    ]);
    const labels = await popup.$$eval('input[type="checkbox"]', (xs) =>
      xs.map((x) => (x as HTMLInputElement).labels?.[0]?.textContent),
    );
    expect(labels).toEqual([
      'Show images',
      'This site only (127.0.0.1)',
      'Open articles automatically',
      'Read captions',
    ]);
    // Read aloud's Voice menu (Automatic first) and Speed, named by their labels.
    const speech = await popup.evaluate(() => ({
      voice: (document.querySelector('select[name="voice"]') as HTMLSelectElement).labels[0]?.textContent,
      first: (document.querySelector('select[name="voice"]') as HTMLSelectElement).options[0]?.textContent,
      speed: (document.querySelector('input[name="speechRate"]') as HTMLInputElement).labels?.[0]
        ?.textContent,
    }));
    expect(speech).toEqual({ voice: 'Voice', first: 'Automatic voice', speed: 'Speed' });
    await popup.screenshot({ path: join(SHOTS, `${name}-popup.png`) as `${string}.png` });

    // The same page as the options page, in a tab of its own and about no tab.
    const options = track(await openExtensionTab(h, 'options.html'));
    expect(await options.$eval('h1', (e) => e.textContent)).toBe('Lectern options');
    expect(await options.$eval('#status', (e) => e.textContent)).toBe(
      'Open a news page in a tab to use the reader there.',
    );
    expect(await options.$('#open-reader')).toBeNull();
    expect((await runAxe(options, 'document')).violations).toEqual([]);
  });

  test('a change made in the overlay stays on its page; "This site only" keeps a profile for the site', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    // The settings page in a tab of its own, about the article's tab (the real popup would close as
    // soon as the page is clicked).
    const popup = track(await openExtensionTab(h, `popup.html?tabId=${await h.tabIdOf(page)}`));
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page);
    const before = await storedAreas(h);
    await clickInOverlay(page, 'button[data-action="larger"]');
    // Shown on this page, stored nowhere, so the popup still shows the stored size.
    expect(await waitForParagraphPx(page, 25)).toBe(25);
    expect(await storedAreas(h)).toEqual(before);
    await popup.bringToFront();
    expect(
      await popup.$eval('input[name="textSize"][value="MD"]', (el) => (el as HTMLInputElement).checked),
    ).toBe(true);
    // Chosen in the popup: stored for every page.
    await popup.locator('input[name="textSize"][value="LG"]').click();
    await waitFor(
      async () => ((await storedData(h)) as { settings?: { textSize?: string } }).settings?.textSize,
      (size) => size === 'LG',
      'LG in storage',
    );
    await popup.locator('input[name="siteOnly"]').click();
    await waitFor(
      async () => 'site:127.0.0.1' in (await storedData(h)),
      (stored) => stored,
      'the site profile in storage',
    );
    await popup.locator('input[name="textSize"][value="XL"]').click();
    expect(await waitForParagraphPx(page, 30)).toBe(30);
    const data = (await storedData(h)) as Record<string, { textSize?: string }>;
    expect(data.settings?.textSize).toBe('LG');
    expect(data['site:127.0.0.1']?.textSize).toBe('XL');
    await popup.locator('input[name="siteOnly"]').click();
    expect(await waitForParagraphPx(page, 25)).toBe(25);
    await popup.locator('input[name="autoOpen"]').click();
    await waitFor(
      async () => ((await storedData(h)) as { settings: { autoOpen: boolean } }).settings.autoOpen,
      (autoOpen) => autoOpen,
      'autoOpen in storage',
    );
  });
});
