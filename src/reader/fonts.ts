/**
 * The two bundled fonts (Atkinson Hyperlegible, OpenDyslexic), loaded from the extension on demand and
 * in the page's document.fonts only while the reader is open, under names that say nothing of Lectern.
 */
import type { Settings } from '../shared/settings';
import type { FontFamilies } from '../settings-ui/apply-settings';

type Bundled = keyof FontFamilies;

/** The fonts the build copies to dist/*\/fonts/ (scripts/build.mjs FONT_FILES). */
const FONT_FACES: Record<Bundled, Array<[string, FontFaceDescriptors]>> = {
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

/** The parts of the page's FontFaceSet used here. */
export interface FontSetLike {
  add(face: FontFace): unknown;
  delete(face: FontFace): unknown;
}

export interface FontEnvironment {
  fonts: FontSetLike;
  fetchBytes: (url: string) => Promise<ArrayBuffer>;
  makeFace: (family: string, bytes: ArrayBuffer, descriptors: FontFaceDescriptors) => FontFace;
  /** A family name of the reader's own: random, so no page can look it up or tell what it is. */
  randomFamily: () => string;
}

/** 'f' and 16 hex digits from the platform's random source. */
export function randomFamily(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `f${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * FontFace from bytes, added to document.fonts: works under `default-src 'none'` in both browsers (an
 * @font-face inside a shadow root is ignored, and data: URLs fall under the page's font-src). A page
 * reads document.fonts, so the faces are there only while the reader is open (`show`/`hide`), and
 * their names are random per reader: nothing tells a page that this visitor reads with Lectern or
 * with a dyslexia font once the reader is closed. Loaded faces are kept, never fetched twice.
 */
export class BundledFonts {
  readonly families: FontFamilies;
  private readonly env: FontEnvironment;
  private readonly faces: FontFace[] = [];
  private readonly loading = new Map<Bundled, Promise<void>>();
  private shown = false;

  /** `fileUrl` turns a path in the extension into its URL. */
  constructor(
    private readonly fileUrl: (path: string) => string,
    env: Partial<FontEnvironment> = {},
  ) {
    this.env = {
      fonts: env.fonts ?? document.fonts,
      fetchBytes: env.fetchBytes ?? (async (url) => (await fetch(url)).arrayBuffer()),
      makeFace: env.makeFace ?? ((family, bytes, descriptors) => new FontFace(family, bytes, descriptors)),
      randomFamily: env.randomFamily ?? randomFamily,
    };
    this.families = { atkinson: this.env.randomFamily(), opendyslexic: this.env.randomFamily() };
  }

  /** Loads a bundled font once (other fonts need nothing); shown at once if the reader is open. */
  ensure(font: Settings['font']): Promise<void> {
    if (font !== 'atkinson' && font !== 'opendyslexic') return Promise.resolve();
    let loading = this.loading.get(font);
    if (!loading) {
      loading = Promise.all(FONT_FACES[font].map(([file, d]) => this.loadFace(font, file, d))).then(
        () => undefined,
        () => {
          this.loading.delete(font); // try again next time; the CSS falls back meanwhile
        },
      );
      this.loading.set(font, loading);
    }
    return loading;
  }

  /** The reader opens: its loaded faces go (back) into the page's font set. */
  show(): void {
    this.shown = true;
    for (const face of this.faces) this.env.fonts.add(face);
  }

  /** The reader closed: its faces leave the page's font set (kept here for the next opening). */
  hide(): void {
    this.shown = false;
    for (const face of this.faces) this.env.fonts.delete(face);
  }

  private async loadFace(font: Bundled, file: string, descriptors: FontFaceDescriptors): Promise<void> {
    const bytes = await this.env.fetchBytes(this.fileUrl(`fonts/${file}`));
    const face = this.env.makeFace(this.families[font], bytes, descriptors);
    await face.load();
    this.faces.push(face);
    if (this.shown) this.env.fonts.add(face);
  }
}
