/**
 * Settings → CSS custom properties on the dialog. Applying settings never re-extracts or re-renders
 * the article: it only changes these properties (and a couple of data attributes for themes/fonts).
 * Sizes are in px/em, never rem (rem follows the page's root font size).
 */
import { MD_FACTOR, TEXT_SIZE_SCALE, type Settings } from '../shared/settings';

/** The family names given to the bundled fonts (Atkinson Hyperlegible, OpenDyslexic). */
export type FontFamilies = Readonly<Record<'atkinson' | 'opendyslexic', string>>;

/** Their names in the extension's own pages (popup.css). The reader names them at random instead. */
export const EXTENSION_FAMILIES: FontFamilies = {
  atkinson: 'Lectern Atkinson Hyperlegible',
  opendyslexic: 'Lectern OpenDyslexic',
};

export type FontStacks = Readonly<Record<Settings['font'], string>>;

export function fontStacks(families: FontFamilies): FontStacks {
  return {
    // Latin faces first, then faces for Arabic script (Urdu reads best in Nastaliq), then the generic.
    serif:
      'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", "DejaVu Serif", ' +
      '"Noto Nastaliq Urdu", "Noto Naskh Arabic", "Amiri", serif',
    sans:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, ' +
      '"Noto Sans Arabic", "Noto Naskh Arabic", sans-serif',
    atkinson: `"${families.atkinson}", system-ui, sans-serif`,
    opendyslexic: `"${families.opendyslexic}", "Comic Sans MS", system-ui, sans-serif`,
  };
}

/** The stacks of the extension's own pages. */
export const FONT_STACKS: FontStacks = fontStacks(EXTENSION_FAMILIES);

/** The custom properties for a settings object, by name (without units where unitless). */
export function cssVariables(settings: Settings, stacks: FontStacks = FONT_STACKS): Record<string, string> {
  const scale = TEXT_SIZE_SCALE[settings.textSize] * MD_FACTOR;
  return {
    // 1em here is the host's font size, which is `medium`: the browser's default font size.
    '--lectern-font-size': `${scale}em`,
    '--lectern-font-family': stacks[settings.font],
    '--lectern-line-height': String(settings.lineHeight),
    '--lectern-letter-spacing': `${settings.letterSpacing}em`,
    '--lectern-word-spacing': `${settings.wordSpacing}em`,
    '--lectern-paragraph-spacing': `${settings.paragraphSpacing}em`,
    '--lectern-width': `${settings.width}ch`,
  };
}

export interface Styled {
  style: CSSStyleDeclaration;
  setAttribute(name: string, value: string): void;
}

export function applySettings(el: Styled, settings: Settings, stacks: FontStacks = FONT_STACKS): void {
  for (const [name, value] of Object.entries(cssVariables(settings, stacks)))
    el.style.setProperty(name, value);
  el.setAttribute('data-theme', settings.theme);
  el.setAttribute('data-font', settings.font);
  el.setAttribute('data-images', settings.images ? 'on' : 'off');
  el.setAttribute('data-text-size', settings.textSize);
}
