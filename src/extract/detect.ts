/** Cheap "is there an article here?" for the always-on detector: no copy, no Readability, loops capped. */
import type { Detection, DetectionSignals } from '../shared/detection';
import { findSkipTarget } from './skip-links';
import { urlParts } from '../shared/url-parts';

/**
 * schema.org's article types, lower case. Sets and string tests, not regular expressions, on the path
 * every page takes: a page's first regular expression costs about 0.4 ms (src/shared/url-parts.ts).
 */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'scholarlyarticle',
  'techarticle',
  'report',
]);
/** Types that say "this page is not one article" even when an Article is also mentioned. */
const NON_ARTICLE_TYPES = new Set(['collectionpage', 'searchresultspage', 'product', 'itemlist']);

/** Caps: the detector never does more than this much work on any page. */
const MAX_JSON_LD_SCRIPTS = 8;
const MAX_JSON_LD_CHARS = 200_000;
const MAX_ELEMENTS = 6000;
const MAX_BLOCKS = 800;
/** Readability's isProbablyReaderable defaults. */
const MIN_PARAGRAPH_CHARS = 140;
const MIN_SCORE = 20;
/** A text block this long (a div of text without <p>) is article text on its own. */
const LONG_BLOCK_CHARS = 1200;
function typesOf(node: unknown, out: string[], depth = 0): void {
  if (depth > 4 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 50)) typesOf(item, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  if (typeof type === 'string') out.push(type);
  else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') out.push(t);
  if (record['@graph']) typesOf(record['@graph'], out, depth + 1);
  if (record.mainEntity) typesOf(record.mainEntity, out, depth + 1);
}

/** The article-like JSON-LD type, or 'non-article' when the page says it is a listing, or null. */
export function jsonLdArticleType(doc: Document): string | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  const types: string[] = [];
  let budget = MAX_JSON_LD_CHARS;
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    let text = scripts[i]?.textContent ?? '';
    // Old templates wrap it in CDATA; most pages do not, and they skip the regular expression.
    if (text.includes('<![CDATA[')) text = text.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|\]\]>\s*$/g, '');
    if (text.length > budget) break;
    budget -= text.length;
    try {
      typesOf(JSON.parse(text), types);
    } catch {
      // Broken JSON-LD is common; it is simply not evidence.
    }
  }
  let article: string | null = null;
  for (const t of types) {
    const name = schemaName(t);
    const key = name.toLowerCase();
    if (NON_ARTICLE_TYPES.has(key)) return 'non-article';
    if (!article && ARTICLE_TYPES.has(key)) article = name;
  }
  return article;
}

/** A type as schema.org names it: `NewsArticle` of `https://schema.org/NewsArticle`. */
function schemaName(type: string): string {
  const lower = type.toLowerCase();
  for (const prefix of ['https://schema.org/', 'http://schema.org/'])
    if (lower.startsWith(prefix)) return type.slice(prefix.length);
  return type;
}

function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return el?.getAttribute('content')?.trim() || null;
}

/** Subtrees whose text is not the page's text (as isProbablyReaderable, plus navigation). */
const SKIPPED = 'script, style, noscript, template, nav, footer, [hidden], [aria-hidden="true"]';
/** The same, plus elements with a style attribute that may say display:none (checked by hand). */
const SKIPPED_OR_STYLED = `${SKIPPED}, [style*="display" i]`;

/**
 * Whether an inline style says `display: none` (any case, any whitespace around the colon). String
 * tests, as for the schema.org types above.
 */
export function displaysNone(style: string): boolean {
  const css = style.toLowerCase();
  const space = (c: string | undefined): boolean =>
    c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  for (let i = css.indexOf('display'); i >= 0; i = css.indexOf('display', i + 1)) {
    let j = i + 'display'.length;
    while (space(css[j])) j++;
    if (css[j] !== ':') continue;
    j++;
    while (space(css[j])) j++;
    if (css.startsWith('none', j)) return true;
  }
  return false;
}

