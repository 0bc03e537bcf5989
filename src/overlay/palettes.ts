/** The theme palettes (data), and the theme rules that set them as CSS custom properties on the dialog. */

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
  /** Read aloud's highlight (the word or sentence being read): text on background, ≥ 7:1. */
  markBg: string;
  markFg: string;
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
    markBg: '#ffd84d',
    markFg: '#000000',
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
    markBg: '#ffd166',
    markFg: '#1a1208',
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
    markBg: '#ffd84d',
    markFg: '#000000',
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
    markBg: '#ffff00',
    markFg: '#000000',
  },
} as const satisfies Record<string, Palette>;

function vars(p: Palette): string {
  return (
    `--bg:${p.bg};--fg:${p.fg};--muted:${p.muted};--link:${p.link};--visited:${p.visited};` +
    `--border:${p.border};--focus:${p.focus};--button-bg:${p.buttonBg};`
  );
}

/** Light by default; each theme's data attribute picks its palette; Auto follows the OS's dark mode. */
export function themeCss(): string {
  return (
    `dialog { ${vars(PALETTES.light)} }\n` +
    `dialog[data-theme="sepia"] { ${vars(PALETTES.sepia)} }\n` +
    `dialog[data-theme="dark"] { ${vars(PALETTES.dark)} color-scheme: dark; }\n` +
    `dialog[data-theme="contrast"] { ${vars(PALETTES.contrast)} color-scheme: dark; }\n` +
    `@media (prefers-color-scheme: dark) {\n` +
    `  dialog[data-theme="auto"] { ${vars(PALETTES.dark)} color-scheme: dark; }\n` +
    `}\n`
  );
}

/**
 * Read aloud's highlight, per theme. Colours are written into each rule rather than taken from the
 * custom properties: var() inside ::highlight() does not resolve alike in every browser. Forced-colours
 * modes get the system's Mark colours; an underline keeps it visible without colour.
 */
export function highlightThemeCss(name: string): string {
  if (!name) return '';
  const rule = (scope: string, p: Palette) =>
    `${scope} ::highlight(${name}) { background-color: ${p.markBg}; color: ${p.markFg}; ` +
    `text-decoration: underline 2px; }\n`;
  return (
    rule('dialog', PALETTES.light) +
    rule('dialog[data-theme="sepia"]', PALETTES.sepia) +
    rule('dialog[data-theme="dark"]', PALETTES.dark) +
    rule('dialog[data-theme="contrast"]', PALETTES.contrast) +
    `@media (prefers-color-scheme: dark) {\n  ${rule('dialog[data-theme="auto"]', PALETTES.dark)}}\n` +
    `@media (forced-colors: active) {\n  dialog[data-theme] ::highlight(${name}) { background-color: Mark; color: MarkText; }\n}\n`
  );
}
