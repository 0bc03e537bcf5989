import type {
  SpeechEngine,
  UtteranceHandlers,
  UtteranceRequest,
  VoiceLike,
} from '../../../src/speech/engine';
import type { PlayerEvent, PlayerSettings } from '../../../src/speech/events';
import { HEADING_PAUSE_MS, ReadAloudPlayer, stallTimeoutMs } from '../../../src/speech/player';

const VOICE: VoiceLike = { name: 'English', lang: 'en-US', localService: true, default: true };

class FakeEngine implements SpeechEngine {
  voices: VoiceLike[] = [VOICE];
  spoken: { request: UtteranceRequest; on: UtteranceHandlers }[] = [];
  cancels = 0;
  getVoices = () => this.voices;
  speak(request: UtteranceRequest, on: UtteranceHandlers) {
    this.spoken.push({ request, on });
  }
  cancel() {
    this.cancels++;
  }
  onVoicesChanged = () => () => undefined;
  get last() {
    return this.spoken[this.spoken.length - 1]!;
  }
  texts() {
    return this.spoken.map((s) => s.request.text);
  }
  /** The last utterance starts, says each word (with or without charLength), and ends. */
  sayAll(words = true, withLength = true) {
    const { request, on } = this.last;
    on.start();
    if (words) {
      for (const m of request.text.matchAll(/\S+/g))
        on.boundary('word', m.index!, withLength ? m[0].length : undefined);
    }
    on.end();
  }
}

const CHUNKS = [
  { text: 'Title here', kind: 'heading' as const },
  { text: 'One two. Three four.', kind: 'text' as const },
  { text: 'Five six.', kind: 'text' as const },
];
const SETTINGS: PlayerSettings = { voice: null, speechRate: 1, highlight: 'word' };