/** Whether `el` sits in a skipped subtree below `body`: native `closest`, no walk from JavaScript. */
function skipped(el: Element, body: Element): boolean {
  for (let a = el.closest(SKIPPED_OR_STYLED); a && a !== body && body.contains(a);) {
    // As isProbablyReaderable: display:none hides, visibility:hidden does not (it keeps its box).
    if (a.matches(SKIPPED) || displaysNone(a.getAttribute('style') ?? '')) return true;
    a = a.parentElement?.closest(SKIPPED_OR_STYLED) ?? null;
  }
  return false;
}

function directText(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 3) n += (c.nodeValue ?? '').trim().length;
  return n;
}

interface TextMass {
  score: number;
  chars: number;
  paragraphs: number;
  longBlock: boolean;
  inContainer: number;
  inSkipTarget: number;
  headlineLinks: number;
  /** Paragraphs right after a headline link: teaser summaries. */
  teasers: number;
}

function emptyMass(): TextMass {
  return {
    score: 0,
    chars: 0,
    paragraphs: 0,
    longBlock: false,
    inContainer: 0,
    inSkipTarget: 0,
    headlineLinks: 0,
    teasers: 0,
  };
}

const linked = (h: Element): boolean => Boolean(h.querySelector('a[href]') || h.closest('a[href]'));

/**
 * Paragraph text mass, where it sits, and headline links. Every element a script touches costs a
 * wrapper object (in the content script's own world, for each page), so the work goes through native
 * selectors and touches only paragraphs and headings, never the whole tree: the cost follows the
 * article, not the page's size.
 */
function textMass(
  body: Element,
  container: Element | null,
  skipTarget: Element | null,
  untilReaderable: boolean,
): TextMass {
  const mass = emptyMass();
  const count = (el: Element, len: number): void => {
    if (len < MIN_PARAGRAPH_CHARS || skipped(el, body)) return;
    mass.score += Math.sqrt(len - MIN_PARAGRAPH_CHARS);
    mass.chars += len;
    mass.paragraphs++;
    if (len >= LONG_BLOCK_CHARS) mass.longBlock = true;
    // The rest only matters to a page without article metadata (the early read has no container
    // and no skip target, and only such a page can be called a listing for its teasers).
    if (untilReaderable) return;
    // A summary right after a headline link (`h3 > a`, or `a > h4` as Pangea cards have it).
    const prev = el.previousElementSibling;
    if (
      prev &&
      (prev.tagName === 'H2' || prev.tagName === 'H3' || prev.tagName === 'H4'
        ? linked(prev)
        : prev.tagName === 'A' && prev.querySelector('h2, h3, h4'))
    )
      mass.teasers++;
    if (container?.contains(el)) mass.inContainer += len;
    if (skipTarget?.contains(el)) mass.inSkipTarget += len;
  };
  const paragraphs = body.querySelectorAll('p, pre');
  const readerable = (): boolean => mass.score > MIN_SCORE || mass.longBlock;
  for (let i = 0; i < paragraphs.length && i < MAX_BLOCKS; i++) {
    const p = paragraphs[i] as Element;
    count(p, (p.textContent ?? '').trim().length);
    if (untilReaderable && readerable()) return mass;
  }
  // Text written straight into blocks, without <p> (old templates, <br>-separated text): only looked
  // for when the paragraphs alone do not make an article, so article pages never pay for it.
  // With article metadata one real paragraph already makes an article: the blocks are not needed.
  if (!readerable() && !(untilReaderable && mass.paragraphs > 0)) {
    const blocks = body.querySelectorAll('div, td, article, section, span');
    for (let i = 0; i < blocks.length && i < MAX_ELEMENTS; i++) {
      const b = blocks[i] as Element;
      count(b, directText(b));
    }
  }
  if (untilReaderable) return mass; // headline links only matter to a page without article metadata
  const headings = body.querySelectorAll('h2, h3, h4');
  for (let i = 0; i < headings.length && i < MAX_BLOCKS; i++) {
    const h = headings[i] as Element;
    if (linked(h) && !skipped(h, body)) mass.headlineLinks++;
  }
  return mass;
}

