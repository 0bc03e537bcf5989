import type { SpeechEngine, VoiceLike } from '../../../src/speech/engine';
import { orderVoices, pickVoice, waitForVoices } from '../../../src/speech/voices';

const v = (name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike => ({
  name,
  lang,
  localService: true,
  default: false,
  ...extra,
});

const VOICES = [
  v('English (America)', 'en-US', { default: true }),
  v('Google Urdu', 'ur-PK', { localService: false }),
  v('Urdu (India)', 'ur-IN'),
  v('Urdu', 'ur_PK'),
  v('Arabic', 'ar'),
];

describe('local voices', () => {
  test("Firefox's own system voices count as local; a network voice never does", () => {
    const speechd = v('English (America)+Max', 'en-US', {
      localService: false,
      voiceURI: 'urn:moz-tts:speechd:English%20(America)%2BMax?en-US',
    });
    const network = v('Google US English', 'en-US', { localService: false, voiceURI: 'Google US English' });
    expect(pickVoice([network, speechd], 'en-US', null).voice).toBe(speechd);
    expect(orderVoices([network, speechd], 'en').forLanguage).toEqual([speechd]);
  });
});

describe('pickVoice', () => {
  test('automatic: the local voice of the article language, same region first; network voices never', () => {
    expect(pickVoice(VOICES, 'ur-PK', null)).toEqual({ voice: VOICES[3], fallbackFrom: null });
    expect(pickVoice(VOICES, 'ur', null)).toEqual({ voice: VOICES[2], fallbackFrom: null });
    expect(pickVoice(VOICES, '', null)).toEqual({ voice: VOICES[0], fallbackFrom: null });
  });

  test('a stored voice the machine has is used', () => {
    expect(pickVoice(VOICES, 'ur', { name: 'Urdu', lang: 'ur-PK' }).voice).toBe(VOICES[3]);
  });

  test('a stored voice the machine lacks falls back to the best match, and says from what', () => {
    expect(pickVoice(VOICES, 'ur-PK', { name: 'Zira', lang: 'ur-PK' })).toEqual({
      voice: VOICES[3],
      fallbackFrom: { name: 'Zira', lang: 'ur-PK' },
    });
  });

  test('a stored voice for another language is not used for this one, silently', () => {
    expect(pickVoice(VOICES, 'ar', { name: 'English (America)', lang: 'en-US' })).toEqual({
      voice: VOICES[4],
      fallbackFrom: null,
    });
  });

  test('no voice for the language, or none at all', () => {
    expect(pickVoice(VOICES, 'fr', null)).toEqual({ voice: null, reason: 'no-language-voice', lang: 'fr' });
    expect(pickVoice([VOICES[1]!], 'ur', null)).toEqual({ voice: null, reason: 'no-voices', lang: 'ur' });
  });
});

test('the voice menu lists the article language first, then the others (local only)', () => {
  const { forLanguage, others } = orderVoices(VOICES, 'ur-PK');
  expect(forLanguage.map((x) => x.name)).toEqual(['Urdu', 'Urdu (India)']);
  expect(others.map((x) => x.name)).toEqual(['English (America)', 'Arabic']);
});

describe('waitForVoices', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function engine(list: VoiceLike[]): SpeechEngine & { fire(): void } {
    const listeners = new Set<() => void>();
    return {
      getVoices: () => list,
      speak: () => undefined,
      cancel: () => undefined,
      onVoicesChanged: (l) => (listeners.add(l), () => listeners.delete(l)),
      fire: () => listeners.forEach((l) => l()),
    };
  }

  test('voiceschanged never fires: the poll finds the voices', async () => {
    const list: VoiceLike[] = [];
    const e = engine(list);
    let got: readonly VoiceLike[] | null = null;
    void waitForVoices(e, { pollMs: 100, timeoutMs: 3000 }).then((x) => (got = x));
    await jest.advanceTimersByTimeAsync(150);
    expect(got).toBeNull();
    list.push(VOICES[0]!);
    await jest.advanceTimersByTimeAsync(100);
    expect(got).toEqual([VOICES[0]]);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('voiceschanged ends the wait at once', async () => {
    const list: VoiceLike[] = [];
    const e = engine(list);
    const waiting = waitForVoices(e);
    list.push(VOICES[2]!);
    e.fire();
    await expect(waiting).resolves.toEqual([VOICES[2]]);
  });

  test('no voices ever: [] after the timeout', async () => {
    const waiting = waitForVoices(engine([]), { timeoutMs: 2000 });
    await jest.advanceTimersByTimeAsync(2000);
    await expect(waiting).resolves.toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
