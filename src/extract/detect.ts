/**
 * Cheap "is there an article here?" for the always-on content script. No cloning, no Readability:
 * metadata first, then a bounded look at paragraph text mass in the style of Readability's
 * isProbablyReaderable. Every loop is capped, so a 10 MB page costs the same as a small one.
 */
import type { Detection, DetectionSignals } from './detect-types';
import { findSkipTarget } from './skip-links';

export type { Detection, DetectionSignals } from './detect-types';

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'blogposting',
  'socialmediaposting',
  'liveblogposting',
  'scholarlyarticle',
  'techarticle',
  'report',
]);
/** Types that say "this page is not one article" even when an Article is also mentioned. */
const NON_ARTICLE_TYPES = new Set([
  'collectionpage',
  'searchresultspage',
  'product',
  'videoobject',
  'itemlist',
]);

/** Caps: the detector never does more than this much work on any page. */
const MAX_JSON_LD_SCRIPTS = 8;
const MAX_JSON_LD_CHARS = 200_000;
const MAX_NODES = 600;
/** Readability's isProbablyReaderable defaults. */
const MIN_PARAGRAPH_CHARS = 140;
const MIN_SCORE = 20;

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
    const text = scripts[i]?.textContent ?? '';
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
    if (NON_ARTICLE_TYPES.has(key) && key !== 'videoobject') return 'non-article';
    if (!article && ARTICLE_TYPES.has(key)) article = t.replace(/^https?:\/\/schema\.org\//i, '');
  }
  return article;
}

function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return el?.getAttribute('content')?.trim() || null;
}

function isVisible(el: Element): boolean {
  // Attribute evidence only: reading layout per node would force style recalculation on every page.
  if (el.closest('[hidden], [aria-hidden="true"]')) return false;
  const style = (el as HTMLElement).style;
  return !style || style.display !== 'none';
}

interface TextMass {
  score: number;
  chars: number;
  paragraphs: number;
  inContainer: number;
  inSkipTarget: number;
  shortLinks: number;
}

function measure(doc: Document, container: Element | null, skipTarget: Element | null): TextMass {
  const mass: TextMass = {
    score: 0,
    chars: 0,
    paragraphs: 0,
    inContainer: 0,
    inSkipTarget: 0,
    shortLinks: 0,
  };
  const nodes = doc.querySelectorAll('p, pre, article');
  const limit = Math.min(nodes.length, MAX_NODES);
  for (let i = 0; i < limit; i++) {
    const node = nodes[i] as Element;
    if (!isVisible(node)) continue;
    // Skip paragraphs that are lists of links (teasers on front pages), as Readability does with class hints.
    const text = (node.textContent ?? '').trim();
    const len = text.length;
    if (len < MIN_PARAGRAPH_CHARS) continue;
    if (node.tagName === 'ARTICLE' && node.querySelector('p')) continue; // its paragraphs count instead
    const linkChars = Array.from(node.querySelectorAll('a'), (a) => (a.textContent ?? '').length).reduce(
      (a, b) => a + b,
      0,
    );
    if (linkChars > len * 0.5) {
      mass.shortLinks++;
      continue;
    }
    mass.score += Math.sqrt(len - MIN_PARAGRAPH_CHARS);
    mass.chars += len;
    mass.paragraphs++;
    if (container?.contains(node)) mass.inContainer += len;
    if (skipTarget?.contains(node)) mass.inSkipTarget += len;
  }
  return mass;
}

/** A single <article> (or, failing that, a single main landmark) on the page, if there is exactly one. */
function singleContainer(doc: Document): { container: Element | null; articles: number } {
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return { container: articles[0] ?? null, articles: 1 };
  const mains = doc.querySelectorAll('main, [role="main"]');
  return {
    container: articles.length === 0 && mains.length === 1 ? (mains[0] ?? null) : null,
    articles: articles.length,
  };
}

function isListingUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.pathname === '/' || u.pathname === '') && !u.search;
  } catch {
    return false;
  }
}

export function detectArticle(doc: Document, url: string = doc.URL): Detection {
  const jsonLd = jsonLdArticleType(doc);
  const ogArticle = (meta(doc, 'og:type') ?? '').toLowerCase() === 'article';
  const publishedTime = Boolean(
    meta(doc, 'article:published_time') || doc.querySelector('time[datetime][pubdate]'),
  );
  const { container, articles } = singleContainer(doc);
  const skipTarget = findSkipTarget(doc);
  const mass = measure(doc, container, skipTarget);
  const listing =
    jsonLd === 'non-article' || articles >= 4 || (mass.shortLinks >= 6 && mass.shortLinks > mass.paragraphs);

  const signals: DetectionSignals = {
    jsonLdType: jsonLd === 'non-article' ? null : jsonLd,
    ogArticle,
    publishedTime,
    paragraphChars: mass.chars,
    paragraphs: mass.paragraphs,
    containerShare: mass.chars ? mass.inContainer / mass.chars : 0,
    skipTargetShare: mass.chars ? mass.inSkipTarget / mass.chars : 0,
    listing,
  };

  const readerable = mass.score > MIN_SCORE;
  let confidence = 0;
  if (signals.jsonLdType) confidence += 0.35;
  if (ogArticle) confidence += 0.15;
  if (publishedTime) confidence += 0.1;
  if (readerable) confidence += 0.35;
  else if (mass.paragraphs >= 2) confidence += 0.15;
  if (signals.containerShare > 0.6) confidence += 0.1;
  if (signals.skipTargetShare > 0.6) confidence += 0.05;
  if (listing) confidence -= 0.4;
  if (isListingUrl(url) && !signals.jsonLdType) confidence -= 0.2;
  confidence = Math.max(0, Math.min(1, confidence));

  // Text mass is the evidence that decides; metadata tips a borderline page over, never an empty one.
  const isArticle = !listing && (readerable || (mass.paragraphs >= 2 && confidence >= 0.5));
  return { isArticle, confidence: Math.round(confidence * 100) / 100, signals };
}
