/**
 * Read aloud in the reader (src/overlay/read-aloud.ts), with a fake Web Speech API and a fake highlight
 * registry installed on the window, as the reader finds them; fake timers, no real waits.
 */
import { article } from './helpers';
import { key, useOverlays } from './fixture';
import { READ_ALOUD_NOTICE } from '../../../src/overlay/read-aloud';

const { make } = useOverlays();

interface FakeUtterance {
  text: string;
  lang: string;
  rate: number;
  voice: unknown;
  onstart?: () => void;
  onend?: () => void;
  onerror?: (e: { error: string }) => void;
  onboundary?: (e: { name: string; charIndex: number; charLength?: number }) => void;
}

const VOICE = { name: 'Fake English', lang: 'en-US', localService: true, default: true, voiceURI: 'fake' };

class FakeSynth {
  voices: unknown[] = [VOICE];
  spoken: FakeUtterance[] = [];
  cancels = 0;
  getVoices = () => this.voices;
  speak(u: FakeUtterance) {
    this.spoken.push(u);
  }
  cancel() {
    this.cancels++;
  }
  addEventListener() {}
  removeEventListener() {}
  get last(): FakeUtterance {
    return this.spoken[this.spoken.length - 1]!;
  }
  texts() {
    return this.spoken.map((u) => u.text);
  }
  /** The last utterance starts and says its first `n` words. */
  words(n: number) {
    const u = this.last;
    u.onstart?.();
    for (const m of Array.from(u.text.matchAll(/\S+/g)).slice(0, n))
      u.onboundary?.({ name: 'word', charIndex: m.index!, charLength: m[0].length });
  }
}

class FakeHighlight {
  ranges = new Set<Range>();
  add(r: Range) {
    this.ranges.add(r);
  }
  clear() {
    this.ranges.clear();
  }
}

type SpeechGlobals = Record<string, unknown>;
const g = globalThis as unknown as SpeechGlobals;
let synth: FakeSynth;
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  jest.useFakeTimers();
  synth = new FakeSynth();
  registry = new Map();
  g.speechSynthesis = synth;
  g.SpeechSynthesisUtterance = function (this: FakeUtterance, text: string) {
    this.text = text;
  };
  g.CSS = { highlights: registry };
  g.Highlight = FakeHighlight;
});
afterEach(() => {
  jest.useRealTimers();
  for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance', 'CSS', 'Highlight']) delete g[name];
});

/** The reader open on the test article with the fake engine; `name()` is the Read aloud button's name. */
function reader(settings = {}) {
  const made = make(settings);
  made.overlay.setContent({ kind: 'article', article: article(document) });
  made.overlay.open();
  const button = (action: string) => made.$(`button[data-action="${action}"]`) as HTMLButtonElement;
  const name = () => button('read-aloud').querySelector('.label')!.textContent;
  const highlighted = () => Array.from(registry.values()).flatMap((h) => [...h.ranges].map(String));
  const status = () => made.overlay.status.textContent;
  return { ...made, button, name, highlighted, status };
}

/** Lets the player's voice look-up (a promise) settle. */
const settle = () => jest.advanceTimersByTimeAsync(0);

test('the button is named Read aloud → Pause → Resume; Stop/Previous/Next only while reading', async () => {
  const r = reader();
  expect(r.name()).toBe('Read aloud');
  expect(['stop', 'previous', 'next'].map((a) => r.button(a).getAttribute('aria-disabled'))).toEqual([
    'true',
    'true',
    'true',
  ]);
  expect(r.button('read-aloud').getAttribute('aria-keyshortcuts')).toBe('Control+Alt+Space');
  // Nothing of speech is touched before the button is pressed.
  expect(synth.spoken).toHaveLength(0);
  r.button('read-aloud').click();
  await settle();
  expect(r.name()).toBe('Pause');
  expect(synth.texts()).toEqual(['First paragraph of the article.']);
  expect(['stop', 'previous', 'next'].map((a) => r.button(a).getAttribute('aria-disabled'))).toEqual([
    'false',
    'false',
    'false',
  ]);
  r.button('read-aloud').click();
  expect(r.name()).toBe('Resume');
  expect(synth.cancels).toBeGreaterThan(0);
  r.button('read-aloud').click();
  expect(r.name()).toBe('Pause');
  r.button('stop').click();
  expect(r.name()).toBe('Read aloud');
  expect(r.button('stop').getAttribute('aria-disabled')).toBe('true');
});

test('the word being read is highlighted; Resume goes on from it; Next and Previous move by sentence', async () => {
  const r = reader();
  r.button('read-aloud').click();
  await settle();
  synth.words(2);
  expect(r.highlighted()).toEqual(['paragraph']);
  r.button('read-aloud').click(); // Pause
  r.button('read-aloud').click(); // Resume: the sentence again, from the word last heard
  expect(synth.last.text).toBe('paragraph of the article.');
  r.button('next').click(); // the article's code block is the next block with text
  expect(synth.last.text).toBe('code');
  r.button('previous').click();
  expect(synth.last.text).toBe('First paragraph of the article.');
});

