/**
 * Shows the word or sentence being read without changing the markup: the CSS Custom Highlight API
 * where the browser has it, else a highlighter that only reports it cannot. The registry is the page's
 * (its scripts can list CSS.highlights), so the name is random per instance and says nothing of the
 * product, and it is removed on clear and dispose.
 */

export interface HighlightLike {
  add(range: AbstractRange): unknown;
  clear(): void;
}
export interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
}

export interface Highlighter {
  /** False when nothing is drawn (no Custom Highlight API): the UI may say so or draw its own. */
  readonly supported: boolean;
  /** The ::highlight() name, for the reader's style sheet ('' when unsupported). */
  readonly name: string;
  show(range: Range | null): void;
  clear(): void;
  dispose(): void;
}

export interface HighlighterOptions {
  registry?: HighlightRegistryLike | null;
  createHighlight?: (() => HighlightLike) | null;
  /** Random bytes (crypto.getRandomValues); injectable for tests. */
  random?: (bytes: Uint8Array) => Uint8Array;
}

interface HighlightGlobals {
  CSS?: { highlights?: HighlightRegistryLike };
  Highlight?: new () => HighlightLike;
}

/** A CSS identifier that starts with a letter and carries 64 random bits. */
export function randomHighlightName(random: (bytes: Uint8Array) => Uint8Array): string {
  const hex = Array.from(random(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `h${hex}`;
}

export function createHighlighter(options: HighlighterOptions = {}): Highlighter {
  const g = globalThis as HighlightGlobals;
  const registry = options.registry !== undefined ? options.registry : (g.CSS?.highlights ?? null);
  const Ctor = g.Highlight;
  const create =
    options.createHighlight !== undefined ? options.createHighlight : Ctor ? () => new Ctor() : null;
  if (!registry || !create) return unsupportedHighlighter();
  const random = options.random ?? ((bytes: Uint8Array) => crypto.getRandomValues(bytes));
  const name = randomHighlightName(random);
  let highlight: HighlightLike | null = null;
  const clear = () => {
    if (!highlight) return;
    highlight.clear();
    registry.delete(name);
    highlight = null;
  };
  return {
    supported: true,
    name,
    show(range) {
      if (!range) return clear();
      if (!highlight) {
        highlight = create();
        registry.set(name, highlight);
      }
      highlight.clear();
      highlight.add(range);
    },
    clear,
    dispose: clear,
  };
}

/** Draws nothing; the reader can tell (supported is false) and offer its own. */
export function unsupportedHighlighter(): Highlighter {
  return {
    supported: false,
    name: '',
    show: () => undefined,
    clear: () => undefined,
    dispose: () => undefined,
  };
}

/** The style rule for the highlight: system colours, so forced-colors modes keep it visible. */
export function highlightCss(name: string): string {
  return name ? `::highlight(${name}) { background-color: Mark; color: MarkText; }` : '';
}

/**
 * Should the view scroll to keep `rect` (the highlighted range's) in sight? Only once it leaves the
 * middle band of the scrolling box (a quarter from either edge by default), so the text does not
 * jump at every word.
 */
export function needsScroll(
  rect: { top: number; bottom: number },
  view: { top: number; bottom: number },
  margin = 0.25,
): boolean {
  const band = (view.bottom - view.top) * margin;
  return rect.top < view.top + band || rect.bottom > view.bottom - band;
}

/** 'auto' (a jump) for people who asked for reduced motion, else 'smooth'. */
export function scrollBehavior(
  matchMedia?: ((query: string) => { matches: boolean }) | null,
): ScrollBehavior {
  return matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
