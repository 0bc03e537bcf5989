/**
 * The read-aloud player: a small state machine over an injected engine. It speaks one sentence per
 * utterance (Chrome cuts long utterances off, and Previous/Next become exact), guards each with a
 * watchdog, and tells the UI what to show through events.
 *
 * Pause does not call the engine's pause(): it is unreliable in several engines (speech-dispatcher
 * voices in Chrome on Linux ignore it, and a paused Chrome utterance can be dropped). Pause cancels
 * the utterance and keeps the offset of the last word boundary; Resume speaks the sentence again from
 * that word (from its start when the voice sends no word boundaries).
 */
import { realClock, type Clock } from './clock';
import type { SpeechEngine, VoiceLike } from './engine';
import type {
  HighlightTarget,
  PlayerChunk,
  PlayerEvent,
  PlayerListener,
  PlayerSettings,
  PlayerState,
} from './events';
import { wordAt } from './segment';
import { articleSentences, HEADING_PAUSE_MS, stallTimeoutMs, type Sentence } from './sentences';
import { pickVoice, waitForVoices } from './voices';

export { HEADING_PAUSE_MS, stallTimeoutMs };

export interface PlayerOptions {
  engine: SpeechEngine;
  chunks: readonly PlayerChunk[];
  /** The article's language (voice choice, and segmentation of chunks without their own). */
  lang: string;
  settings: PlayerSettings;
  clock?: Clock;
  /** Whether the no-voice notice should carry the Linux hint (speech-dispatcher + espeak-ng). */
  linux?: boolean;
  /** How long to wait for the engine's voice list. */
  voiceTimeoutMs?: number;
}

export class ReadAloudPlayer {
  private readonly engine: SpeechEngine;
  private readonly chunks: readonly PlayerChunk[];
  private readonly lang: string;
  private readonly clock: Clock;
  private readonly linux: boolean;
  private readonly voiceTimeoutMs: number;
  private settings: PlayerSettings;
  private readonly listeners = new Set<PlayerListener>();
  private sentences: Sentence[] | null = null;
  private stateValue: PlayerState = 'idle';
  private index = 0;
  private lastChunk = -1;
  private voice: VoiceLike | null = null;
  private fallbackSaid = false;
  /** Each utterance gets a token; events of any other (cancelled, stale) utterance are ignored. */
  private live = 0;
  private session = 0;
  private attempts = 0;
  /** Offset into the current sentence of the last word boundary (where Resume starts). */
  private resumeAt = 0;
  private wordBoundaries: 'unknown' | 'yes' | 'no' = 'unknown';
  private watchdog: unknown = null;
  private gap: unknown = null;

  constructor(options: PlayerOptions) {
    this.engine = options.engine;
    this.chunks = options.chunks;
    this.lang = options.lang;
    this.settings = { ...options.settings };
    this.clock = options.clock ?? realClock();
    this.linux = options.linux ?? false;
    this.voiceTimeoutMs = options.voiceTimeoutMs ?? 3000;
  }

  get state(): PlayerState {
    return this.stateValue;
  }

  /** The sentence being read (or paused on): its chunk and offsets. */
  get position(): { chunk: number; start: number; end: number } | null {
    const s = this.sentences?.[this.index];
    return this.stateValue === 'idle' || !s ? null : { chunk: s.chunk, start: s.start, end: s.end };
  }

