/**
 * The overlay's stylesheet, placed in a <style> inside the shadow root (adoptedStyleSheets is
 * unreliable in Firefox content scripts). `:host` rules carry !important: they beat page rules and a
 * page script's inline `display:none !important` on the host.
 *
 * Sizes are px or em, never rem: rem follows the page's root font size (a hostile page sets 3 px).
 * 1em on the dialog is the host's `font-size: medium`, the browser's default font size. The article
 * (`main`) takes the reader's text size; the toolbar and settings panel stay at the browser default so
 * that the controls never grow off the screen at XXXL.
 */

/** Theme palettes. Each pair of text/background is checked in tests/unit/overlay/contrast.test.ts. */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  link: string;
  visited: string;
  border: string;
  focus: string;
  buttonBg: string;
}

export const PALETTES = {
  light: {
    bg: '#fdfdfb',
    fg: '#1b1b1b',
    muted: '#3b3b3b',
    link: '#0a4b9c',
    visited: '#5b2a86',
    border: '#5f5f5f',
    focus: '#0a4b9c',
    buttonBg: '#f0f0ec',
  },
  sepia: {
    bg: '#f6eedc',
    fg: '#2b2116',
    muted: '#45382a',
    link: '#7a2c00',
    visited: '#5e2a5e',
    border: '#6e5d47',
    focus: '#7a2c00',
    buttonBg: '#ece1c8',
  },
  dark: {
    bg: '#17191c',
    fg: '#e8e6e1',
    muted: '#cdc9c1',
    link: '#9cc7ff',
    visited: '#d5b3ff',
    border: '#a09c95',
    focus: '#9cc7ff',
    buttonBg: '#25282d',
  },
  contrast: {
    bg: '#000000',
    fg: '#ffffff',
    muted: '#ffffff',
    link: '#ffff00',
    visited: '#ffb3ff',
    border: '#ffffff',
    focus: '#ffff00',
    buttonBg: '#000000',
  },
} as const satisfies Record<string, Palette>;

function vars(p: Palette): string {
  return (
    `--bg:${p.bg};--fg:${p.fg};--muted:${p.muted};--link:${p.link};--visited:${p.visited};` +
    `--border:${p.border};--focus:${p.focus};--button-bg:${p.buttonBg};`
  );
}

