/**
 * Read aloud's two latencies in Chromium: the press of Read aloud to the first `start` event with a real
 * espeak-ng voice (Speech Dispatcher, started here and stopped after), and a word boundary to the frame
 * that paints its highlight, with a fake engine that says when the boundary fires.
 */
import type { Page } from 'puppeteer-core';
import { launch, type Harness } from '../lib/harness/browsers';
import {
  driveFakeSpeech,
  fakeSpeechEvents,
  installFakeSpeech,
  watchFakeSpeech,
} from '../lib/harness/fake-speech';
import {
  clickToolbarButton,
  installStartProbe,
  startTimes,
  toolbarNames,
  utteranceTimes,
  waitForHighlight,
} from '../lib/harness/read-aloud';
import { waitForDialog } from '../lib/harness/reader';
import { startServer } from '../lib/harness/server';
import { startVoices } from '../lib/harness/speech';
import { waitFor } from '../lib/harness/wait';
import { openFromBackground } from './open';
import { log } from './options';
import { round } from './stats';

/** An English article from the test fixtures (served from 127.0.0.1). */
const ARTICLE = '/e2e/article.html';

async function openReader(h: Harness, url: string): Promise<Page> {
  const page = await h.openPage(url);
  await page.bringToFront(); // frames (and so clicks and the paint probe) run in the tab in front
  await openFromBackground(h, await h.tabIdOf(page));
  await waitForDialog(page);
  return page;
}

const buttonNamed = (page: Page, name: string, timeoutMs = 15_000): Promise<string[]> =>
  waitFor(
    () => toolbarNames(page),
    (names) => names.includes(name),
    `a button named ${name}`,
    timeoutMs,
  );

/** Press of Read aloud (the click event's time) to the utterance's start event, `runs` times. */
export async function chromiumSpeechStart(
  runs: number,
): Promise<{ ms: number[]; toSpeakMs: number[]; voices: number }> {
  const voices = startVoices();
  const server = await startServer();
  let h: Harness | null = null;
  try {
    h = await launch('chromium', { blockExternal: true, speech: { xdgRuntimeDir: voices.xdgRuntimeDir } });
    const page = await openReader(h, server.url(ARTICLE));
    await installStartProbe(h, page);
    await page.evaluate(() => {
      const w = window as unknown as { __benchClicks: number[] };
      w.__benchClicks = [];
      // The press is the click event (the button acts on click); its timeStamp is when the browser
      // made it, on the same clock as the reader's performance.now().
      window.addEventListener('click', (e) => w.__benchClicks.push(e.timeStamp), true);
    });
    const ms: number[] = [];
    // Of which the reader's part: the press to the utterance handed to speak() (the rest is the engine's).
    const toSpeak: number[] = [];
    const clicksSoFar = (): Promise<number[]> =>
      page.evaluate(() => (window as unknown as { __benchClicks: number[] }).__benchClicks);
    for (let i = 0; i < runs; i++) {
      // Each press starts from a quiet engine: the reader idle, the window's speech ended.
      await buttonNamed(page, 'Read aloud');
      await waitFor(
        () => page.evaluate(() => speechSynthesis.speaking),
        (s) => !s,
        'speech to end',
      );
      const seen = {
        clicks: (await clicksSoFar()).length,
        starts: (await startTimes(page)).length,
        made: (await utteranceTimes(page)).length,
      };
      await clickToolbarButton(page, 'Read aloud');
      const starts = await waitFor(
        () => startTimes(page),
        (t) => t.length > seen.starts,
        'the utterance to start (a real voice)',
        20_000,
      );
      const pressed = (await clicksSoFar())[seen.clicks] as number;
      const made = (await utteranceTimes(page))[seen.made] as number;
      ms.push((starts[seen.starts] as number) - pressed);
      toSpeak.push(made - pressed);
      await buttonNamed(page, 'Pause');
      await clickToolbarButton(page, 'Stop');
    }
    await buttonNamed(page, 'Read aloud');
    const listed = await page.evaluate(() => speechSynthesis.getVoices().length);
    log(
      `  chromium read aloud, press → start (espeak-ng): ${ms.map((m) => round(m, 1)).join(', ')} ms; press → speak(): ${toSpeak.map((m) => round(m, 1)).join(', ')} ms`,
    );
    return { ms, toSpeakMs: toSpeak, voices: listed };
  } finally {
    await h?.close();
    await server.close();
    voices.stop();
  }
}

interface BoundaryWatch {
  painted: Promise<{ at: number; text: string }>;
}

/**
 * Word boundary (the fake's performance.now() just before it dispatches the event) to the end of the
 * first frame whose animation callbacks find the new word's range in CSS.highlights: a message posted
 * there is handled once that frame's style, layout and paint are done.
 */
export async function chromiumBoundaryPaint(runs: number): Promise<{ ms: number[] }> {
  const server = await startServer();
  let h: Harness | null = null;
  try {
    h = await launch('chromium', { blockExternal: true });
    const page = await openReader(h, server.url(ARTICLE));
    await installFakeSpeech(h, page);
    await watchFakeSpeech(page);
    await clickToolbarButton(page, 'Read aloud');
    await buttonNamed(page, 'Pause');
    // No boundary yet: the sentence is highlighted.
    await waitForHighlight(page, (t) => t.split(/\s+/).length > 2, 'the first sentence highlighted');
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => {
        const ranges = (): AbstractRange[] => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
          return [...registry.values()].flatMap((hl) => [...hl]);
        };
        const seen = new Set(ranges());
        let done: (v: { at: number; text: string }) => void = () => undefined;
        const watch: BoundaryWatch = { painted: new Promise((ok) => (done = ok)) };
        (window as unknown as { __boundary: BoundaryWatch }).__boundary = watch;
        const check = (): void => {
          const fresh = ranges().find((r) => !seen.has(r));
          if (!fresh) return void requestAnimationFrame(check);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            done({ at: performance.now(), text: String(fresh) });
            channel.port1.close();
          };
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(check);
      });
      await driveFakeSpeech(page, { lecternFakeSpeech: 'boundary', word: 1 + (i % 6) });
      const painted = await page.evaluate(
        () => (window as unknown as { __boundary: BoundaryWatch }).__boundary.painted,
      );
      const boundaries = await waitFor(
        () => fakeSpeechEvents(page),
        (e) => e.filter((x) => x.lecternFakeSpeechEvent === 'boundary').length > i,
        'the fake boundary event',
      );
      const fired = boundaries.filter((x) => x.lecternFakeSpeechEvent === 'boundary')[i]!;
      if (fired.word !== painted.text)
        throw new Error(`highlighted "${painted.text}" for the boundary of "${fired.word}"`);
      ms.push(painted.at - fired.at);
    }
    log(`  chromium read aloud, boundary → highlight painted: ${ms.map((m) => round(m, 1)).join(', ')} ms`);
    return { ms };
  } finally {
    await h?.close();
    await server.close();
  }
}