test('a voice without word boundaries gets the sentence; the Highlight setting applies while reading', async () => {
  const r = reader({ highlight: 'sentence' });
  r.button('read-aloud').click();
  await settle();
  expect(r.highlighted()).toEqual(['First paragraph of the article.']);
  r.overlay.applySettings({ ...r.overlay.currentSettings, highlight: 'off' });
  expect(r.highlighted()).toEqual([]);
});

test('settings changed while speaking reach the player (speed from the panel form)', async () => {
  const r = reader();
  r.button('read-aloud').click();
  await settle();
  expect(synth.last.rate).toBe(1);
  const speed = r.$('input[name="speechRate"]') as HTMLInputElement;
  speed.value = '2';
  speed.dispatchEvent(new Event('change'));
  expect(synth.last.rate).toBe(2);
  expect(synth.last.text).toBe('First paragraph of the article.');
  expect(r.changes).toContainEqual({ speechRate: 2 });
});

test('closing the reader stops speech and leaves no highlight in the page', async () => {
  const r = reader();
  r.button('read-aloud').click();
  await settle();
  synth.words(1);
  expect(registry.size).toBe(1);
  const cancels = synth.cancels;
  key(r.overlay.dialog, 'Escape');
  expect(r.overlay.isOpen).toBe(false);
  expect(synth.cancels).toBeGreaterThan(cancels);
  expect(registry.size).toBe(0);
  expect(r.name()).toBe('Read aloud');
});

test('no voice: the notice says so, with the Linux hint; the button stays usable', async () => {
  Object.defineProperty(navigator, 'userAgent', {
    value: 'Mozilla/5.0 (X11; Linux x86_64)',
    configurable: true,
  });
  synth.voices = [];
  const r = reader();
  r.button('read-aloud').click();
  await jest.advanceTimersByTimeAsync(3000); // the voice list is waited for, then given up on
  const notice = r.$(`[data-notice="${READ_ALOUD_NOTICE}"]`)!;
  expect(notice.textContent).toMatch(
    /^No voice is installed for reading aloud\. On Linux, install speech-dispatcher and espeak-ng/,
  );
  expect(r.name()).toBe('Read aloud');
  expect(r.button('read-aloud').getAttribute('aria-disabled')).toBeNull();
  delete (navigator as unknown as Record<string, unknown>).userAgent;
});

test('no speech API at all: the same notice at once', () => {
  delete g.speechSynthesis;
  const r = reader();
  r.button('read-aloud').click();
  expect(r.$(`[data-notice="${READ_ALOUD_NOTICE}"]`)!.textContent).toMatch(/^No voice is installed/);
});

test('announcements wait while speech is heard, and are said on pause', async () => {
  const r = reader();
  r.button('read-aloud').click();
  await settle();
  const before = r.status();
  r.overlay.stepSize(1);
  expect(r.status()).toBe(before);
  r.button('read-aloud').click(); // Pause
  expect(r.status()).toBe('Text size LG');
});

test('Ctrl+Alt+Space reads and pauses, Ctrl+Alt+. goes to the next sentence (the code block), Ctrl+Alt+/ stops', async () => {
  const r = reader();
  const press = (code: string) => key(r.overlay.main, '', { code, ctrlKey: true, altKey: true });
  press('Space');
  await settle();
  expect(r.name()).toBe('Pause');
  press('Period');
  expect(synth.last.text).toBe('code');
  press('Space');
  expect(r.name()).toBe('Resume');
  press('Slash');
  expect(r.name()).toBe('Read aloud');
});

test('read from here: the paragraph last clicked; alt text never, captions only when asked', async () => {
  const r = reader();
  const second = r.$('.article-body p:last-of-type')!;
  second.click();
  r.button('read-aloud').click();
  await settle();
  expect(synth.texts()).toEqual(['Second with a link.']);
  r.button('stop').click();
  r.overlay.applySettings({ ...r.overlay.currentSettings, readCaptions: true, images: false });
  r.overlay.setContent({ kind: 'article', article: article(document) }); // a fresh article: from the top
  r.button('read-aloud').click();
  await settle();
  const read: string[] = [];
  for (let i = 0; i < 6 && r.name() === 'Pause'; i++) {
    read.push(synth.last.text);
    synth.last.onstart?.();
    synth.last.onend?.();
  }
  expect(read).toEqual([
    'First paragraph of the article.',
    'The Westmere light, lit again.',
    'code',
    'Second with a link.',
  ]);
  expect(read.join(' ')).not.toContain('lighthouse at dusk');
});
