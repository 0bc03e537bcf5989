/**
 * WCAG 2.x contrast of every theme's palette (the colours the overlay's stylesheet uses): body text
 * at least 7:1 (AAA, 1.4.6), links at least 4.5:1, borders and focus rings at least 3:1 (1.4.11).
 * The e2e suite checks the same on computed colours in both browsers.
 */
import { highlightThemeCss, PALETTES } from '../../../src/overlay/palettes';
import { OVERLAY_CSS } from '../../../src/overlay/css';

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

test('the formula matches known values', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  expect(contrast('#595959', '#ffffff')).toBeCloseTo(7.0, 1);
});

const rows = Object.entries(PALETTES).map(([theme, p]) => ({
  theme,
  text: contrast(p.fg, p.bg),
  muted: contrast(p.muted, p.bg),
  link: contrast(p.link, p.bg),
  visited: contrast(p.visited, p.bg),
  buttonText: contrast(p.fg, p.buttonBg),
  pressedButton: contrast(p.bg, p.fg),
  border: contrast(p.border, p.bg),
  focus: contrast(p.focus, p.bg),
  highlightedText: contrast(p.markFg, p.markBg),
}));

test.each(rows)('$theme: text ≥ 7:1, links ≥ 4.5:1, borders and focus ≥ 3:1', (r) => {
  expect(r.text).toBeGreaterThanOrEqual(7);
  expect(r.muted).toBeGreaterThanOrEqual(7);
  expect(r.buttonText).toBeGreaterThanOrEqual(7);
  expect(r.pressedButton).toBeGreaterThanOrEqual(7);
  expect(r.link).toBeGreaterThanOrEqual(4.5);
  expect(r.visited).toBeGreaterThanOrEqual(4.5);
  expect(r.border).toBeGreaterThanOrEqual(3);
  expect(r.focus).toBeGreaterThanOrEqual(3);
  // Read aloud's highlight: the word being read stays as readable as body text (AAA).
  expect(r.highlightedText).toBeGreaterThanOrEqual(7);
});

test("read aloud's highlight has a rule per theme, Auto in dark mode and forced colours", () => {
  const css = highlightThemeCss('h0123');
  for (const [theme, p] of Object.entries(PALETTES)) {
    const scope = theme === 'light' ? 'dialog' : `dialog[data-theme="${theme}"]`;
    expect(css).toContain(`${scope} ::highlight(h0123) { background-color: ${p.markBg}; color: ${p.markFg};`);
  }
  expect(css).toMatch(
    /@media \(prefers-color-scheme: dark\) {\s*dialog\[data-theme="auto"\] ::highlight\(h0123\)/,
  );
  expect(css).toMatch(/@media \(forced-colors: active\) {[^}]*Mark; color: MarkText/);
  expect(highlightThemeCss('')).toBe('');
});

test('the palettes in use: ratios (printed for the record)', () => {
  const table = rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v]),
    ),
  );
  expect(table).toMatchSnapshot();
});

test('every theme, forced colours, reduced motion and print have rules; no rem anywhere', () => {
  for (const theme of ['sepia', 'dark', 'contrast'])
    expect(OVERLAY_CSS).toContain(`dialog[data-theme="${theme}"]`);
  expect(OVERLAY_CSS).toMatch(/@media \(prefers-color-scheme: dark\)\s*{\s*dialog\[data-theme="auto"\]/);
  expect(OVERLAY_CSS).toContain('@media (forced-colors: active)');
  expect(OVERLAY_CSS).toContain('@media (prefers-reduced-motion: reduce)');
  expect(OVERLAY_CSS).toContain('@media print');
  expect(OVERLAY_CSS).not.toMatch(/\d\s*rem\b/);
});
