/**
 * Read aloud with a real espeak-ng voice (Speech Dispatcher into a silent PulseAudio sink, started by
 * scripts/speech.sh around the file): first the recipe itself in a plain page, then the reader's toolbar.
 */
import type { Page } from 'puppeteer-core';
import { browserName } from '../../scripts/lib/harness/browsers';
import { waitFor } from '../../scripts/lib/harness/wait';
import { realVoiceSuite } from '../support/real-voices';

jest.setTimeout(120_000);
const name = browserName();

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
});
