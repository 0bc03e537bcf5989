/** The dialog's tab stops, and Tab / Shift+Tab kept cycling inside it. */

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** The tab stops of the dialog, in order (one per toolbar and per radio group, as the browser does). */
export function tabStops(dialog: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  const radios = new Set<string>();
  for (const el of Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE))) {
    if (el.tabIndex < 0 || !isRendered(el)) continue;
    // Tag names, not instanceof: content scripts see page objects through wrappers (Firefox Xrays).
    if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio') {
      const group = (el as HTMLInputElement).name;
      const checked = dialog.querySelector<HTMLInputElement>(`input[type="radio"][name="${group}"]:checked`);
      if (checked ? checked !== el : radios.has(group)) continue;
      radios.add(group);
    }
    out.push(el);
  }
  return out;
}

/**
 * Tab and Shift+Tab cycle inside the dialog. The browser already keeps focus off the inert page,
 * but from the last stop it moves focus to its own UI (and from an element that is not a tab stop,
 * such as <main> after the skip link, to whatever follows): do the moving ourselves.
 */
export function trapTab(e: KeyboardEvent, dialog: HTMLElement, root: ShadowRoot): void {
  const stops = tabStops(dialog);
  const n = stops.length;
  if (!n) return;
  const active = root.activeElement as HTMLElement | null;
  const index = active ? stops.indexOf(active) : -1;
  let next: number;
  if (index >= 0) next = e.shiftKey ? (index - 1 + n) % n : (index + 1) % n;
  else if (active) {
    // Not a tab stop (e.g. <main> after the skip link): go by document order.
    const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
    const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
    if (e.shiftKey) {
      let before = -1;
      stops.forEach((s, i) => {
        if (active.compareDocumentPosition(s) & PRECEDING && !s.contains(active)) before = i;
      });
      next = before < 0 ? n - 1 : before;
    } else {
      const after = stops.findIndex((s) => active.compareDocumentPosition(s) & FOLLOWING);
      next = after < 0 ? 0 : after;
    }
  } else next = e.shiftKey ? n - 1 : 0;
  e.preventDefault();
  stops[next]?.focus();
}

function isRendered(el: HTMLElement): boolean {
  if (el.closest('[hidden]')) return false;
  if (el.getClientRects().length > 0) return true;
  // Without layout (jsdom) nothing has a box: trust the hidden attribute there.
  return el.ownerDocument.documentElement.getClientRects().length === 0;
}
