/** The read-aloud player's states and the events it emits for the UI (button names, highlight, notices). */
import type { HighlightMode, VoiceChoice } from '../shared/settings';
import type { VoiceLike } from './engine';

/** idle → loading (waiting for voices) → speaking ⇄ paused → idle. */
export type PlayerState = 'idle' | 'loading' | 'speaking' | 'paused';

/** What the player needs of a block (a Chunk from buildChunks fits). */
export interface PlayerChunk {
  text: string;
  lang?: string;
  /** A heading is followed by a short silence. */
  kind?: 'text' | 'heading' | 'caption';
}

/** The settings the player follows live. */
export interface PlayerSettings {
  voice: VoiceChoice | null;
  speechRate: number;
  highlight: HighlightMode;
}

/** Offsets into chunks[chunk].text; map them with chunk.map.range(start, end). */
export interface HighlightTarget {
  chunk: number;
  start: number;
  end: number;
  unit: 'word' | 'sentence';
}

export type PlayerNotice =
  /** The engine stalled or failed twice on a sentence; reading went on after it. */
  | { kind: 'skipped'; chunk: number; sentence: number }
  /** The stored voice is not on this machine (said once per player). */
  | { kind: 'voice-fallback'; wanted: VoiceChoice; used: VoiceLike }
  /** Nothing can read this article; linux: show the speech-dispatcher + espeak-ng hint. */
  | { kind: 'no-voice'; reason: 'no-voices' | 'no-language-voice'; lang: string; linux: boolean }
  /** The engine refused to speak at all (e.g. 'not-allowed': no user gesture); reading stopped. */
  | { kind: 'error'; code: string };

export type PlayerEvent =
  | { type: 'state'; state: PlayerState }
  /** The block being read changed (for "current paragraph" styling or scrolling). */
  | { type: 'chunk'; chunk: number }
  /** What to highlight now; null clears it. */
  | { type: 'highlight'; target: HighlightTarget | null }
  | { type: 'voice'; voice: VoiceLike }
  | { type: 'notice'; notice: PlayerNotice }
  /** The last sentence was read (the state is idle again). */
  | { type: 'ended' };

export type PlayerListener = (event: PlayerEvent) => void;