/** A single <article> (or, failing that, a single main landmark) on the page, if there is exactly one. */
export function singleContainer(doc: Document): Element | null {
  const articles = doc.getElementsByTagName('article');
  if (articles.length === 1) return articles[0] ?? null;
  const mains = doc.querySelectorAll('main, [role="main"]');
  return articles.length === 0 && mains.length === 1 ? (mains[0] ?? null) : null;
}

function isRootUrl(url: string): boolean {
  const parts = urlParts(url);
  return Boolean(parts && (parts.path === '/' || parts.path === '') && !parts.query);
}

/**
 * Metadata first, then paragraph text mass measured in the style of Readability's
 * isProbablyReaderable, where that text sits, and how many headline links (teasers) surround it.
 * Every loop is capped, so a 10 MB page costs about the same as a small one.
 */
export function detectArticle(doc: Document, url: string = doc.URL): Detection {
  const body = doc.body;
  // The JSON-LD is read even where og:type says article: front pages say that too (the New York Times'
  // does), and only their JSON-LD (CollectionPage, ItemList) tells them apart. The published time only
  // tips a page that no other metadata speaks for, so it is not looked for when other metadata does.
  const jsonLd = jsonLdArticleType(doc);
  const ogArticle = (meta(doc, 'og:type') ?? '').toLowerCase() === 'article';
  const articleMeta = ogArticle || Boolean(jsonLd && jsonLd !== 'non-article');
  const publishedTime = articleMeta
    ? null
    : Boolean(meta(doc, 'article:published_time') || doc.querySelector('time[datetime][pubdate]'));
  // With article metadata (and no listing type), only the paragraph text can still say no: it is read
  // until it makes the page readerable, and where the text sits or what links surround it is not asked.
  const early = articleMeta && jsonLd !== 'non-article';
  const container = early ? null : singleContainer(doc);
  const skipTarget = body && !early ? findSkipTarget(doc) : null;
  const mass = body ? textMass(body, container, skipTarget, early) : emptyMass();
  // A listing: the page says so; or, without article metadata, its text is teaser summaries under
  // headline links, or headline links far outnumber paragraphs.
  const teasers = mass.teasers >= 5 && mass.teasers * 2 >= mass.paragraphs - mass.teasers;
  const headlines = mass.headlineLinks >= 10 && mass.headlineLinks >= 3 * mass.paragraphs;
  const listing = jsonLd === 'non-article' || (!articleMeta && (teasers || headlines || isRootUrl(url)));

  const signals: DetectionSignals = {
    jsonLdType: jsonLd === 'non-article' ? null : jsonLd,
    ogArticle,
    publishedTime,
    paragraphChars: mass.chars,
    paragraphs: mass.paragraphs,
    containerShare: mass.chars ? mass.inContainer / mass.chars : 0,
    skipTargetShare: mass.chars ? mass.inSkipTarget / mass.chars : 0,
    headlineLinks: mass.headlineLinks,
    teasers: mass.teasers,
    listing,
    decidedEarly: early && mass.paragraphs > 0,
  };

  const readerable = mass.score > MIN_SCORE || mass.longBlock;
  const metadata = Boolean(signals.jsonLdType) || ogArticle || Boolean(publishedTime);
  let confidence = 0;
  if (signals.jsonLdType) confidence += 0.35;
  if (ogArticle) confidence += 0.15;
  if (publishedTime) confidence += 0.1;
  if (readerable) confidence += 0.35;
  else if (mass.paragraphs >= 1) confidence += 0.15;
  if (signals.containerShare > 0.6 || signals.skipTargetShare > 0.6) confidence += 0.1;
  if (listing) confidence -= 0.5;
  confidence = Math.max(0, Math.min(1, confidence));

  // Text mass decides; metadata tips a short story over (one real paragraph), never an empty page.
  const isArticle = !listing && (readerable || (metadata && mass.paragraphs >= 1));
  return { isArticle, confidence: Math.round(confidence * 100) / 100, signals };
}
