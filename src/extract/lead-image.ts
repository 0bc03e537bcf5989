/** The article's lead image (the cover figure Readability often drops), kept aside and put back. */

// Found on the prepared copy before Readability (which moves and rewrites nodes), kept as a plain
// copy, and put back at the top of the article when Readability left it out.
import { resolveLazyImage } from './lazy-images';
import { isCreditOnly } from './captions';

/** The first body paragraph is at least this long; the lead figure comes before it. */
const BODY_PARAGRAPH_CHARS = 100;

export interface LeadImage {
  src: string;
  figure: Element;
}

function resolved(src: string, base: string): string {
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
}

export function findLeadImage(clone: Document, region: Element | null): LeadImage | null {
  const scope = region ?? clone.body;
  if (!scope) return null;
  const h1 = scope.getElementsByTagName('h1')[0];
  if (!h1) return null;
  const figures = scope.getElementsByTagName('figure');
  let figure: Element | null = null;
  for (let i = 0; i < figures.length && i < 20; i++) {
    const f = figures[i] as Element;
    if (h1.compareDocumentPosition(f) & 4 /* FOLLOWING */ && !f.closest('a, li')) {
      figure = f;
      break;
    }
  }
  if (!figure) return null;
  const img = figure.querySelector('img');
  if (!img) return null;
  resolveLazyImage(img);
  const src = img.getAttribute('src');
  if (!src) return null;
  // Nothing of the body may come between the headline and the figure.
  const ps = scope.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < 200; i++) {
    const p = ps[i] as Element;
    if (!(h1.compareDocumentPosition(p) & 4)) continue;
    if (!(p.compareDocumentPosition(figure) & 4)) break;
    if ((p.textContent ?? '').trim().length >= BODY_PARAGRAPH_CHARS && !figure.contains(p)) return null;
  }
  const copy = clone.createElement('figure');
  const image = clone.createElement('img');
  image.setAttribute('src', resolved(src, clone.baseURI));
  for (const name of ['alt', 'width', 'height']) {
    const v = img.getAttribute(name);
    if (v !== null) image.setAttribute(name, v);
  }
  copy.appendChild(image);
  const caption = (figure.querySelector('figcaption')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // A caption that is only a credit ("Photo: iFixit") says nothing to a reader of the restored image.
  if (caption && !isCreditOnly(caption)) {
    const cap = clone.createElement('figcaption');
    cap.textContent = caption;
    copy.appendChild(cap);
  }
  return { src: image.getAttribute('src') as string, figure: copy };
}

/** Puts the lead figure back at the top of the article when Readability left its image out. */
export function restoreLeadImage(content: Element, lead: LeadImage, base: string): boolean {
  const imgs = content.getElementsByTagName('img');
  for (let i = 0; i < imgs.length; i++) {
    const src = (imgs[i] as Element).getAttribute('src');
    if (src && resolved(src, base) === lead.src) return false;
  }
  const host =
    content.firstElementChild && content.children.length === 1 ? content.firstElementChild : content;
  host.insertBefore(content.ownerDocument.importNode(lead.figure, true), host.firstChild);
  return true;
}
