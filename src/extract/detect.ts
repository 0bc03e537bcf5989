/**
 * Cheap "is there an article here?" for the always-on content script. No cloning, no Readability:
 * metadata first, then one bounded walk over the page measuring paragraph text mass in the style of
 * Readability's isProbablyReaderable, where that text sits, and how many headline links (teasers)
 * surround it. Every loop is capped, so a 10 MB page costs about the same as a small one.
 */
import type { Detection, DetectionSignals } from './detect-types';
import { findSkipTarget, nextElement } from './skip-links';

export type { Detection, DetectionSignals } from './detect-types';

const ARTICLE_TYPES =
  /^(?:(?:reportage|analysis|opinion|review|background)?newsarticle|article|(?:live)?blogposting|socialmediaposting|scholarlyarticle|techarticle|report)$/;
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
    const text = (scripts[i]?.textContent ?? '').replace(
      /^\s*(?:<!\[CDATA\[|\/\/\s*<!\[CDATA\[)|\]\]>\s*$/g,
      '',
    );
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
    const key = t.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase();
    if (NON_ARTICLE_TYPES.has(key)) return 'non-article';
    if (!article && ARTICLE_TYPES.test(key)) article = t.replace(/^https?:\/\/schema\.org\//i, '');
  }
  return article;
}

function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return el?.getAttribute('content')?.trim() || null;
}

function attributeHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  // As isProbablyReaderable: display:none hides, visibility:hidden does not (it keeps its box).
  return style !== null && /display\s*:\s*none/i.test(style);
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

/** One bounded walk over the body: paragraph text, where it sits, and headline links. */
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

function measure(body: Element, container: Element | null, skipTarget: Element | null): TextMass {
  const mass = emptyMass();
  let blocks = 0;
  // Inside the container / skip target, tracked by document order (O(1) per element, whatever the depth).
  const containerEnd = container ? nextElement(container, body, true) : null;
  const targetEnd = skipTarget ? nextElement(skipTarget, body, true) : null;
  let inContainer = false;
  let inTarget = false;
  let el: Element | null = body.firstElementChild;
  for (let walked = 0; el && walked < MAX_ELEMENTS && blocks < MAX_BLOCKS; walked++) {
    if (el === container) inContainer = true;
    else if (el === containerEnd) inContainer = false;
    if (el === skipTarget) inTarget = true;
    else if (el === targetEnd) inTarget = false;
    const tag = el.tagName;
    if (
      tag === 'SCRIPT' ||
      tag === 'STYLE' ||
      tag === 'NOSCRIPT' ||
      tag === 'TEMPLATE' ||
      tag === 'svg' ||
      tag === 'NAV' ||
      tag === 'FOOTER' ||
      attributeHidden(el)
    ) {
      el = nextElement(el, body, true);
      continue;
    }
    if (/^H[2-4]$/.test(tag) && (el.querySelector('a[href]') || el.closest('a[href]'))) mass.headlineLinks++;
    let len = 0;
    if (tag === 'P' || tag === 'PRE') len = (el.textContent ?? '').trim().length;
    else if (tag === 'DIV' || tag === 'TD' || tag === 'ARTICLE' || tag === 'SECTION' || tag === 'SPAN')
      len = directText(el);
    if (len >= MIN_PARAGRAPH_CHARS) {
      blocks++;
      mass.score += Math.sqrt(len - MIN_PARAGRAPH_CHARS);
      mass.chars += len;
      mass.paragraphs++;
      if (len >= LONG_BLOCK_CHARS) mass.longBlock = true;
      // A summary right after a headline link (`h3 > a`, or `a > h4` as Pangea cards have it).
      const prev = el.previousElementSibling;
      if (
        prev &&
        (/^H[2-4]$/.test(prev.tagName)
          ? prev.querySelector('a[href]') || prev.closest('a[href]')
          : prev.tagName === 'A' && prev.querySelector('h2, h3, h4'))
      )
        mass.teasers++;
      if (inContainer) mass.inContainer += len;
      if (inTarget) mass.inSkipTarget += len;
    }
    el = nextElement(el, body);
  }
  return mass;
}

/** A single <article> (or, failing that, a single main landmark) on the page, if there is exactly one. */
function singleContainer(doc: Document): { container: Element | null; articles: number } {
  const articles = doc.getElementsByTagName('article');
  if (articles.length === 1) return { container: articles[0] ?? null, articles: 1 };
  const mains = doc.querySelectorAll('main, [role="main"]');
  return {
    container: articles.length === 0 && mains.length === 1 ? (mains[0] ?? null) : null,
    articles: articles.length,
  };
}

function isRootUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.pathname === '/' || u.pathname === '') && !u.search;
  } catch {
    return false;
  }
}

export function detectArticle(doc: Document, url: string = doc.URL): Detection {
  const body = doc.body;
  const jsonLd = jsonLdArticleType(doc);
  const ogArticle = (meta(doc, 'og:type') ?? '').toLowerCase() === 'article';
  const publishedTime = Boolean(
    meta(doc, 'article:published_time') || doc.querySelector('time[datetime][pubdate]'),
  );
  const { container } = singleContainer(doc);
  const skipTarget = body ? findSkipTarget(doc) : null;
  const mass = body ? measure(body, container, skipTarget) : emptyMass();
  // A listing: the page says so; or, without article metadata, its text is teaser summaries under
  // headline links, or headline links far outnumber paragraphs.
  const articleMeta = Boolean(jsonLd && jsonLd !== 'non-article') || ogArticle;
  const teasers = mass.teasers >= 5 && mass.teasers * 2 >= mass.paragraphs - mass.teasers;
  const headlines = mass.headlineLinks >= 10 && mass.headlineLinks >= 3 * mass.paragraphs;
  const listing =
    jsonLd === 'non-article' || (!articleMeta && (teasers || headlines)) || (isRootUrl(url) && !articleMeta);

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
  };

  const readerable = mass.score > MIN_SCORE || mass.longBlock;
  const metadata = Boolean(signals.jsonLdType) || ogArticle || publishedTime;
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