export const OVERLAY_CSS = `
:host {
  all: initial !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  position: static !important;
  font-size: medium !important;
  contain: none !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
}
dialog { ${vars(PALETTES.light)} }
dialog[data-theme="sepia"] { ${vars(PALETTES.sepia)} }
dialog[data-theme="dark"] { ${vars(PALETTES.dark)} color-scheme: dark; }
dialog[data-theme="contrast"] { ${vars(PALETTES.contrast)} color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  dialog[data-theme="auto"] { ${vars(PALETTES.dark)} color-scheme: dark; }
}
dialog {
  box-sizing: border-box;
  position: fixed;
  inset: 0;
  margin: 0;
  padding: 0;
  border: 0;
  width: 100%;
  height: 100%;
  max-width: 100%;
  max-height: 100%;
  overflow: auto;
  overscroll-behavior: contain;
  /* Keep a focused link clear of the sticky toolbar (WCAG 2.4.11). */
  scroll-padding-top: 5em;
  font-size: 1em;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  font-weight: normal;
  font-style: normal;
  line-height: 1.5;
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-transform: none;
  text-indent: 0;
  text-shadow: none;
  color: var(--fg);
  background: var(--bg);
  color-scheme: light;
}
dialog::backdrop { background: rgb(0 0 0 / 0.5); }
dialog *, dialog *::before, dialog *::after { box-sizing: border-box; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }

.skip {
  position: absolute;
  inset-inline-start: 8px;
  top: 8px;
  z-index: 2;
  padding: 8px 12px;
  background: var(--bg);
  color: var(--link);
  border: 2px solid var(--focus);
  transform: translateY(-200%);
}
.skip:focus, .skip:focus-visible { transform: none; }

.bar {
  position: sticky;
  top: 0;
  z-index: 1;
  background: var(--bg);
  border-bottom: 1px solid var(--border);
  padding: 8px 12px;
}
[role="toolbar"] {
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
  max-width: 66em;
  margin: 0 auto;
}
button {
  font: inherit;
  color: var(--fg);
  background: var(--button-bg);
  border: 1px solid var(--border);
  border-radius: 6px;
  min-width: 44px;
  min-height: 44px;
  padding: 6px 12px;
  cursor: pointer;
  display: inline-flex;
  align-items: center;
  gap: 6px;
  line-height: 1.2;
}
button:hover { border-color: var(--fg); }
button[aria-pressed="true"], button[aria-expanded="true"] {
  background: var(--fg);
  color: var(--bg);
}
.glyph { font-size: 1.1em; min-width: 1em; text-align: center; }

/* Where the toolbar wraps or the screen is short, a sticky bar would hide too much of the text. */
@media (max-width: 40em), (max-height: 30em) {
  .bar { position: static; }
  dialog { scroll-padding-top: 0; }
}
.notices:empty { display: none; }
.notice {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px 12px;
  max-width: 66em;
  margin: 8px auto 0;
  padding: 8px 12px;
  border: 2px solid var(--focus);
  border-radius: 6px;
}
.notice p { margin: 0; flex: 1 1 16em; }
.panel {
  max-width: 66em;
  margin: 8px auto 0;
  padding: 8px 0 4px;
  max-height: 60vh;
  overflow: auto;
}
.panel[hidden] { display: none; }

.article {
  display: block;
  max-width: var(--lectern-width, 66ch);
  margin: 0 auto;
  /* px, not em: at XXXL an em of padding would take half of a 320 px screen. */
  padding: 16px 16px 48px;
  font-size: var(--lectern-font-size, 1.25em);
  font-family: var(--lectern-font-family, serif);
  line-height: var(--lectern-line-height, 1.6);
  letter-spacing: var(--lectern-letter-spacing, 0);
  word-spacing: var(--lectern-word-spacing, 0);
  overflow-wrap: break-word;
  hyphens: manual;
}
.article:focus { outline: none; }
/* Headings grow by a fixed step over the text, not a factor: at XXXL (80 px) a 1.6× title would
   fit two letters on a line at 320 px. 12 px over 20 px is the usual 1.6 at MD. */
.article h1 { font-size: calc(1em + 12px); line-height: 1.25; margin: 0.4em 0 0.5em; overflow-wrap: break-word; }
.article h2 { font-size: calc(1em + 6px); line-height: 1.3; margin: 1.2em 0 0.5em; }
.article h3, .article h4, .article h5, .article h6 { font-size: calc(1em + 2px); margin: 1em 0 0.5em; }
.meta { color: var(--muted); font-size: 0.85em; margin: 0 0 1.5em; }
.meta > div { margin: 0 0 0.25em; }
.meta .sep { padding-inline: 0.4em; }
.article-body { overflow-wrap: break-word; }
.article-body p, .article-body ul, .article-body ol, .article-body blockquote, .article-body figure,
.article-body dl, .message { margin: 0 0 var(--lectern-paragraph-spacing, 1.2em); }
.article-body li { margin: 0 0 0.4em; }
.article-body blockquote { border-inline-start: 4px solid var(--border); padding-inline-start: 1em; margin-inline: 0; }
.article-body figure { margin-inline: 0; }
.article-body figcaption { color: var(--muted); font-size: 0.85em; margin-top: 0.4em; }
.article-body img, .article-body video, .article-body svg, .article-body picture { max-width: 100%; height: auto; }
.article-body a { overflow-wrap: anywhere; }
.article-body code, .article-body kbd, .article-body samp { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
.article-body pre {
  overflow: auto;
  max-width: 100%;
  padding: 0.75em;
  border: 1px solid var(--border);
  font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  white-space: pre;
  letter-spacing: normal;
  word-spacing: normal;
}
.scroll-box { overflow-x: auto; max-width: 100%; margin: 0 0 var(--lectern-paragraph-spacing, 1.2em); border: 1px solid var(--border); }
.scroll-box table { border-collapse: collapse; margin: 0; }
.article-body th, .article-body td { border: 1px solid var(--border); padding: 0.3em 0.5em; text-align: start; vertical-align: top; }
.alt-text { display: none; }
.alt-text-only { display: block; font-style: italic; }
dialog[data-images="off"] .article-body img,
dialog[data-images="off"] .article-body picture,
dialog[data-images="off"] .article-body video,
dialog[data-images="off"] .article-body svg { display: none; }
dialog[data-images="off"] .alt-text {
  display: block;
  border: 1px dashed var(--border);
  padding: 0.4em 0.6em;
  color: var(--fg);
  font-style: italic;
}

.visually-hidden {
  position: absolute !important;
  width: 1px !important;
  height: 1px !important;
  margin: -1px !important;
  padding: 0 !important;
  overflow: hidden !important;
  clip-path: inset(50%) !important;
  white-space: nowrap !important;
  border: 0 !important;
}

${'' /* The settings form, shared with the popup (src/settings-ui/settings-form.ts). */}
.form fieldset { border: 1px solid var(--border); border-radius: 6px; margin: 0 0 12px; padding: 8px 12px; min-width: 0; }
.form legend { font-weight: 600; padding: 0 4px; }
.form .choices { display: flex; flex-wrap: wrap; gap: 4px 14px; }
.form label { display: inline-flex; align-items: center; gap: 6px; min-height: 24px; }
.form input[type="radio"], .form input[type="checkbox"] { width: 20px; height: 20px; margin: 2px; accent-color: var(--link); }
.form .range { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 0 0 6px; }
.form .range label { min-width: 9em; }
.form input[type="range"] { flex: 1 1 8em; min-width: 0; min-height: 24px; accent-color: var(--link); }
.form output { min-width: 4em; }
.form .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
.form .preview {
  border: 1px solid var(--border);
  border-radius: 6px;
  padding: 8px 12px;
  margin: 0 0 12px;
  font-size: var(--lectern-font-size, 1.25em);
  font-family: var(--lectern-font-family, serif);
  line-height: var(--lectern-line-height, 1.6);
  letter-spacing: var(--lectern-letter-spacing, 0);
  word-spacing: var(--lectern-word-spacing, 0);
  overflow-wrap: anywhere;
}

@media (prefers-reduced-motion: no-preference) {
  dialog { scroll-behavior: smooth; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  dialog, dialog[data-theme] {
    --bg: Canvas; --fg: CanvasText; --muted: CanvasText; --link: LinkText; --visited: VisitedText;
    --border: CanvasText; --focus: Highlight; --button-bg: ButtonFace;
  }
  button { color: ButtonText; border-color: ButtonText; }
  button[aria-pressed="true"], button[aria-expanded="true"] { background: Highlight; color: HighlightText; forced-color-adjust: none; }
  :focus-visible { outline-color: Highlight; }
}
@media print {
  dialog {
    position: static !important;
    width: auto !important;
    height: auto !important;
    max-height: none !important;
    overflow: visible !important;
    background: #fff !important;
    color: #000 !important;
    --fg: #000; --muted: #000; --link: #000; --visited: #000; --border: #000; --bg: #fff;
  }
  dialog::backdrop { display: none; }
  .bar, .skip, .panel, [role="status"] { display: none !important; }
  .article { max-width: none; padding: 0; }
  .article-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; overflow-wrap: anywhere; }
  .scroll-box, .article-body pre { overflow: visible; white-space: pre-wrap; }
  .article-body figure, .article-body img { break-inside: avoid; }
}
`;
