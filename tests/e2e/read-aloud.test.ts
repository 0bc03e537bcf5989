/**
 * Read aloud in real browsers, with a fake speech engine: the test replaces `speechSynthesis` and
 * `SpeechSynthesisUtterance` in the extension's content-script world (scripting.executeScript with a
 * func, run from an extension page: the same isolated world, or in Firefox the same sandbox, as the
 * reader bundle) before Read aloud is pressed. The fake says nothing; each `step` sends the current
 * utterance's next event (start, one word boundary per word when its voice sends them, end), so the
 * highlight can be followed word by word without timers. The highlight is read from the page itself
 * (CSS.highlights, the ranges' text).
 */
import type { Page } from 'puppeteer-core';
import { browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { waitForDialog } from '../../scripts/lib/harness/reader';
import { waitFor } from '../../scripts/lib/harness/wait';
import { inExtension, runAxe, toggleReader } from '../support/overlay';
import { clickInOverlay, openArticle, readerSuite } from '../support/reader-suite';

jest.setTimeout(120_000);
const name = browserName();
const chromium = name === 'chromium';

const EN = { name: 'Fake English', lang: 'en-GB', localService: true, default: true, voiceURI: 'fake-en' };

/** Runs in the content-script world: a speechSynthesis that speaks only when stepped. */
const FAKE_SPEECH = `(voices, boundaries) => {
  const fake = { spoken: [], cancels: 0, current: null, queue: [], started: false, pos: -1 };
  const next = () => { fake.current = fake.queue.shift() || null; fake.started = false; fake.pos = -1; };
  function Utterance(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; }
  const synth = {
    getVoices: () => voices,
    speak(u) { fake.spoken.push(u.text); fake.queue.push(u); if (!fake.current) next(); },
    cancel() { fake.cancels++; fake.queue = []; fake.current = null; },
    pause() {}, resume() {}, addEventListener() {}, removeEventListener() {},
  };
  fake.step = () => {
    const u = fake.current;
    if (!u) return 'none';
    if (!fake.started) { fake.started = true; if (u.onstart) u.onstart({}); return 'start'; }
    const words = Array.from(u.text.matchAll(/\\S+/g));
    fake.pos++;
    if (boundaries && fake.pos < words.length) {
      const m = words[fake.pos];
      if (u.onboundary) u.onboundary({ name: 'word', charIndex: m.index, charLength: m[0].length });
      return 'word';
    }
    fake.current = null;
    if (u.onend) u.onend({});
    if (!fake.current) next();
    return 'end';
  };
  for (const [key, value] of [['speechSynthesis', synth], ['SpeechSynthesisUtterance', Utterance], ['__fakeSpeech', fake]])
    Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
  return true;
}`;

/** Runs `func` (source text) in the reader's world of `page`'s tab; returns its result. */
async function inReaderWorld<T>(h: Harness, page: Page, func: string, args: unknown[] = []): Promise<T> {
  const tabId = await h.tabIdOf(page);
  return inExtension<T>(
    h,
    `(async () => {
      const api = globalThis.browser ?? chrome;
      const [r] = await api.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${func}, args: ${JSON.stringify(args)} });
      return r.result;
    })()`,
  );
}

const installFake = (h: Harness, page: Page, voices: unknown[], boundaries = true) =>
  inReaderWorld<boolean>(h, page, FAKE_SPEECH, [voices, boundaries]);
const step = (h: Harness, page: Page) =>
  inReaderWorld<string>(h, page, '() => globalThis.__fakeSpeech.step()');
const fakeState = (h: Harness, page: Page) =>
  inReaderWorld<{ spoken: string[]; cancels: number; speaking: boolean }>(
    h,
    page,
    '() => { const f = globalThis.__fakeSpeech; return { spoken: f.spoken, cancels: f.cancels, speaking: f.current !== null }; }',
  );

/** The highlighted text, as the page sees it (CSS.highlights is the document's registry). */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h) => h.forEach((r) => out.push(r.toString().replace(/\s+/g, ' ').trim())));
    return out;
  });

const buttonName = (page: Page, action: string) =>
  page.evaluate(
    (a: string) =>
      document
        .querySelector('[data-lectern-host]')!
        .shadowRoot!.querySelector(`button[data-action="${a}"] .label`)!.textContent,
    action,
  );

async function waitForName(page: Page, action: string, want: string): Promise<void> {
  await waitFor(
    () => buttonName(page, action),
    (n) => n === want,
    `the ${action} button named ${want}`,
  );
}

/** A step, then the highlight it leads to. */
async function stepTo(h: Harness, page: Page, want: string[]): Promise<string[]> {
  expect(await step(h, page)).not.toBe('none');
  return waitFor(
    () => highlighted(page),
    (got) => JSON.stringify(got) === JSON.stringify(want),
    `highlight ${JSON.stringify(want)}`,
  );
}

async function openReader(h: Harness, page: Page): Promise<void> {
  await toggleReader(h, page);
  await waitForDialog(page);
  await page.bringToFront();
}

