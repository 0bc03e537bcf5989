/**
 * The speech engine as the player sees it: a narrow interface over the Web Speech API, so tests pass a
 * fake. Only the browser's and the system's own voices are used; nothing is sent anywhere.
 */

export interface VoiceLike {
  name: string;
  lang: string;
  /** False for voices that send the text to a server (Chrome's "Google …" voices); those are never used. */
  localService: boolean;
  default: boolean;
  /** The engine's id for the voice: Firefox's own backends name theirs `urn:moz-tts:…`. */
  voiceURI?: string;
}

export interface UtteranceRequest {
  text: string;
  lang: string;
  /** 0.5–3 (the settings' range; the API takes 0.1–10). */
  rate: number;
  voice: VoiceLike | null;
}

/** What the engine reports about one utterance. */
export interface UtteranceHandlers {
  start(): void;
  end(): void;
  /** The SpeechSynthesisErrorEvent's code ('interrupted', 'canceled', 'synthesis-failed', 'not-allowed', …). */
  error(code: string): void;
  /** name is 'word' or 'sentence'; charLength is absent in some engines (or 0). */
  boundary(name: string, charIndex: number, charLength?: number): void;
}

export interface SpeechEngine {
  getVoices(): readonly VoiceLike[];
  speak(request: UtteranceRequest, handlers: UtteranceHandlers): void;
  /** Drops the current and queued utterances (their end or error events may still arrive). */
  cancel(): void;
  /** Subscribes to voiceschanged; returns the unsubscribe. */
  onVoicesChanged(listener: () => void): () => void;
}

interface SpeechWindow {
  speechSynthesis?: SpeechSynthesis;
  SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
}

/** The engine over `win.speechSynthesis`; null where the browser has none. */
export function webSpeechEngine(win: SpeechWindow = globalThis as SpeechWindow): SpeechEngine | null {
  const synth = win.speechSynthesis;
  const Utterance = win.SpeechSynthesisUtterance;
  if (!synth || !Utterance) return null;
  // Chrome may garbage-collect an utterance nobody references, and then its end event never comes.
  let current: SpeechSynthesisUtterance | null = null;
  return {
    getVoices: () => synth.getVoices(),
    speak(request, handlers) {
      const u = new Utterance(request.text);
      u.lang = request.lang;
      u.rate = request.rate;
      // Voices come from getVoices(), so they are the engine's own objects.
      if (request.voice) u.voice = request.voice as SpeechSynthesisVoice;
      u.onstart = () => handlers.start();
      u.onend = () => {
        if (current === u) current = null;
        handlers.end();
      };
      u.onerror = (e) => {
        if (current === u) current = null;
        handlers.error(e.error);
      };
      u.onboundary = (e) => handlers.boundary(e.name, e.charIndex, e.charLength);
      current = u;
      synth.speak(u);
    },
    cancel() {
      current = null;
      synth.cancel();
    },
    onVoicesChanged(listener) {
      synth.addEventListener('voiceschanged', listener);
      return () => synth.removeEventListener('voiceschanged', listener);
    },
  };
}
