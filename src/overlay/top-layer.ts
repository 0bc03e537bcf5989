/**
 * Keeps the open reader above the page's own top layer. A page can open a modal dialog, a popover or a
 * fullscreen element after the reader: it is then drawn on top and may take clicks meant for the
 * reader (a transparent popover lets a real click through to the Theme button). The reader notices,
 * refuses input while covered, and shows itself again on top; a page that keeps covering it is named.
 */

/** Raises within this many milliseconds count as one fight with the page. */
const FIGHT_WINDOW_MS = 2_000;
/** Past this many raises in one window the reader stops raising itself and says the page covers it. */
const MAX_RAISES = 3;

export interface TopLayerGuardOptions {
  doc: Document;
  dialog: HTMLDialogElement;
  /** Shows the dialog again on top (the overlay's own re-show, which keeps focus). */
  raise: () => void;
  /** Called when the page keeps covering the reader (true) and when it stops (false). */
  onCovered: (covered: boolean) => void;
  now?: () => number;
  /** How the page's top layer is read (a stand-in in tests without a top layer). */
  topLayer?: (doc: Document) => Element[];
}

/** The page's elements in the top layer now: open popovers, modal dialogs, the fullscreen element. */
export function pageTopLayer(doc: Document): Element[] {
  const found = new Set<Element>();
  for (const selector of [':popover-open', 'dialog:modal']) {
    try {
      for (const el of Array.from(doc.querySelectorAll(selector))) found.add(el);
    } catch {
      // A browser (or jsdom) without the selector has no such layer to worry about.
    }
  }
  const full = doc.fullscreenElement;
  if (full) found.add(full);
  return Array.from(found);
}

export class TopLayerGuard {
  private readonly options: TopLayerGuardOptions;
  /** What the page had in its top layer when the reader opened: drawn under the reader. */
  private below = new Set<Element>();
  private raises: number[] = [];
  private giveUp = false;
  private running = false;
  private readonly onPageToggle = (e: Event): void => {
    // An element opened (again) now goes above the reader, whatever its place was before.
    const state = (e as Event & { newState?: string }).newState;
    if (state === 'open' && e.target) this.below.delete(e.target as Element);
    this.check();
  };
  private readonly onInput = (e: Event): void => {
    if (!this.coveringElements().length) return;
    // Input that reached the reader while the page's layer is above it landed through that layer.
    e.preventDefault();
    e.stopImmediatePropagation();
    this.check();
  };

  constructor(options: TopLayerGuardOptions) {
    this.options = options;
  }

  /** Call right after the dialog is shown. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.below = new Set(this.pageLayer());
    this.raises = [];
    this.giveUp = false;
    const win = this.options.doc.defaultView;
    // toggle and fullscreenchange do not bubble, but capture listeners on the window see them all.
    win?.addEventListener('toggle', this.onPageToggle, true);
    win?.addEventListener('fullscreenchange', this.onPageToggle, true);
    for (const type of ['pointerdown', 'mousedown', 'click', 'keydown'])
      this.options.dialog.addEventListener(type, this.onInput, true);
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    const win = this.options.doc.defaultView;
    win?.removeEventListener('toggle', this.onPageToggle, true);
    win?.removeEventListener('fullscreenchange', this.onPageToggle, true);
    for (const type of ['pointerdown', 'mousedown', 'click', 'keydown'])
      this.options.dialog.removeEventListener(type, this.onInput, true);
    if (this.giveUp) this.options.onCovered(false);
    this.giveUp = false;
    this.below.clear();
  }

  /** The page's top-layer elements opened after the reader, so drawn above it. */
  coveringElements(): Element[] {
    return this.pageLayer().filter((el) => !this.below.has(el));
  }

  private pageLayer(): Element[] {
    return (this.options.topLayer ?? pageTopLayer)(this.options.doc);
  }

  /** Looks again: raises the reader when covered, or says so when the page keeps at it. */
  check(): void {
    if (!this.running || !this.options.dialog.open) return;
    const covering = this.coveringElements();
    if (!covering.length) {
      if (this.giveUp) {
        this.giveUp = false;
        this.options.onCovered(false);
      }
      return;
    }
    const now = (this.options.now ?? Date.now)();
    this.raises = this.raises.filter((t) => now - t < FIGHT_WINDOW_MS);
    if (this.raises.length >= MAX_RAISES) {
      if (!this.giveUp) {
        this.giveUp = true;
        this.options.onCovered(true);
      }
      return;
    }
    this.raises.push(now);
    this.options.raise();
    // A modal dialog shown again goes above every element in the top layer, so what covered the
    // reader now sits under it: those no longer count as covering.
    for (const el of covering) this.below.add(el);
  }
}