async function ctrlAlt(page: Page, keyName: 'Space' | 'Period' | 'Comma' | 'Slash'): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.down('Alt');
  await page.keyboard.press(keyName);
  await page.keyboard.up('Alt');
  await page.keyboard.up('Control');
}

const FIRST = 'The harbour town of Westmere woke on Tuesday';

describe(`[${name}] read aloud (fake engine in the reader's world)`, () => {
  const suite = readerSuite();

  test('words highlighted in order; Pause, Resume from the same word, Next sentence; axe; Escape stops', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    await openReader(h, page);
    expect(await installFake(h, page, [EN])).toBe(true);
    expect(await buttonName(page, 'read-aloud')).toBe('Read aloud');

    if (chromium) {
      // From the keyboard: Tab to the toolbar (Close), End (Next sentence), three to the left, Enter.
      await page.keyboard.press('Tab');
      await page.keyboard.press('End');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
    } else await clickInOverlay(page, 'button[data-action="read-aloud"]');
    await waitForName(page, 'read-aloud', 'Pause');
    const first = (await fakeState(h, page)).spoken[0]!;
    expect(first.startsWith(FIRST)).toBe(true);

    expect(await step(h, page)).toBe('start');
    await stepTo(h, page, ['The']);
    await stepTo(h, page, ['harbour']);
    await stepTo(h, page, ['town']);
    expect((await runAxe(page, 'overlay')).violations).toEqual([]);

    // Pause: the utterance is cancelled, nothing more is said, the word stays marked.
    const cancels = (await fakeState(h, page)).cancels;
    if (chromium) await ctrlAlt(page, 'Space');
    else await clickInOverlay(page, 'button[data-action="read-aloud"]');
    await waitForName(page, 'read-aloud', 'Resume');
    const paused = await fakeState(h, page);
    expect(paused.cancels).toBeGreaterThan(cancels);
    expect(paused.speaking).toBe(false);
    expect(await step(h, page)).toBe('none');
    expect(await highlighted(page)).toEqual(['town']);
    expect((await runAxe(page, 'overlay')).violations).toEqual([]);

    // Resume: the same sentence again, from the word last heard.
    await clickInOverlay(page, 'button[data-action="read-aloud"]');
    await waitForName(page, 'read-aloud', 'Pause');
    const resumed = (await fakeState(h, page)).spoken.at(-1)!;
    expect(resumed.startsWith('town of Westmere woke')).toBe(true);
    expect(await step(h, page)).toBe('start');
    await stepTo(h, page, ['town']);
    await stepTo(h, page, ['of']);

    // Next sentence: the second paragraph.
    if (chromium) await ctrlAlt(page, 'Period');
    else await clickInOverlay(page, 'button[data-action="next"]');
    await waitFor(
      async () => (await fakeState(h, page)).spoken.at(-1)!,
      (text) => text.startsWith('The lamp, a nineteenth-century lens'),
      'the next sentence spoken',
    );
    expect(await step(h, page)).toBe('start');
    await stepTo(h, page, ['The']);
    await stepTo(h, page, ['lamp,']);

    // Escape closes the reader, and with it the speech and the highlight.
    const before = (await fakeState(h, page)).cancels;
    await page.keyboard.press('Escape');
    await waitForDialog(page, false);
    const after = await fakeState(h, page);
    expect(after.cancels).toBeGreaterThan(before);
    expect(after.speaking).toBe(false);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  });

  test('a voice without word boundaries gets the sentence highlighted', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    await openReader(h, page);
    await installFake(h, page, [EN], false);
    await clickInOverlay(page, 'button[data-action="read-aloud"]');
    await waitForName(page, 'read-aloud', 'Pause');
    const sentence = (await fakeState(h, page)).spoken[0]!;
    expect(sentence.startsWith(FIRST)).toBe(true);
    expect(await step(h, page)).toBe('start');
    const shown = await waitFor(
      () => highlighted(page),
      (got) => got.length === 1,
      'a highlight',
    );
    expect(shown).toEqual([sentence]);
    expect(sentence.endsWith('at a village meeting.')).toBe(true);
  });

  test('no voice: the reader says so, with how to get one on Linux', async () => {
    const { h, server, track } = suite;
    const page = track(await openArticle(h, server));
    await openReader(h, page);
    await installFake(h, page, []);
    await clickInOverlay(page, 'button[data-action="read-aloud"]');
    const notice = await waitFor(
      () =>
        page.evaluate(
          () =>
            document
              .querySelector('[data-lectern-host]')!
              .shadowRoot!.querySelector('[data-notice="read-aloud"]')?.textContent ?? '',
        ),
      (text) => text !== '',
      'the no-voice notice',
    );
    expect(notice).toMatch(/^No voice is installed for reading aloud\./);
    expect(notice).toContain('speech-dispatcher and espeak-ng');
    expect(await buttonName(page, 'read-aloud')).toBe('Read aloud');
  });
});
