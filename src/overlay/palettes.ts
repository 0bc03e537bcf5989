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
