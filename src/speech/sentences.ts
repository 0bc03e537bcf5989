/** The article as a list of sentences (what each utterance says), and how long one may take. */
import type { PlayerChunk } from './events';
import { splitSentences, type Span } from './segment';

/** Silence after a heading, as a reader would leave. */
export const HEADING_PAUSE_MS = 600;
/** Speech at rate 1 runs at roughly 12–15 characters a second; the watchdog assumes the slow end. */
const CHARS_PER_SECOND = 12;

/** How long an utterance of `chars` characters may go without starting, a boundary or ending. */
export function stallTimeoutMs(chars: number, rate: number): number {
  return 4000 + (2 * 1000 * chars) / (CHARS_PER_SECOND * Math.max(0.1, rate));
}

export interface Sentence extends Span {
  chunk: number;
  /** The last sentence of a heading. */
  pauseAfter: boolean;
}

/** Every sentence of every chunk, in order, as offsets into its chunk's text. */
export function articleSentences(chunks: readonly PlayerChunk[], lang: string): Sentence[] {
  return chunks.flatMap((chunk, i) => {
    const spans = splitSentences(chunk.text, chunk.lang || lang);
    return spans.map((s, j) => ({
      ...s,
      chunk: i,
      pauseAfter: chunk.kind === 'heading' && j === spans.length - 1,
    }));
  });
}
