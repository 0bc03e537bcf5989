/**
 * What the open reader does to the page around it, all undone on close: the page's scroll locked,
 * the page hidden while printing, and the host put back when a page script removes it.
 */
export class PageEffects {
  private keepOnPage: MutationObserver | null = null;
  private scrollLock: { value: string; priority: string } | null = null;
  private printHidden: Array<{ el: HTMLElement; value: string; priority: string }> = [];
  private readonly onBeforePrint = (): void => this.hidePageForPrint();
  private readonly onAfterPrint = (): void => this.restorePageAfterPrint();

  constructor(
    private readonly doc: Document,
    private readonly host: HTMLElement,
    private readonly dialog: HTMLDialogElement,
    private readonly root: ShadowRoot,
  ) {}

  /**
   * While the reader is open the page must not scroll under it, and its scrollbars must not take room
   * from the dialog (which covers the viewport without them). Set by CSSOM on <html>, which the page's
   * CSP allows, and put back as it was on close; the scroll position itself is kept.
   */
  lockScroll(): void {
    const html = this.doc.documentElement;
    if (this.scrollLock) return;
    this.scrollLock = {
      value: html.style.getPropertyValue('overflow'),
      priority: html.style.getPropertyPriority('overflow'),
    };
    html.style.setProperty('overflow', 'hidden', 'important');
  }

  /** Once the dialog shows: keep it on the page, and hide the page when printing. */
  start(): void {
    this.startKeepOnPage();
    const win = this.doc.defaultView;
    win?.addEventListener('beforeprint', this.onBeforePrint);
    win?.addEventListener('afterprint', this.onAfterPrint);
  }

  /** Undoes all of it. */
  stop(): void {
    this.keepOnPage?.disconnect();
    this.keepOnPage = null;
    const win = this.doc.defaultView;
    win?.removeEventListener('beforeprint', this.onBeforePrint);
    win?.removeEventListener('afterprint', this.onAfterPrint);
    this.restorePageAfterPrint();
    this.unlockScroll();
  }

  /**
   * Keeps the overlay on the page when a page script removes foreign nodes: re-append the host in the
   * same task (a later re-append flickers and loses focus) and show the dialog again.
   */
  private startKeepOnPage(): void {
    const Observer = this.doc.defaultView?.MutationObserver;
    if (!Observer || this.keepOnPage) return;
    this.keepOnPage = new Observer(() => {
      if (this.host.isConnected || !this.dialog.hasAttribute('open')) return;
      this.reshow();
    });
    this.keepOnPage.observe(this.doc.documentElement, { childList: true });
  }

  /**
   * Shows the open dialog again, on top of the top layer, focus kept on the control that had it.
   * A dialog leaves the top layer only when it closes or leaves the document (removing `open` and
   * calling showModal() again leaves it where it was: Chromium 156), and close() would fire close
   * events: so the host is taken out and put back in the same task, then the dialog shown again.
   */
  reshow(): void {
    if (!this.dialog.hasAttribute('open')) return;
    const focused = this.root.activeElement as HTMLElement | null;
    this.host.remove();
    this.doc.documentElement.append(this.host);
    this.dialog.removeAttribute('open');
    this.dialog.showModal();
    focused?.focus({ preventScroll: true });
  }

  private unlockScroll(): void {
    if (!this.scrollLock) return;
    const html = this.doc.documentElement;
    html.style.removeProperty('overflow');
    if (this.scrollLock.value)
      html.style.setProperty('overflow', this.scrollLock.value, this.scrollLock.priority);
    this.scrollLock = null;
  }

  /** The page prints under the top layer: hide its other children of <html> while printing. */
  private hidePageForPrint(): void {
    this.restorePageAfterPrint();
    for (const node of Array.from(this.doc.documentElement.children)) {
      if (node === this.host || node.tagName === 'HEAD' || !('style' in node)) continue;
      const child = node as HTMLElement;
      this.printHidden.push({
        el: child,
        value: child.style.getPropertyValue('display'),
        priority: child.style.getPropertyPriority('display'),
      });
      child.style.setProperty('display', 'none', 'important');
    }
  }

  private restorePageAfterPrint(): void {
    for (const { el, value, priority } of this.printHidden) {
      el.style.removeProperty('display');
      if (value) el.style.setProperty('display', value, priority);
    }
    this.printHidden = [];
  }
}