async function started(settings: Partial<PlayerSettings> = {}, engine = new FakeEngine()) {
  const player = new ReadAloudPlayer({
    engine,
    chunks: CHUNKS,
    lang: 'en',
    settings: { ...SETTINGS, ...settings },
  });
  const events: PlayerEvent[] = [];
  player.on((e) => events.push(e));
  await player.play();
  return {
    player,
    engine,
    events,
    states: () => events.filter((e) => e.type === 'state').map((e) => e.state),
  };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('play: loading, then one sentence per utterance, a pause after the heading, then ended', async () => {
  const { player, engine, events, states } = await started();
  expect(states()).toEqual(['loading', 'speaking']);
  expect(engine.last.request).toEqual({ text: 'Title here', lang: 'en', rate: 1, voice: VOICE });
  engine.sayAll();
  expect(engine.spoken).toHaveLength(1);
  jest.advanceTimersByTime(HEADING_PAUSE_MS);
  expect(engine.texts()).toEqual(['Title here', 'One two.']);
  engine.sayAll();
  engine.sayAll();
  engine.sayAll();
  expect(engine.texts()).toEqual(['Title here', 'One two.', 'Three four.', 'Five six.']);
  expect(player.state).toBe('idle');
  expect(events.slice(-3)).toEqual([
    { type: 'state', state: 'idle' },
    { type: 'highlight', target: null },
    { type: 'ended' },
  ]);
  expect(events.filter((e) => e.type === 'chunk').map((e) => e.chunk)).toEqual([0, 1, 2]);
});

test('word highlight from boundaries, with or without charLength; offsets are in the chunk', async () => {
  const { engine, events } = await started();
  const highlights = () => events.flatMap((e) => (e.type === 'highlight' && e.target ? [e.target] : []));
  // Before any word boundary, the sentence is highlighted.
  expect(highlights()).toEqual([{ chunk: 0, start: 0, end: 10, unit: 'sentence' }]);
  engine.sayAll(true, false);
  jest.advanceTimersByTime(HEADING_PAUSE_MS);
  engine.sayAll();
  engine.last.on.start();
  engine.last.on.boundary('word', 6, 4);
  expect(highlights().slice(-1)).toEqual([{ chunk: 1, start: 15, end: 19, unit: 'word' }]);
  expect(
    highlights()
      .filter((h) => h.unit === 'word')
      .map((h) => CHUNKS[h.chunk]!.text.slice(h.start, h.end)),
  ).toEqual(['Title', 'here', 'One', 'two.', 'four']);
});

test('a voice without word boundaries gets sentence highlighting after the first sentence', async () => {
  const { engine, events } = await started();
  engine.sayAll(false);
  jest.advanceTimersByTime(HEADING_PAUSE_MS);
  engine.sayAll(false);
  const last = events.filter((e) => e.type === 'highlight').slice(-1)[0];
  expect(last).toEqual({ type: 'highlight', target: { chunk: 1, start: 9, end: 20, unit: 'sentence' } });
});

test('highlight off sends no range', async () => {
  const { engine, events } = await started({ highlight: 'off' });
  engine.sayAll();
  expect(events.some((e) => e.type === 'highlight' && e.target)).toBe(false);
});

test('pause cancels and resume re-speaks the sentence from the last word boundary', async () => {
  const { player, engine, states } = await started();
  jest.advanceTimersByTime(0);
  engine.sayAll();
  jest.advanceTimersByTime(HEADING_PAUSE_MS);
  engine.last.on.start();
  engine.last.on.boundary('word', 0, 3);
  engine.last.on.boundary('word', 4, 4);
  player.toggle();
  expect(player.state).toBe('paused');
  expect(engine.cancels).toBe(1);
  // The cancelled utterance's late events change nothing.
  engine.spoken[1]!.on.error('interrupted');
  engine.spoken[1]!.on.end();
  jest.advanceTimersByTime(60_000);
  expect(engine.spoken).toHaveLength(2);
  player.toggle();
  expect(engine.last.request.text).toBe('two.');
  expect(states()).toEqual(['loading', 'speaking', 'paused', 'speaking']);
});

test('stop: idle, highlight cleared, stale events ignored', async () => {
  const { player, engine, events } = await started();
  const old = engine.last;
  player.stop();
  expect(player.state).toBe('idle');
  expect(events.slice(-1)).toEqual([{ type: 'highlight', target: null }]);
  old.on.end();
  jest.advanceTimersByTime(60_000);
  expect(engine.spoken).toHaveLength(1);
  expect(events.some((e) => e.type === 'ended')).toBe(false);
});

test('next and previous move by sentence, across chunks, and stay paused when paused', async () => {
  const { player, engine } = await started();
  player.next();
  expect(engine.last.request.text).toBe('One two.');
  player.next();
  expect(engine.last.request.text).toBe('Three four.');
  player.previous();
  player.previous();
  player.previous();
  expect(engine.last.request.text).toBe('Title here');
  player.pause();
  const count = engine.spoken.length;
  player.next();
  expect(engine.spoken).toHaveLength(count);
  expect(player.position).toEqual({ chunk: 1, start: 0, end: 8 });
  player.resume();
  expect(engine.last.request.text).toBe('One two.');
  player.next();
  player.next();
  player.next();
  expect(player.state).toBe('idle');
});

test('a stalled sentence is retried once, then skipped and reported', async () => {
  const { engine, events } = await started();
  const limit = stallTimeoutMs('Title here'.length, 1);
  jest.advanceTimersByTime(limit - 1);
  expect(engine.spoken).toHaveLength(1);
  jest.advanceTimersByTime(1);
  expect(engine.texts()).toEqual(['Title here', 'Title here']);
  expect(engine.cancels).toBe(1);
  jest.advanceTimersByTime(limit);
  expect(events).toContainEqual({ type: 'notice', notice: { kind: 'skipped', chunk: 0, sentence: 0 } });
  expect(engine.texts()).toEqual(['Title here', 'Title here', 'One two.']);
});

test('progress keeps the watchdog away; the limit grows with length and shrinks with rate', async () => {
  expect(stallTimeoutMs(200, 1)).toBeGreaterThan(stallTimeoutMs(20, 1));
  expect(stallTimeoutMs(200, 2)).toBeLessThan(stallTimeoutMs(200, 1));
  const { engine } = await started();
  const limit = stallTimeoutMs('Title here'.length, 1);
  jest.advanceTimersByTime(limit - 10);
  engine.last.on.start();
  jest.advanceTimersByTime(limit - 10);
  engine.last.on.boundary('word', 6, 4);
  // From a boundary on, the limit is for the characters still to be said.
  jest.advanceTimersByTime(stallTimeoutMs(4, 1) - 10);
  expect(engine.spoken).toHaveLength(1);
  jest.advanceTimersByTime(10);
  expect(engine.spoken).toHaveLength(2);
});

test('an engine error is retried once, then skipped; not-allowed stops with a notice', async () => {
  const { player, engine, events } = await started();
  engine.last.on.error('synthesis-failed');
  expect(engine.texts()).toEqual(['Title here', 'Title here']);
  engine.last.on.error('synthesis-failed');
  expect(events).toContainEqual({ type: 'notice', notice: { kind: 'skipped', chunk: 0, sentence: 0 } });
  expect(engine.last.request.text).toBe('One two.');
  engine.last.on.error('not-allowed');
  expect(player.state).toBe('idle');
  expect(events.slice(-1)).toEqual([{ type: 'notice', notice: { kind: 'error', code: 'not-allowed' } }]);
});

test('a live rate or voice change re-speaks the current sentence from its start', async () => {
  const other: VoiceLike = { name: 'Other', lang: 'en-GB', localService: true, default: false };
  const engine = new FakeEngine();
  engine.voices = [VOICE, other];
  const { player } = await started({}, engine);
  player.next();
  engine.last.on.start();
  engine.last.on.boundary('word', 4, 4);
  player.updateSettings({ ...SETTINGS, speechRate: 1.5 });
  expect(engine.last.request).toMatchObject({ text: 'One two.', rate: 1.5 });
  player.updateSettings({ ...SETTINGS, speechRate: 1.5, voice: { name: 'Other', lang: 'en-GB' } });
  expect(engine.last.request).toMatchObject({ text: 'One two.', voice: other });
  const count = engine.spoken.length;
  player.updateSettings({
    ...SETTINGS,
    speechRate: 1.5,
    voice: { name: 'Other', lang: 'en-GB' },
    highlight: 'sentence',
  });
  expect(engine.spoken).toHaveLength(count);
});

test('a stored voice missing here: the best match reads, and the fallback is said once', async () => {
  const engine = new FakeEngine();
  const { player, events } = await started({ voice: { name: 'Gone', lang: 'en-US' } }, engine);
  player.stop();
  await player.play();
  const notices = events.filter((e) => e.type === 'notice');
  expect(notices).toEqual([
    {
      type: 'notice',
      notice: { kind: 'voice-fallback', wanted: { name: 'Gone', lang: 'en-US' }, used: VOICE },
    },
  ]);
  expect(engine.last.request.voice).toBe(VOICE);
});

test('no voice for the language: no-voice with the language, back to idle', async () => {
  const engine = new FakeEngine();
  const player = new ReadAloudPlayer({
    engine,
    chunks: CHUNKS,
    lang: 'ur-PK',
    settings: SETTINGS,
    linux: true,
  });
  const events: PlayerEvent[] = [];
  player.on((e) => events.push(e));
  await player.play();
  expect(player.state).toBe('idle');
  expect(events).toContainEqual({
    type: 'notice',
    notice: { kind: 'no-voice', reason: 'no-language-voice', lang: 'ur-PK', linux: true },
  });
  expect(engine.spoken).toHaveLength(0);
});

test('voices that come late are waited for; stop while loading ends the wait quietly', async () => {
  const engine = new FakeEngine();
  engine.voices = [];
  const player = new ReadAloudPlayer({ engine, chunks: CHUNKS, lang: 'en', settings: SETTINGS });
  const playing = player.play();
  expect(player.state).toBe('loading');
  engine.voices = [VOICE];
  await jest.advanceTimersByTimeAsync(300);
  await playing;
  expect(player.state).toBe('speaking');
  player.stop();
  engine.voices = [];
  const again = player.play();
  player.pause();
  await jest.advanceTimersByTimeAsync(5000);
  await again;
  expect(player.state).toBe('idle');
  expect(engine.spoken).toHaveLength(1);
});

test('Read from here starts at the given chunk', async () => {
  const engine = new FakeEngine();
  const player = new ReadAloudPlayer({ engine, chunks: CHUNKS, lang: 'en', settings: SETTINGS });
  await player.play(2);
  expect(engine.texts()).toEqual(['Five six.']);
});
