/** DOM helpers of read aloud in the reader: button labels, language names, the selection in the shadow root. */

export function setLabel(
  button: HTMLButtonElement,
  glyph: string | null,
  name: string,
  key: { aria: string; label: string },
): void {
  const label = button.querySelector('.label');
  if (label && label.textContent !== name) label.textContent = name;
  if (glyph !== null) {
    const g = button.querySelector('.glyph');
    if (g && g.textContent !== glyph) g.textContent = glyph;
  }
  button.setAttribute('aria-keyshortcuts', key.aria);
  button.title = `${name} (${key.label})`;
}

/** "ur" → "Urdu" in the UI's language; the tag itself where the browser cannot name it. */
export function languageName(lang: string, uiLang?: string): string {
  if (!lang) return '?';
  try {
    return new Intl.DisplayNames(uiLang ? [uiLang] : [], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

interface ComposedSelection {
  getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[];
}

/** The node of the selection or caret, looked up through the reader's shadow root. */
export function selectionNode(doc: Document, root: Node): Node | null {
  // Duck-typed: in a Firefox content script the page's nodes are not instances of the script's ShadowRoot.
  const shadow = root.nodeType === 11 && 'host' in root ? (root as ShadowRoot) : null;
  try {
    const sel = doc.getSelection() as (Selection & ComposedSelection) | null;
    if (sel && shadow && typeof sel.getComposedRanges === 'function' && sel.rangeCount > 0) {
      const range = sel.getComposedRanges({ shadowRoots: [shadow] })[0];
      if (range) return range.startContainer;
    }
    // Chromium before getComposedRanges: the shadow root's own selection.
    const own = (shadow as (ShadowRoot & { getSelection?: () => Selection | null }) | null)?.getSelection?.();
    return own?.anchorNode ?? sel?.anchorNode ?? null;
  } catch {
    return null;
  }
}
