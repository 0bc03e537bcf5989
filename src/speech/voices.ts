/**
 * Which voice reads an article: the stored choice when this machine has it, else the best local voice
 * for the article's language; and the wait for the voice list, which may come late or never announce
 * itself (voiceschanged does not fire in some engines).
 */
import type { VoiceChoice } from '../shared/settings';
import type { SpeechEngine, VoiceLike } from './engine';
import { realClock, type Clock } from './clock';

/** 'ur_PK' and 'UR-pk' → 'ur-pk'. */
export function normalizeLang(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}
/** 'ur-PK' → 'ur'. */
export function primaryLang(tag: string): string {
  return normalizeLang(tag).split('-')[0] ?? '';
}

/**
 * Voices that never leave the machine. Firefox marks the voices of its own system backends (Speech
 * Dispatcher on Linux, SAPI, macOS) `localService: false` (seen in Firefox ESR 153 with Speech
 * Dispatcher, December 2026), though they speak on this machine: their `urn:moz-tts:` id says so.
 */
export function localVoices(voices: readonly VoiceLike[]): VoiceLike[] {
  return voices.filter((v) => v.localService !== false || (v.voiceURI ?? '').startsWith('urn:moz-tts:'));
}

/** The voice menu: the article language's voices first, then all others. */
export function orderVoices(
  voices: readonly VoiceLike[],
  lang: string,
): { forLanguage: VoiceLike[]; others: VoiceLike[] } {
  const local = localVoices(voices);
  const primary = primaryLang(lang);
  const forLanguage = primary
    ? rank(
        local.filter((v) => primaryLang(v.lang) === primary),
        lang,
      )
    : [];
  return { forLanguage, others: local.filter((v) => !forLanguage.includes(v)) };
}

/** Same region first, then the system's default voice, then the engine's order. */
function rank(voices: VoiceLike[], lang: string): VoiceLike[] {
  const exact = normalizeLang(lang);
  const score = (v: VoiceLike) => (normalizeLang(v.lang) === exact ? 2 : 0) + (v.default ? 1 : 0);
  return voices
    .map((v, i) => ({ v, i }))
    .sort((a, b) => score(b.v) - score(a.v) || a.i - b.i)
    .map(({ v }) => v);
}

export type VoicePick =
  | { voice: VoiceLike; fallbackFrom: VoiceChoice | null }
  | { voice: null; reason: 'no-voices' | 'no-language-voice'; lang: string };

/**
 * The voice for an article in `lang`. A stored choice for another language is not used (automatic for
 * this one, silently); a stored choice for this language that the machine lacks falls back to the best
 * match and says so (fallbackFrom).
 */
export function pickVoice(voices: readonly VoiceLike[], lang: string, stored: VoiceChoice | null): VoicePick {
  const local = localVoices(voices);
  if (local.length === 0) return { voice: null, reason: 'no-voices', lang };
  const primary = primaryLang(lang);
  const storedFits = stored != null && (!primary || !stored.lang || primaryLang(stored.lang) === primary);
  if (stored && storedFits) {
    const same = local.filter((v) => v.name === stored.name);
    const found = same.find((v) => normalizeLang(v.lang) === normalizeLang(stored.lang)) ?? same[0];
    if (found) return { voice: found, fallbackFrom: null };
  }
  const candidates = primary ? orderVoices(local, lang).forLanguage : rank(local, '');
  const best = candidates[0];
  if (!best) return { voice: null, reason: 'no-language-voice', lang };
  return { voice: best, fallbackFrom: stored && storedFits ? stored : null };
}

export interface WaitOptions {
  clock?: Clock;
  /** Give up after this long: some engines never list a voice (no speech-dispatcher on Linux). */
  timeoutMs?: number;
  /** getVoices() is asked again this often, as voiceschanged may never fire. */
  pollMs?: number;
}

/** The engine's voices, as soon as it has any; [] after the timeout. */
export function waitForVoices(
  engine: SpeechEngine,
  options: WaitOptions = {},
): Promise<readonly VoiceLike[]> {
  const clock = options.clock ?? realClock();
  const timeoutMs = options.timeoutMs ?? 3000;
  const pollMs = options.pollMs ?? 250;
  const now = engine.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    let done = false;
    const timers: unknown[] = [];
    const finish = (voices: readonly VoiceLike[]) => {
      if (done) return;
      done = true;
      unsubscribe();
      for (const t of timers) clock.clearTimeout(t);
      resolve(voices);
    };
    const check = () => {
      const voices = engine.getVoices();
      if (voices.length) finish(voices);
    };
    const unsubscribe = engine.onVoicesChanged(check);
    const poll = () => {
      check();
      if (!done) timers[0] = clock.setTimeout(poll, pollMs);
    };
    timers[0] = clock.setTimeout(poll, pollMs);
    timers[1] = clock.setTimeout(() => finish(engine.getVoices()), timeoutMs);
  });
}
