/**
 * What read aloud reads: the article body cut into blocks in reading order (paragraphs, list items,
 * headings, quotes, table cells, captions when asked), each with its text map. Image alt text, bylines,
 * photo credits, hidden parts and the reader's own controls are never read.
 */
import { buildTextMap, type TextMap } from './text-map';

export type ChunkKind = 'text' | 'heading' | 'caption';

export interface Chunk {
  element: Element;
  kind: ChunkKind;
  /** The language to segment it in: the nearest lang attribute, else the article's. */
  lang: string;
  text: string;
  map: TextMap;
}

export interface ChunkOptions {
  /** Figure captions are read (once, where they stand) only when this is on. */
  readCaptions: boolean;
  /** The article's language. */
  lang?: string;
  /** More subtrees to leave out, e.g. the reader's own controls if any sit inside the body. */
  skip?: (el: Element) => boolean;
}

/** Elements that are read as blocks of their own (when they hold text outside nested blocks). */
const BLOCKS = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'TD',
  'TH',
  'CAPTION',
  'FIGCAPTION',
  'DT',
  'DD',
  'PRE',
  'DIV',
  'SECTION',
  'ARTICLE',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'FIGURE',
  'ADDRESS',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Never read: media (alt text included), scripts, form controls and the like. */
const NEVER = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'DIALOG',
]);

/** Class-name pieces of bylines and photo credits inside the body. */
const UNREAD_CLASS = /byline|credit/i;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('data-no-read')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

function tag(el: Element): string {
  return el.tagName.toUpperCase();
}

/** Is this subtree left out of reading altogether? */
export function isUnread(el: Element, options: Pick<ChunkOptions, 'readCaptions' | 'skip'>): boolean {
  const name = tag(el);
  if (NEVER.has(name)) return true;
  if (name === 'FIGCAPTION' && !options.readCaptions) return true;
  if (isHidden(el)) return true;
  const cls = el.getAttribute('class');
  if (cls && UNREAD_CLASS.test(cls)) return true;
  return options.skip?.(el) ?? false;
}

/** The blocks of `body` to read, in document order (which is reading order, also in tables and RTL text). */
export function buildChunks(body: Element, options: ChunkOptions): Chunk[] {
  const chunks: Chunk[] = [];
  const isBlock = (el: Element) => BLOCKS.has(tag(el));
  const visit = (el: Element, lang: string): void => {
    const own = el.getAttribute('lang');
    const here = own != null && own !== '' ? own : lang;
    if (el === body || isBlock(el)) {
      // Nested blocks are read on their own, after this block's own text.
      const map = buildTextMap(el, { skip: (e) => isUnread(e, options) || isBlock(e) });
      if (map.text !== '') {
        const name = tag(el);
        const kind: ChunkKind = HEADINGS.has(name)
          ? 'heading'
          : name === 'FIGCAPTION' || name === 'CAPTION'
            ? 'caption'
            : 'text';
        chunks.push({ element: el, kind, lang: here, text: map.text, map });
      }
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (!isUnread(child, options)) visit(child, here);
    }
  };
  visit(body, options.lang ?? '');
  return chunks;
}

/**
 * "Read from here": the index of the chunk that holds `node`, or of the first chunk after it; -1 when
 * nothing is read from there on.
 */
export function chunkIndexAt(chunks: readonly Chunk[], node: Node): number {
  // The innermost block that holds the node (blocks come outer first), else the first one after it.
  let inside = -1;
  chunks.forEach((chunk, i) => {
    if (chunk.element === node || chunk.element.contains(node)) inside = i;
  });
  if (inside >= 0) return inside;
  return chunks.findIndex((c) => node.compareDocumentPosition(c.element) & Node.DOCUMENT_POSITION_FOLLOWING);
}
