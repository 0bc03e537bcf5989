/** Notices under the toolbar, and the polite live region through which the reader says things. */

/** A visually hidden role=status region: says a change without moving focus or interrupting. */
export class LiveRegion {
  readonly element: HTMLElement;
  private holding = false;
  private held: string | null = null;

  constructor(doc: Document) {
    this.element = doc.createElement('div');
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
    this.element.className = 'visually-hidden';
  }

  announce(text: string): void {
    if (this.holding) {
      this.held = text;
      return;
    }
    // The same words twice in a row would not be announced again: vary them invisibly.
    this.element.textContent = this.element.textContent === text ? `${text}\u00a0` : text;
  }

  /** While read aloud speaks, announcements wait (a screen reader would talk over the voice). */
  hold(): void {
    this.holding = true;
  }

  /** Ends a hold; the last held announcement is said now, unless `say` is false (the reader closed). */
  release(say = true): void {
    this.holding = false;
    const text = this.held;
    this.held = null;
    if (text !== null && say) this.announce(text);
  }
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

/**
 * One notice per kind ("kept on this device only", "the article changed"): a newer one of the same
 * kind replaces it. Each is also said through the live region, so it neither steals focus nor
 * interrupts reading. An action adds a real button (≥ 44 px, in the dialog's tab order) that runs it.
 */
export class Notices {
  readonly element: HTMLElement;

  constructor(
    private readonly doc: Document,
    private readonly live: LiveRegion,
    /** Told of each row right after it is inserted (the overlay's ForeignNodeGuard adopts it). */
    private readonly inserted: (row: HTMLElement) => void = () => undefined,
  ) {
    this.element = doc.createElement('div');
    this.element.className = 'notices';
  }

  show(kind: string, text: string, action?: NoticeAction): void {
    const doc = this.doc;
    const row = doc.createElement('div');
    row.className = 'notice';
    row.dataset.notice = kind;
    const p = doc.createElement('p');
    p.textContent = text;
    row.append(p);
    if (action) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = action.label;
      b.addEventListener('click', () => action.run());
      row.append(b);
    }
    const old = this.find(kind);
    if (old) old.replaceWith(row);
    else this.element.append(row);
    this.inserted(row);
    this.live.announce(text);
  }

  /** Removes a notice; true when the focus was inside it (and so went with it). */
  clear(kind: string, focused: Element | null): boolean {
    const row = this.find(kind);
    if (!row) return false;
    const hadFocus = row.contains(focused);
    row.remove();
    return hadFocus;
  }

  has(kind: string): boolean {
    return this.find(kind) !== null;
  }

  private find(kind: string): HTMLElement | null {
    for (const row of Array.from(this.element.children) as HTMLElement[])
      if (row.dataset.notice === kind) return row;
    return null;
  }
}
