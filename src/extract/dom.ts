/** DOM helpers the extraction steps share: a walk in document order, class names, paragraph mass. */

/** Next element in document order below `root`, without recursion. */
export function nextElement(el: Element, root: Element, skipChildren = false): Element | null {
  if (!skipChildren && el.firstElementChild) return el.firstElementChild;
  let cur: Element | null = el;
  while (cur && cur !== root) {
    if (cur.nextElementSibling) return cur.nextElementSibling;
    cur = cur.parentElement;
  }
  return null;
}

/** The names in an element's class attribute, as written. */
export function classNames(el: Element): string[] {
  const c = el.getAttribute('class');
  return c ? c.trim().split(/\s+/) : [];
}

/** An empty anchor target (`<a name="content"></a>`, `<div id="top"></div>`) stands for what follows it. */
export function isEmptyTarget(target: Element): boolean {
  return !target.firstElementChild && !(target.textContent ?? '').trim();
}

/** A region "holds an article-like block" with at least this much paragraph text. */
const ARTICLE_MIN_CHARS = 500;
const ARTICLE_MIN_PARAGRAPHS = 3;

export function holdsArticle(mass: { chars: number; paragraphs: number }): boolean {
  return mass.chars >= ARTICLE_MIN_CHARS && mass.paragraphs >= ARTICLE_MIN_PARAGRAPHS;
}

/** Paragraph text inside a region (bounded), the measure of "holds an article-like block". */
export function paragraphMass(root: Element, limit = 400): { chars: number; paragraphs: number } {
  const ps = root.getElementsByTagName('p');
  let chars = 0;
  let paragraphs = 0;
  for (let i = 0; i < ps.length && i < limit; i++) {
    const len = ((ps[i] as Element).textContent ?? '').trim().length;
    if (len >= 80) {
      chars += len;
      paragraphs++;
    }
  }
  return { chars, paragraphs };
}
