/**
 * Sentences and words of a text, as offsets into it: Intl.Segmenter in the article's language, with a
 * punctuation split where the engine lacks it (offsets are what the highlighter maps back to the page).
 */

export interface Span {
  start: number;
  end: number;
}

type SegmenterCtor = typeof Intl.Segmenter;

function segmenterCtor(): SegmenterCtor | undefined {
  return typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? Intl.Segmenter : undefined;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string, granularity: 'sentence' | 'word'): Intl.Segmenter | undefined {
  const Ctor = segmenterCtor();
  if (!Ctor) return undefined;
  const key = `${granularity}:${lang}`;
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Ctor(lang || undefined, { granularity });
    } catch {
      // An invalid language tag from the page: the default locale still segments.
      s = new Ctor(undefined, { granularity });
    }
    segmenters.set(key, s);
  }
  return s;
}

/** A span without the whitespace at its ends; null when nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

// Sentence ends for the fallback: Latin, Urdu/Arabic (۔ ؟), Devanagari (। ॥), CJK (。！？) and ellipsis.
const FALLBACK_END = /[.!?\u06d4\u061f\u0964\u0965\u3002\uff01\uff1f\u2026]+["'\u201d\u2019)\]]*(\s+|$)/g;

function fallbackSentences(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(FALLBACK_END)) {
    const end = (m.index ?? 0) + m[0].length;
    const span = trimmed(text, from, end);
    if (span) out.push(span);
    from = end;
  }
  const rest = trimmed(text, from, text.length);
  if (rest) out.push(rest);
  return out;
}

// ICU splits after "Mr." or "Dr."; a one-word piece of at most three letters and a dot joins the next.
const SHORT_ABBREVIATION = /^\p{Lu}\p{L}{0,3}\.$/u;

/** The sentences of `text`, trimmed, in order; every non-space character belongs to one. */
export function splitSentences(text: string, lang: string): Span[] {
  const seg = segmenter(lang, 'sentence');
  if (!seg) return fallbackSentences(text);
  const out: Span[] = [];
  let pendingStart = -1;
  for (const piece of seg.segment(text)) {
    const span = trimmed(text, piece.index, piece.index + piece.segment.length);
    if (!span) continue;
    const start = pendingStart >= 0 ? pendingStart : span.start;
    pendingStart = -1;
    if (SHORT_ABBREVIATION.test(text.slice(span.start, span.end)) && span.start === start) {
      pendingStart = start;
      continue;
    }
    out.push({ start, end: span.end });
  }
  if (pendingStart >= 0)
    out.push({ start: pendingStart, end: trimmed(text, pendingStart, text.length)!.end });
  return out;
}

/**
 * The word at `index` (or the first word after it: engines may point at a space or a quotation mark), for
 * voices whose boundary events carry no charLength. Null when no word follows.
 */
export function wordAt(text: string, index: number, lang: string): Span | null {
  const seg = segmenter(lang, 'word');
  if (seg) {
    let piece = seg.segment(text).containing(Math.max(0, index));
    while (piece) {
      const end = piece.index + piece.segment.length;
      if (piece.isWordLike) return { start: piece.index, end };
      if (end >= text.length) return null;
      piece = seg.segment(text).containing(end);
    }
    return null;
  }
  const m = /\S+/.exec(text.slice(Math.max(0, index)));
  return m ? { start: Math.max(0, index) + m.index, end: Math.max(0, index) + m.index + m[0].length } : null;
}
