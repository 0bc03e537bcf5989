import {
  applySettings,
  cssVariables,
  fontStacks,
  FONT_STACKS,
} from '../../../src/settings-ui/apply-settings';
import { DEFAULT_SETTINGS, TEXT_SIZES, textSizePx, type Settings } from '../../../src/shared/settings';

test.each(TEXT_SIZES)(
  '%s: the font size is in em of the browser default (MD = 1.25em), never rem',
  (size) => {
    const vars = cssVariables({ ...DEFAULT_SETTINGS, textSize: size });
    const em = parseFloat(vars['--lectern-font-size']!);
    expect(vars['--lectern-font-size']).toMatch(/^[\d.]+em$/);
    expect(em * 16).toBeCloseTo(textSizePx(size, 16), 6);
  },
);

test('MD is 20 px at a 16 px default, XXL twice MD, XXXL four times', () => {
  const px = (s: Settings['textSize']) =>
    parseFloat(cssVariables({ ...DEFAULT_SETTINGS, textSize: s })['--lectern-font-size']!) * 16;
  expect(px('MD')).toBe(20);
  expect(px('XXL') / px('MD')).toBe(2);
  expect(px('XXXL') / px('MD')).toBe(4);
});

test('every variable is unitless or px/em/ch, and fonts map to their stacks', () => {
  for (const font of Object.keys(FONT_STACKS) as Settings['font'][]) {
    const vars = cssVariables({ ...DEFAULT_SETTINGS, font });
    expect(vars['--lectern-font-family']).toBe(FONT_STACKS[font]);
    for (const [name, value] of Object.entries(vars))
      if (name !== '--lectern-font-family') expect(value).toMatch(/^[\d.]+(em|ch)?$/);
  }
  expect(FONT_STACKS.atkinson).toContain('"Lectern Atkinson Hyperlegible"');
  expect(FONT_STACKS.opendyslexic).toContain('"Lectern OpenDyslexic"');
});

test('applySettings sets properties and data attributes only', () => {
  const el = document.createElement('div');
  applySettings(el, { ...DEFAULT_SETTINGS, theme: 'sepia', images: false, textSize: 'XL' });
  expect(el.dataset).toMatchObject({ theme: 'sepia', images: 'off', textSize: 'XL', font: 'serif' });
  expect(el.style.getPropertyValue('--lectern-width')).toBe('66ch');
  expect(el.childNodes).toHaveLength(0);
});

test("the reader's own family names pick its bundled fonts", () => {
  const stacks = fontStacks({ atkinson: 'f0123456789abcdef', opendyslexic: 'ffedcba9876543210' });
  const vars = cssVariables({ ...DEFAULT_SETTINGS, font: 'opendyslexic' }, stacks);
  expect(vars['--lectern-font-family']).toBe('"ffedcba9876543210", "Comic Sans MS", system-ui, sans-serif');
  expect(stacks.atkinson).toBe('"f0123456789abcdef", system-ui, sans-serif');
  expect(stacks.serif).toBe(FONT_STACKS.serif);
});
