/** Every caption read once: duplicated captions and alt texts collapsed on Readability's output. */
import { blockText } from './block-text';

/** A trailing photo credit: "(Reuters)", "Photo: AP", "AP Photo/Jane Doe", "© Agency", "Getty Images". */
const CREDIT =
  /\s*(?:[-–—|/]\s*)?(?:\((?:[^()]{1,120})\)|(?:photos?|photograph|image|picture|credit|foto|source|courtesy|illustration|crédit|bild)\s*(?:by|:|credit:?)\s*[^.]{1,80}|(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Shutterstock|Xinhua|Bloomberg|Handout)(?:\s*(?:Photo|Images))?(?:\s*\/\s*[^.]{1,60})?|©\s*[^.]{1,80})\s*\.?\s*$/i;

const WORDS = /[\p{L}\p{N}_]+/gu;

/** Words of a text, lowercased, joined by single spaces. */
export function normaliseText(s: string): string {
  return (s.match(WORDS) ?? []).join(' ').toLowerCase();
}

/** A caption or alt text normalised for comparison: whitespace, case, punctuation and trailing credits. */
export function normaliseCaption(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 2; i++) {
    const stripped = t.replace(CREDIT, '');
    if (stripped === t || stripped.trim().length < 3) break;
    t = stripped;
  }
  return normaliseText(t);
}

/** A caption that is only a photo credit: "Photo: iFixit", "Courtesy Google", "(AP)". */
export function isCreditOnly(s: string): boolean {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length > 100) return false;
  if (/^(?:photos?|photograph|image|picture|credit|courtesy|foto|source|illustration)s?\b/i.test(t))
    return true;
  return t.replace(CREDIT, '').trim().length < 3;
}

/** Whether two captions say the same (one may extend the other by a credit or a few words). */
export function sameCaption(a: string, b: string): boolean {
  const na = normaliseCaption(a);
  const nb = normaliseCaption(b);
  if (!na || !nb) return false;
  if (na === nb || normaliseText(a) === normaliseText(b)) return true;
  const [short, long] = na.length <= nb.length ? [na, nb] : [nb, na];
  return short.split(' ').length >= 2 && long.startsWith(short) && short.length >= 0.6 * long.length;
}

/** The caption that belongs to an image: its figure's figcaption, else a short caption block right after it. */
function captionOf(img: Element): Element | null {
  const figure = img.closest('figure');
  if (figure) {
    const cap = figure.querySelector('figcaption');
    if (cap) return cap;
  }
  let anchor: Element = img;
  for (let level = 0; level < 3 && anchor.parentElement; level++) {
    const next = anchor.nextElementSibling;
    if (next) {
      const len = (next.textContent ?? '').trim().length;
      return len > 0 && len < 500 && !hasMedia(next) ? next : null;
    }
    anchor = anchor.parentElement;
    if (anchor.textContent?.trim() && anchor.querySelectorAll('img').length > 1) break;
  }
  return null;
}

const MEDIA_TAGS = ['img', 'picture', 'video', 'audio', 'svg', 'canvas', 'iframe', 'object', 'embed'];

function hasMedia(el: Element): boolean {
  if (MEDIA_TAGS.includes(el.tagName.toLowerCase())) return true;
  for (const tag of MEDIA_TAGS) if (el.getElementsByTagName(tag).length) return true;
  return false;
}

/** Occurrences of a space-padded needle, adjacent ones included (they share a space). */
function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length - 1)) n++;
  return n;
}

/** Whether a normalised text of four words or more occurs in the (space-padded) flat text. */
function longAndIn(words: string, flat: string): boolean {
  return words.split(' ').length >= 4 && flat.includes(` ${words} `);
}

/**
 * Collapses duplicated captions in place, before DOMPurify; returns how many duplicates it removed or
 * silenced:
 * - an image whose alt text repeats its caption (or any text of the article) gets `alt=""`: the visible
 *   caption stays and labels the figure (a `<figure>` takes its name from its `<figcaption>`);
 * - a caption repeated in an adjacent element is kept once (galleries: one per image);
 * - a caption whose image is gone stays only when it says something the article does not;
 * - distinct captions are never removed.
 */
export function collapseCaptions(root: Element): number {
  let count = 0;

  // 1. Captions repeated in adjacent elements: keep the first. Only around images: each figure, each
  // figcaption, and the block that follows an image outside a figure.
  const around = new Set<Element>();
  for (const f of Array.from(root.getElementsByTagName('figure'))) around.add(f);
  for (const c of Array.from(root.getElementsByTagName('figcaption'))) around.add(c);
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if (img.closest('figure')) continue;
    let anchor: Element = img;
    while (!anchor.nextElementSibling && anchor.parentElement && anchor.parentElement !== root)
      anchor = anchor.parentElement;
    const next = anchor.nextElementSibling;
    if (next) around.add(next);
  }
  for (const el of around) {
    const next = el.nextElementSibling;
    if (!next || !root.contains(el) || hasMedia(next)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 1000) continue;
    const text = normaliseText(raw);
    if (!text || text.length > 600 || text.split(' ').length < 3) continue;
    if (normaliseText(next.textContent ?? '') === text) {
      next.remove();
      count++;
    }
  }

  // 2. Captions whose image is gone: kept only when they add something. The article's text is read
  // (and normalised) only when there is a caption or an alt text to compare with it.
  let text: string | null = null;
  let flat: string | null = null;
  const articleText = (): string => (text ??= blockText(root));
  /** The article's words, space-padded, for whole-phrase searches. */
  const flatText = (): string => (flat ??= ` ${normaliseText(articleText())} `);
  let changed = false;
  for (const cap of Array.from(root.querySelectorAll('figcaption'))) {
    if (!root.contains(cap)) continue;
    const figure = cap.closest('figure');
    const caption = normaliseText(cap.textContent ?? '');
    if (!caption) {
      cap.remove();
      if (figure && !hasMedia(figure) && !normaliseText(figure.textContent ?? '')) figure.remove();
      continue;
    }
    if (figure && !hasMedia(figure)) {
      if (occurrences(flatText(), ` ${caption} `) > 1) {
        figure.remove();
        changed = true;
        count++;
      }
    }
  }

  // 3. Alt text that a screen reader would also read as text: the image becomes decorative.
  if (changed) text = flat = null;
  let blocks: Set<string> | null = null;
  for (const img of Array.from(root.querySelectorAll('img[alt]'))) {
    const alt = img.getAttribute('alt') ?? '';
    const na = normaliseText(alt);
    if (!na) continue;
    blocks ??= new Set(articleText().split('\n\n').map(normaliseText));
    const padded = flatText();
    const caption = captionOf(img);
    const duplicate =
      (caption !== null && sameCaption(alt, caption.textContent ?? '')) ||
      blocks.has(na) ||
      longAndIn(na, padded) ||
      longAndIn(normaliseCaption(alt), padded);
    if (duplicate) {
      img.setAttribute('alt', '');
      count++;
    }
  }
  return count;
}
