/** The detached copy that extraction works on: the page's shell and the scope, without `<style>`. */

export interface PageCopy {
  clone: Document;
  /** The copy of the scope root (the page's body, or the region extraction is confined to). */
  root: Element;
  /** The copy's elements at the live page's hidden positions, for the hidden step to remove. */
  hidden: Element[];
}

/**
 * Copies `root` (the page's body, or the region extraction is confined to) whole, with the document's
 * shell, its head, and, for a region, the chain of (empty) ancestors from `<html>` down. Confined, it
 * equals a full copy with everything outside the region removed, without paying for copying (and then
 * walking) the rest of the page.
 *
 * Built detached, and joined to its document last: `hidden` (positions in `root`, from mapHidden) is
 * mapped to the copy's elements first, while the copy still mirrors the live tree one to one; then
 * every `<style>` is taken out. A style element in a document has its CSS parsed, and some pages carry
 * megabytes of it; none reaches the article (Readability drops them and DOMPurify forbids them).
 */
export function copyPage(doc: Document, root: Element, hidden: number[]): PageCopy {
  const clone = doc.cloneNode(false) as Document;
  if (doc.doctype) clone.appendChild(clone.importNode(doc.doctype, false));
  const html = doc.documentElement;
  const shell = clone.importNode(html, false);
  let copy: Element;
  if (root === doc.body) {
    copy = clone.importNode(root, true);
    for (let n = html.firstChild; n; n = n.nextSibling)
      shell.appendChild(n === root ? copy : clone.importNode(n, true));
  } else {
    if (doc.head) shell.appendChild(clone.importNode(doc.head, true));
    const chain: Element[] = [];
    for (let n: Element | null = root.parentElement; n && n !== html; n = n.parentElement) chain.unshift(n);
    let parent: Element = shell;
    for (const n of chain) parent = parent.appendChild(clone.importNode(n, false));
    copy = parent.appendChild(clone.importNode(root, true));
  }
  const mapped: Element[] = [];
  if (hidden.length) {
    const live = root.getElementsByTagName('*');
    const all = copy.getElementsByTagName('*');
    if (all.length === live.length) {
      for (const i of hidden) {
        const el = all[i];
        if (el && el.tagName === live[i]?.tagName) mapped.push(el);
      }
    }
  }
  const styles = shell.getElementsByTagName('style');
  for (let i = styles.length - 1; i >= 0; i--) styles[i]?.remove();
  clone.appendChild(shell);
  return { clone, root: copy, hidden: mapped };
}
