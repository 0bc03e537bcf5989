/**
 * Keeps what a page script inserts out of the reader. A closed shadow root stops a page from finding
 * the reader in Chromium, but in Firefox one click on its text hands the page the root through
 * getSelection(); a page could then add a fake "Sign in" notice. Every element the reader makes is
 * adopted here; any other element that appears in the reader's tree is removed at once.
 */
export class ForeignNodeGuard {
  private readonly ours = new WeakSet<Node>();
  private observer: MutationObserver | null = null;
  private removedCount = 0;

  constructor(private readonly root: ShadowRoot) {}

  /** Marks a node of the reader's own, with every element under it. Call right after inserting it. */
  adopt(node: Node): void {
    this.ours.add(node);
    if (node.nodeType !== 1 && node.nodeType !== 11) return; // elements and fragments have children
    const walker = node.ownerDocument!.createTreeWalker(node, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) this.ours.add(n);
  }

  /** How many foreign elements were taken out since the guard was made. */
  get removed(): number {
    return this.removedCount;
  }

  /**
   * Watches the root. What is in it and was never adopted goes first: a page that kept the root (from
   * an earlier opening) can insert while the guard is stopped.
   */
  start(): void {
    const Observer = this.root.ownerDocument.defaultView?.MutationObserver;
    if (!Observer || this.observer) return;
    this.ours.add(this.root);
    this.purge();
    this.observer = new Observer((records) => this.sweep(records));
    this.observer.observe(this.root, { childList: true, subtree: true });
  }

  stop(): void {
    const observer = this.observer;
    if (!observer) return;
    this.sweep(observer.takeRecords());
    observer.disconnect();
    this.observer = null;
  }

  private purge(): void {
    const walker = this.root.ownerDocument.createTreeWalker(this.root, 1 /* NodeFilter.SHOW_ELEMENT */);
    const foreign: Node[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!this.ours.has(n)) foreign.push(n);
    for (const node of foreign)
      if (node.parentNode && this.root.contains(node)) {
        // (one inside a foreign element already removed went with it)
        node.parentNode.removeChild(node);
        this.removedCount++;
      }
  }

  private sweep(records: MutationRecord[]): void {
    for (const record of records)
      for (const node of Array.from(record.addedNodes)) {
        // Text alone cannot carry a control or a link; the reader writes text in many places.
        if (node.nodeType !== 1 || this.ours.has(node)) continue;
        if (node.parentNode) node.parentNode.removeChild(node);
        this.removedCount++;
      }
  }
}
