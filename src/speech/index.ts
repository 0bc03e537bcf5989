/** Read aloud's pure core (no extension API): what the overlay imports. */
export { buildChunks, chunkIndexAt, isUnread, type Chunk, type ChunkKind, type ChunkOptions } from './chunks';
export { realClock, type Clock } from './clock';
export {
  webSpeechEngine,
  type SpeechEngine,
  type UtteranceHandlers,
  type UtteranceRequest,
  type VoiceLike,
} from './engine';
export type {
  HighlightTarget,
  PlayerChunk,
  PlayerEvent,
  PlayerListener,
  PlayerNotice,
  PlayerSettings,
  PlayerState,
} from './events';
export {
  createHighlighter,
  highlightCss,
  needsScroll,
  scrollBehavior,
  unsupportedHighlighter,
  type Highlighter,
} from './highlighter';
export { HEADING_PAUSE_MS, ReadAloudPlayer, stallTimeoutMs, type PlayerOptions } from './player';
export { splitSentences, wordAt, type Span } from './segment';
export { buildTextMap, type TextMap } from './text-map';
export { orderVoices, pickVoice, primaryLang, waitForVoices, type VoicePick } from './voices';
