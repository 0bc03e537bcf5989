/**
 * The overlay's stylesheet, placed in a <style> inside the shadow root (adoptedStyleSheets is
 * unreliable in Firefox content scripts). `:host` rules carry !important: they beat page rules and a
 * page script's inline `display:none !important` on the host.
 */
export const OVERLAY_CSS = `
:host {
  all: initial !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  position: static !important;
  font-size: medium !important;
  contain: none !important;
}
dialog {
  box-sizing: border-box;
  margin: 0;
  padding: 0;
  border: 0;
  width: 100vw;
  height: 100vh;
  max-width: 100vw;
  max-height: 100vh;
  overflow: auto;
  font-size: var(--lectern-font-size, 1.25em);
  font-family: var(--lectern-font-family, serif);
  line-height: var(--lectern-line-height, 1.6);
  letter-spacing: var(--lectern-letter-spacing, 0);
  word-spacing: var(--lectern-word-spacing, 0);
  color: #1a1a1a;
  background: #fdfdfb;
}
dialog::backdrop { background: rgb(0 0 0 / 0.5); }
.article { max-width: var(--lectern-width, 66ch); margin: 0 auto; padding: 1em; }
.article p { margin: 0 0 var(--lectern-paragraph-spacing, 1.2em); }
img { max-width: 100%; height: auto; }
button { font: inherit; min-width: 24px; min-height: 24px; }
`;