  on(listener: PlayerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts reading at chunk `from` (Read aloud / Read from here); resumes when paused. */
  async play(from = 0): Promise<void> {
    if (this.stateValue === 'paused' && from === 0) return this.resume();
    if (this.stateValue !== 'idle') this.halt('idle');
    const session = ++this.session;
    this.setState('loading');
    const voices = await waitForVoices(this.engine, { clock: this.clock, timeoutMs: this.voiceTimeoutMs });
    if (session !== this.session || this.stateValue !== 'loading') return;
    if (!this.chooseVoice(voices)) return this.setState('idle');
    const sentences = this.allSentences();
    const start = sentences.findIndex((s) => s.chunk >= from);
    if (start < 0) return this.finish();
    this.index = start;
    this.attempts = 0;
    this.setState('speaking');
    this.speak(0);
  }

  /** One button: Read aloud → Pause → Resume. */
  toggle(): Promise<void> | void {
    if (this.stateValue === 'speaking') return this.pause();
    if (this.stateValue === 'paused') return this.resume();
    if (this.stateValue === 'idle') return this.play();
  }

  pause(): void {
    if (this.stateValue === 'loading') return this.stop();
    if (this.stateValue !== 'speaking') return;
    this.silence();
    this.setState('paused');
  }

  resume(): void {
    if (this.stateValue !== 'paused') return;
    this.setState('speaking');
    this.speak(this.resumeAt);
  }

  stop(): void {
    if (this.stateValue === 'idle') return;
    this.halt('idle');
    this.emit({ type: 'highlight', target: null });
  }

  next(): void {
    this.move(this.index + 1);
  }

  previous(): void {
    this.move(this.index - 1);
  }

  /** Applies changed settings at once; a new rate or voice re-speaks the sentence from its start. */
  updateSettings(settings: PlayerSettings): void {
    const old = this.settings;
    this.settings = { ...settings };
    const voiceChanged = old.voice?.name !== settings.voice?.name || old.voice?.lang !== settings.voice?.lang;
    if (voiceChanged && this.stateValue !== 'idle' && this.stateValue !== 'loading') {
      this.wordBoundaries = 'unknown';
      if (!this.chooseVoice(this.engine.getVoices())) return this.stop();
    }
    if (settings.highlight !== old.highlight) this.showSentence();
    if ((voiceChanged || settings.speechRate !== old.speechRate) && this.stateValue === 'speaking') {
      this.silence();
      this.speak(0);
    }
  }

  /** Stops and forgets the listeners (the reader closed). */
  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  // ---- internals -----------------------------------------------------------------------------

  private allSentences(): Sentence[] {
    this.sentences ??= articleSentences(this.chunks, this.lang);
    return this.sentences;
  }

  private chooseVoice(voices: readonly VoiceLike[]): boolean {
    const pick = pickVoice(voices, this.lang, this.settings.voice);
    if (!pick.voice) {
      const notice = { kind: 'no-voice' as const, reason: pick.reason, lang: pick.lang, linux: this.linux };
      this.emit({ type: 'notice', notice });
      return false;
    }
    if (pick.fallbackFrom && !this.fallbackSaid) {
      this.fallbackSaid = true;
      this.emit({
        type: 'notice',
        notice: { kind: 'voice-fallback', wanted: pick.fallbackFrom, used: pick.voice },
      });
    }
    if (pick.voice !== this.voice) {
      this.voice = pick.voice;
      this.emit({ type: 'voice', voice: pick.voice });
    }
    return true;
  }

  private setState(state: PlayerState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.emit({ type: 'state', state });
  }

  private emit(event: PlayerEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A failing UI must not stop the reading.
      }
    }
  }

  /** Cancels whatever is being said; its late events are ignored. */
  private silence(): void {
    this.live++;
    this.clearTimer('watchdog');
    this.clearTimer('gap');
    this.engine.cancel();
  }

  private halt(state: PlayerState): void {
    this.session++;
    this.silence();
    this.setState(state);
  }

  private clearTimer(which: 'watchdog' | 'gap'): void {
    if (this[which] != null) this.clock.clearTimeout(this[which]);
    this[which] = null;
  }

  private move(to: number): void {
    if (this.stateValue !== 'speaking' && this.stateValue !== 'paused') return;
    const sentences = this.allSentences();
    if (to < 0) to = 0;
    if (to >= sentences.length) return this.finish();
    const speaking = this.stateValue === 'speaking';
    this.silence();
    this.index = to;
    this.attempts = 0;
    this.resumeAt = 0;
    if (speaking) return this.speak(0);
    this.noteChunk();
    this.showSentence();
  }

  private noteChunk(): void {
    const chunk = this.allSentences()[this.index]!.chunk;
    if (chunk !== this.lastChunk) {
      this.lastChunk = chunk;
      this.emit({ type: 'chunk', chunk });
    }
  }

  /** The sentence highlight, where the mode asks for it (also while word boundaries are not known yet). */
  private showSentence(): void {
    const s = this.sentences?.[this.index];
    if (!s || this.stateValue === 'idle') return;
    const mode = this.settings.highlight;
    if (mode === 'off') return this.emit({ type: 'highlight', target: null });
    if (mode === 'word' && this.wordBoundaries === 'yes') return;
    this.emit({
      type: 'highlight',
      target: { chunk: s.chunk, start: s.start, end: s.end, unit: 'sentence' },
    });
  }

  private speak(offset: number): void {
    const s = this.allSentences()[this.index]!;
    const chunk = this.chunks[s.chunk]!;
    const base = s.start + offset;
    const text = chunk.text.slice(base, s.end);
    const lang = chunk.lang || this.lang;
    const token = ++this.live;
    const mine = () => token === this.live;
    this.resumeAt = offset;
    this.noteChunk();
    this.showSentence();
    this.arm(text.length);
    this.engine.speak(
      { text, lang, rate: this.settings.speechRate, voice: this.voice },
      {
        start: () => mine() && this.arm(text.length),
        boundary: (name, charIndex, charLength) => {
          if (!mine() || name !== 'word') return;
          this.wordBoundaries = 'yes';
          this.resumeAt = offset + charIndex;
          this.arm(text.length - charIndex);
          if (this.settings.highlight !== 'word') return;
          const span = charLength
            ? { start: charIndex, end: charIndex + charLength }
            : wordAt(text, charIndex, lang);
          if (!span) return;
          const target: HighlightTarget = {
            chunk: s.chunk,
            start: base + span.start,
            end: base + span.end,
            unit: 'word',
          };
          this.emit({ type: 'highlight', target });
        },
        end: () => mine() && this.sentenceDone(text),
        error: (code) => {
          if (!mine()) return;
          if (code === 'not-allowed') {
            this.stop();
            this.emit({ type: 'notice', notice: { kind: 'error', code } });
            return;
          }
          this.failed();
        },
      },
    );
  }

  /** (Re)starts the watchdog for `chars` characters still to be spoken. */
  private arm(chars: number): void {
    this.clearTimer('watchdog');
    const token = this.live;
    this.watchdog = this.clock.setTimeout(
      () => {
        if (token === this.live) this.failed();
      },
      stallTimeoutMs(chars, this.settings.speechRate),
    );
  }

  /** A stall or an engine error: the sentence is tried once more, then skipped and reported. */
  private failed(): void {
    this.silence();
    this.attempts++;
    if (this.attempts <= 1) return this.speak(0);
    const s = this.allSentences()[this.index]!;
    this.emit({ type: 'notice', notice: { kind: 'skipped', chunk: s.chunk, sentence: this.index } });
    this.advance(false);
  }

  private sentenceDone(text: string): void {
    this.clearTimer('watchdog');
    // A voice that said a sentence of several words without one word boundary sends none.
    if (this.wordBoundaries === 'unknown' && /\S\s+\S/.test(text)) {
      this.wordBoundaries = 'no';
    }
    this.advance(this.allSentences()[this.index]!.pauseAfter);
  }

  private advance(pause: boolean): void {
    this.attempts = 0;
    this.resumeAt = 0;
    if (this.index + 1 >= this.allSentences().length) return this.finish();
    this.index++;
    if (!pause) return this.speak(0);
    const token = this.live;
    this.gap = this.clock.setTimeout(() => {
      this.gap = null;
      if (token === this.live && this.stateValue === 'speaking') this.speak(0);
    }, HEADING_PAUSE_MS);
  }

  private finish(): void {
    this.halt('idle');
    this.index = 0;
    this.lastChunk = -1;
    this.emit({ type: 'highlight', target: null });
    this.emit({ type: 'ended' });
  }
}
