/**
 * Read aloud with a real espeak-ng voice (Speech Dispatcher into a silent PulseAudio sink, started by
 * scripts/speech.sh around the file): first the recipe itself in a plain page, then the reader's toolbar.
 */
import type { Page } from 'puppeteer-core';
import { browserName } from '../../scripts/lib/harness/browsers';
import {
  clickToolbarButton,
  highlightedTexts,
  installStartProbe,
  startTimes,
  toolbarNames,
  waitForHighlight,
} from '../../scripts/lib/harness/read-aloud';
import { waitForDialog } from '../../scripts/lib/harness/reader';
import { waitFor } from '../../scripts/lib/harness/wait';
import { READ_ALOUD_KEYS } from '../../src/overlay/read-aloud-keys';
import { toggleReader } from '../support/overlay';
import { realVoiceSuite } from '../support/real-voices';
import { openArticle } from '../support/reader-suite';

jest.setTimeout(120_000);
const name = browserName();
// Headless Firefox's buttons take no keys from puppeteer (clicks work): the keys are tried in Chromium.
const keyboard = name === 'chromium';
const FIRST = 'The ferry ran again on Monday.';
const SECOND = 'It had been laid up for a year.';

/** Ctrl+Alt+<code>, the reader's read-aloud keys. */
async function chord(page: Page, code: string): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.down('Alt');
  await page.keyboard.press(code as Parameters<Page['keyboard']['press']>[0]);
  await page.keyboard.up('Alt');
  await page.keyboard.up('Control');
}

const buttonNamed = (page: Page, want: string): Promise<string[]> =>
  waitFor(
    () => toolbarNames(page),
    (names) => names.includes(want),
    `a button named ${want}`,
    20_000,
  );

/** The reader's notices, where it would say that there is no voice. */
const notices = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('.notices')?.textContent ?? '',
  );

/** Whether the window's speech synthesis is speaking (one per window, whichever world asked it to). */
const speaking = (page: Page): Promise<boolean> => page.evaluate(() => speechSynthesis.speaking);

/** The page's voices once it lists some (the list arrives late: up to a few seconds). */
async function listedVoices(page: Page): Promise<Array<{ name: string; lang: string; local: boolean }>> {
  return waitFor(
    () =>
      page.evaluate(() =>
        speechSynthesis.getVoices().map((v) => ({ name: v.name, lang: v.lang, local: v.localService })),
      ),
    (voices) => voices.length > 0,
    'speechSynthesis.getVoices() to list voices',
    20_000,
  );
}

describe(`[${name}] read aloud with a real espeak-ng voice`, () => {
  const suite = realVoiceSuite();

  test('the environment: espeak-ng voices are listed, and an utterance starts and ends', async () => {
    const { h, server, track } = suite;
    const page = track(await h.openPage(server.url('/e2e/article.html')));
    const voices = await listedVoices(page);
    // Speech Dispatcher names its voices after espeak-ng's languages; English is among them.
    expect(voices.some((v) => /^en\b/i.test(v.lang))).toBe(true);
    expect(voices.length).toBeGreaterThan(10);

    const events = await page.evaluate(
      () =>
        new Promise<string[]>((done) => {
          const seen: string[] = [];
          const u = new SpeechSynthesisUtterance('The lighthouse is lit.');
          u.lang = 'en-US';
          u.onstart = () => seen.push('start');
          u.onend = () => done([...seen, 'end']);
          u.onerror = (e) => done([...seen, `error:${e.error}`]);
          speechSynthesis.speak(u);
        }),
    );
    expect(events).toEqual(['start', 'end']);
  });

  test('the reader reads its first sentence aloud, Next moves on, Escape stops', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server, '/e2e/short-article.html'));
    await installStartProbe(h, page);
    await toggleReader(h, page);
    await waitForDialog(page);
    await page.bringToFront();
    expect(await toolbarNames(page)).toEqual(
      expect.arrayContaining(['Read aloud', 'Stop', 'Previous sentence', 'Next sentence']),
    );

    if (keyboard) await chord(page, READ_ALOUD_KEYS.toggle.code);
    else await clickToolbarButton(page, 'Read aloud');
    // The voice's own start event (the probe), not only the button's new name; or the no-voice notice,
    // which must not come.
    await waitFor(
      async () => ({ starts: (await startTimes(page)).length, text: await notices(page) }),
      (v) => v.starts === 1 || /No voice/.test(v.text),
      'the real voice to start',
      20_000,
    );
    expect(await notices(page)).not.toMatch(/No voice/);
    await buttonNamed(page, 'Pause');
    // The voice sends no word boundaries through Speech Dispatcher: the sentence is highlighted.
    expect((await waitForHighlight(page, (t) => t.trim() === FIRST, 'the first sentence')).trim()).toBe(
      FIRST,
    );
    expect(await speaking(page)).toBe(true);

    if (keyboard) await chord(page, READ_ALOUD_KEYS.next.code);
    else await clickToolbarButton(page, 'Next sentence');
    await waitForHighlight(page, (t) => t.trim() === SECOND, 'the second sentence', 20_000);
    await waitFor(
      () => startTimes(page),
      (t) => t.length === 2,
      'the second sentence to start',
      20_000,
    );
    expect(await toolbarNames(page)).toContain('Pause');
    expect(await notices(page)).not.toMatch(/No voice/);

    await page.keyboard.press('Escape');
    await waitForDialog(page, false);
    await waitFor(
      () => speaking(page),
      (s) => !s,
      'speech to stop',
      10_000,
    );
    expect(await highlightedTexts(page)).toEqual([]);
  });
});
