/**
 * The text of a block as the reader sees it (whitespace collapsed as HTML renders it, across links and
 * inline formatting), with a map from each of its characters back to a text node and offset, so an
 * utterance's charIndex becomes a DOM Range without touching the markup.
 */

export interface TextMap {
  /** The text spoken for the block. */
  readonly text: string;
  /** The DOM range of text[start, end), or null when no page text lies there. */
  range(start: number, end: number): Range | null;
}

/** Elements whose edges separate words even when the markup has no space there. */
const BREAKING = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

const COLLAPSIBLE = /[ \t\n\r\f]/;

export interface TextMapOptions {
  /** Subtrees left out of this block's text (hidden parts, credits, blocks read on their own). */
  skip?: (el: Element) => boolean;
}

export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const skip = options.skip ?? (() => false);
  const chars: string[] = [];
  // For each character: its text node and offset, or null for a space that only the layout implies.
  const nodes: (Text | null)[] = [];
  const offsets: number[] = [];
  const lastIsSpace = () => chars.length === 0 || chars[chars.length - 1] === ' ';
  const separate = () => {
    if (lastIsSpace()) return;
    chars.push(' ');
    nodes.push(null);
    offsets.push(0);
  };

  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const value = text.data;
      const keep = text.parentElement?.closest('pre, textarea') != null;
      for (let i = 0; i < value.length; i++) {
        let ch = value[i]!;
        if (!keep && COLLAPSIBLE.test(ch)) {
          if (lastIsSpace()) continue;
          ch = ' ';
        }
        chars.push(ch);
        nodes.push(text);
        offsets.push(i);
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const breaking = BREAKING.has(el.tagName.toUpperCase());
    if (node !== root && skip(el)) {
      if (breaking) separate();
      return;
    }
    if (breaking && node !== root) separate();
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (breaking && node !== root) separate();
  };
  visit(root);

  // Trailing spaces are not spoken; leading ones never get in (lastIsSpace is true at the start).
  while (chars.length && chars[chars.length - 1] === ' ') {
    chars.pop();
    nodes.pop();
    offsets.pop();
  }
  const text = chars.join('');
  const doc = root.ownerDocument;

  return {
    text,
    range(start, end) {
      const from = Math.max(0, start);
      const to = Math.min(text.length, end);
      let first = from;
      while (first < to && nodes[first] == null) first++;
      let last = to - 1;
      while (last >= first && nodes[last] == null) last--;
      if (first >= to || last < first) return null;
      const range = doc.createRange();
      range.setStart(nodes[first]!, offsets[first]!);
      range.setEnd(nodes[last]!, offsets[last]! + 1);
      return range;
    },
  };
}
