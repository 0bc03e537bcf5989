/**
 * A fake speech engine for the reader, put in place of `speechSynthesis` and `SpeechSynthesisUtterance`
 * in the extension's content-script world (where the reader runs), and driven from the page's world by
 * window messages: the bench times a word boundary with it, the screenshot stops on a word with it.
 */
import type { Page } from 'puppeteer-core';
import type { Harness } from './browsers';

/** What the page posts to drive the fake (window.postMessage, any origin: same window). */
export type FakeSpeechCommand =
  { lecternFakeSpeech: 'boundary'; word: number } | { lecternFakeSpeech: 'end' };

/** What the fake posts back: each event, with its performance.now() taken just before dispatching it. */
export interface FakeSpeechEvent {
  lecternFakeSpeechEvent: 'start' | 'boundary' | 'end';
  at: number;
  text: string;
  /** The word of a boundary. */
  word?: string;
}

/**
 * The fake, as source (it runs through chrome.scripting.executeScript, so it must stand alone: no
 * closure, no bundler helpers). One local English voice; speak() starts at once and then waits for
 * commands. No boundary or end comes by itself: the driver says when.
 */
const FAKE_SOURCE = `function lecternFakeSpeech() {
  const post = (event) => window.postMessage(event, '*');
  const voice = { name: 'Lectern test voice', lang: 'en-US', localService: true, default: true, voiceURI: 'lectern-test' };
  let current = null;
  const listeners = new Set();
  const synth = {
    speaking: false,
    paused: false,
    pending: false,
    getVoices: () => [voice],
    speak(u) {
      current = u;
      synth.speaking = true;
      setTimeout(() => {
        if (current !== u) return;
        post({ lecternFakeSpeechEvent: 'start', at: performance.now(), text: u.text });
        u.onstart && u.onstart({ type: 'start', utterance: u });
      }, 0);
    },
    cancel() {
      const u = current;
      current = null;
      synth.speaking = false;
      if (u && u.onerror) setTimeout(() => u.onerror({ type: 'error', error: 'interrupted', utterance: u }), 0);
    },
    pause() {},
    resume() {},
    addEventListener: (type, fn) => type === 'voiceschanged' && listeners.add(fn),
    removeEventListener: (type, fn) => listeners.delete(fn),
  };
  class Utterance {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.rate = 1;
      this.voice = null;
      this.onstart = this.onend = this.onerror = this.onboundary = null;
    }
  }
  window.addEventListener('message', (e) => {
    const c = e.data;
    const u = current;
    if (!c || typeof c.lecternFakeSpeech !== 'string' || !u) return;
    if (c.lecternFakeSpeech === 'boundary') {
      const words = [...u.text.matchAll(/[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*/gu)];
      const m = words[Math.min(c.word, words.length - 1)];
      if (!m) return;
      const at = performance.now();
      u.onboundary && u.onboundary({ type: 'boundary', name: 'word', charIndex: m.index, charLength: m[0].length, utterance: u });
      post({ lecternFakeSpeechEvent: 'boundary', at, text: u.text, word: m[0] });
    } else if (c.lecternFakeSpeech === 'end') {
      current = null;
      synth.speaking = false;
      post({ lecternFakeSpeechEvent: 'end', at: performance.now(), text: u.text });
      u.onend && u.onend({ type: 'end', utterance: u });
    }
  });
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  define('speechSynthesis', synth);
  define('SpeechSynthesisUtterance', Utterance);
}`;

/**
 * Installs the fake in the content-script world of `page`'s tab (from an extension page, with
 * chrome.scripting), before the first press of Read aloud: the reader makes its engine then.
 */
export async function installFakeSpeech(h: Harness, page: Page): Promise<void> {
  const tabId = await h.tabIdOf(page);
  await h.evalInExtension(
    `(globalThis.browser ?? chrome).scripting.executeScript({ target: { tabId: ${tabId} }, func: ${FAKE_SOURCE} }).then(() => true)`,
  );
}

/** Starts collecting the fake's events in the page's world (read them with fakeSpeechEvents). */
export async function watchFakeSpeech(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __fakeSpeechEvents?: unknown[] };
    if (w.__fakeSpeechEvents) return;
    const events: unknown[] = [];
    w.__fakeSpeechEvents = events;
    window.addEventListener('message', (e: MessageEvent) => {
      const data = e.data as { lecternFakeSpeechEvent?: string } | null;
      if (data && typeof data.lecternFakeSpeechEvent === 'string') events.push(data);
    });
  });
}

export async function fakeSpeechEvents(page: Page): Promise<FakeSpeechEvent[]> {
  return page.evaluate(
    () => (window as unknown as { __fakeSpeechEvents?: FakeSpeechEvent[] }).__fakeSpeechEvents ?? [],
  );
}

/** Sends a command to the fake from the page's world. */
export async function driveFakeSpeech(page: Page, command: FakeSpeechCommand): Promise<void> {
  await page.evaluate((c: FakeSpeechCommand) => window.postMessage(c, '*'), command);
}
