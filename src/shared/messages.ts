/** Every message Lectern sends, in one typed map: each entry gives the payload and the reply. */
import type { DetectionSignals } from './detection';

export interface TabArticleState {
  url: string;
  isArticle: boolean;
  confidence: number;
  title: string;
  signals: DetectionSignals;
}

export type OpenResult =
  | { ok: true; state: 'opened' | 'closed'; title: string }
  | { ok: false; reason: 'no-article' | 'restricted' | 'failed'; message: string };

/**
 * The prefix says the direction:
 *   cs-bg:  detector content script → background
 *   ui-bg:  popup (or options page) → background
 *   bg-rd:  background → reader bundle in a tab
 *   rd-bg:  reader bundle → background
 */
export interface MessageMap {
  'cs-bg:detected': { payload: TabArticleState; reply: void };
  'ui-bg:get-tab-state': { payload: { tabId: number }; reply: TabArticleState | null };
  'ui-bg:toggle-reader': { payload: { tabId: number }; reply: OpenResult };
  'bg-rd:toggle': { payload: { autoOpened: boolean }; reply: OpenResult };
  'bg-rd:ping': { payload: Record<string, never>; reply: true };
  /** The key of the reader's per-site settings (the background holds the Public Suffix List). */
  'rd-bg:site': { payload: Record<string, never>; reply: string | null };
  /** The publication date in words, in the reader's UI language (src/shared/dates.ts says why). */
  'rd-bg:date': { payload: { iso: string; lang: string }; reply: string | null };
}

export type MessageType = keyof MessageMap;
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: MessageMap[T]['payload'];
}
export type Reply<T extends MessageType> = MessageMap[T]['reply'];

export function envelope<T extends MessageType>(type: T, payload: MessageMap[T]['payload']): Envelope<T> {
  return { type, payload };
}

const TYPES: ReadonlySet<string> = new Set<MessageType>([
  'cs-bg:detected',
  'ui-bg:get-tab-state',
  'ui-bg:toggle-reader',
  'bg-rd:toggle',
  'bg-rd:ping',
  'rd-bg:site',
  'rd-bg:date',
]);

/** Messages arrive as `unknown`: this is the only gate through which they are trusted. */
export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    TYPES.has((value as { type: string }).type) &&
    typeof (value as { payload?: unknown }).payload === 'object' &&
    (value as { payload?: unknown }).payload !== null
  );
}

export function isType<T extends MessageType>(msg: Envelope, type: T): msg is Envelope<T> {
  return msg.type === type;
}
