/** The two bundled fonts (Atkinson Hyperlegible, OpenDyslexic), loaded from the extension on demand. */
import type { Settings } from '../shared/settings';

/** The fonts the build copies to dist/*\/fonts/ (scripts/build.mjs FONT_FILES). */
const FONT_FACES: Record<'atkinson' | 'opendyslexic', Array<[string, FontFaceDescriptors]>> = {
  atkinson: [
    ['atkinson-hyperlegible-latin-400-normal.woff2', { weight: '400', style: 'normal' }],
    ['atkinson-hyperlegible-latin-700-normal.woff2', { weight: '700', style: 'normal' }],
    ['atkinson-hyperlegible-latin-400-italic.woff2', { weight: '400', style: 'italic' }],
  ],
  opendyslexic: [
    ['opendyslexic-latin-400-normal.woff2', { weight: '400', style: 'normal' }],
    ['opendyslexic-latin-700-normal.woff2', { weight: '700', style: 'normal' }],
    ['opendyslexic-latin-400-italic.woff2', { weight: '400', style: 'italic' }],
  ],
};
const FONT_FAMILIES = { atkinson: 'Lectern Atkinson Hyperlegible', opendyslexic: 'Lectern OpenDyslexic' };

/**
 * A loader for the bundled fonts: FontFace from bytes, added to document.fonts, which works under
 * `default-src 'none'` in both browsers (an @font-face inside a shadow root is ignored, and data: URLs
 * fall under the page's font-src). `fileUrl` turns a path in the extension into its URL.
 */
export function fontLoader(fileUrl: (path: string) => string): (font: Settings['font']) => Promise<void> {
  const fontsLoading = new Map<string, Promise<void>>();
  return function ensureFont(font) {
    if (font !== 'atkinson' && font !== 'opendyslexic') return Promise.resolve();
    let loading = fontsLoading.get(font);
    if (!loading) {
      loading = Promise.all(
        FONT_FACES[font].map(async ([file, descriptors]) => {
          const response = await fetch(fileUrl(`fonts/${file}`));
          const face = new FontFace(FONT_FAMILIES[font], await response.arrayBuffer(), descriptors);
          await face.load();
          document.fonts.add(face);
        }),
      ).then(
        () => undefined,
        () => {
          fontsLoading.delete(font); // try again next time; the CSS falls back meanwhile
        },
      );
      fontsLoading.set(font, loading);
    }
    return loading;
  };
}
