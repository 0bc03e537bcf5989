/**
 * Runs Lectern's pipeline and plain Readability side by side on a corpus folder, for `npm run eval` and
 * the corpus tests. Two layouts: `X.html` + `X.json` ({url, articleBody}, the article-extraction-benchmark)
 * or Readability-style test folders (`source.html`, `expected.html`, `expected-metadata.json`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../../src/extract/pipeline';
import { detectArticle } from '../../../src/extract/detect';
import { blockText } from '../../../src/extract/block-text';
import { aggregate, pageF1, scorePage, shingleRetention, type PageScore, type Prf } from './metric';

export const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

export interface CorpusPage {
  name: string;
  file: string;
  url: string;
  /** The expected article text. */
  truth: string;
  /** Readability-style folders: expected-metadata.json. */
  metadata?: Record<string, unknown>;
}

/** The corpus directory: LECTERN_CORPUS, else ../shared/corpus beside the repository, else null. */
export function findCorpusRoot(repoRoot: string): string | null {
  const candidates = [process.env.LECTERN_CORPUS, join(repoRoot, '..', 'shared', 'corpus')];
  for (const c of candidates) if (c && existsSync(c) && statSync(c).isDirectory()) return resolve(c);
  return null;
}

function htmlText(html: string): string {
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`);
  const text = blockText(dom.window.document.body);
  dom.window.close();
  return text;
}

export function loadCorpus(dir: string): CorpusPage[] {
  const pages: CorpusPage[] = [];
  const entries = readdirSync(dir).sort();
  for (const entry of entries) {
    const path = join(dir, entry);
    if (entry.endsWith('.html') && existsSync(path.replace(/\.html$/, '.json'))) {
      const meta = JSON.parse(readFileSync(path.replace(/\.html$/, '.json'), 'utf8')) as {
        url?: string;
        articleBody?: string;
      };
      pages.push({
        name: entry.replace(/\.html$/, ''),
        file: path,
        url: meta.url ?? 'http://localhost/',
        truth: meta.articleBody ?? '',
      });
    } else if (statSync(path).isDirectory() && existsSync(join(path, 'source.html'))) {
      const expected = join(path, 'expected.html');
      const metaFile = join(path, 'expected-metadata.json');
      pages.push({
        name: entry,
        file: join(path, 'source.html'),
        url: READABILITY_TEST_URL,
        truth: existsSync(expected) ? htmlText(readFileSync(expected, 'utf8')) : '',
        metadata: existsSync(metaFile)
          ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>)
          : undefined,
      });
    }
  }
  return pages;
}

export interface SideResult {
  text: string;
  ms: number;
  ok: boolean;
  duplicateCaptions: number;
  survivors: string[];
  score: PageScore;
}

export interface PageResult {
  name: string;
  url: string;
  detected: boolean;
  lectern: SideResult;
  readability: SideResult;
  /** Lectern's retention of the expected text's 4-shingles (0–1). */
  retention: number;
  metadata?: Record<string, unknown>;
}

const normalise = (s: string): string => (s.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ').toLowerCase();

/**
 * Images whose alt text a screen reader would also read elsewhere in the article: the normalised alt
 * equals a block's text, or (4 words or more) occurs inside the article's text.
 */
export function countDuplicateCaptions(root: ParentNode & Node): number {
  const text = normalise(blockText(root));
  const blocks = new Set(
    blockText(root)
      .split('\n\n')
      .map((b) => normalise(b)),
  );
  let n = 0;
  for (const img of Array.from(root.querySelectorAll('img[alt]'))) {
    const alt = normalise(img.getAttribute('alt') ?? '');
    if (!alt) continue;
    if (blocks.has(alt) || (alt.split(' ').length >= 4 && ` ${text} `.includes(` ${alt} `))) n++;
  }
  return n;
}

const SURVIVOR_PATTERNS: [string, RegExp][] = [
  ['Skip to', /\bskip to\b/gi],
  ['Accessibility links', /\baccessibility links\b/gi],
  ['Breaking News', /\bbreaking news\b/gi],
];

/** Chrome phrases that occur in the output more often than in the expected text. */
export function survivors(output: string, truth: string): string[] {
  const found: string[] = [];
  for (const [label, re] of SURVIVOR_PATTERNS) {
    const out = output.match(re)?.length ?? 0;
    const want = truth.match(re)?.length ?? 0;
    if (out > want) found.push(label);
  }
  return found;
}

export interface RunOptions {
  /** Also run plain Readability (for the side-by-side figures); default true. */
  plain?: boolean;
  /** Run Lectern before Readability on this page (runCorpus alternates, so neither side always pays
   * for the other's garbage collection). */
  lecternFirst?: boolean;
  /** Time each side this many times per page and keep the fastest (a shared machine is noisy). */
  repeat?: number;
}

/** Runs `fn` `times` times; returns the first result and the fastest time. */
function timed<T>(fn: () => T, times: number): { value: T; ms: number } {
  let value: T | undefined;
  let best = Infinity;
  for (let i = 0; i < Math.max(1, times); i++) {
    const t0 = performance.now();
    const v = fn();
    best = Math.min(best, performance.now() - t0);
    if (i === 0) value = v;
  }
  return { value: value as T, ms: best };
}

const NOT_RUN: SideResult = {
  text: '',
  ms: 0,
  ok: false,
  duplicateCaptions: 0,
  survivors: [],
  score: { tp: 0, fp: 0, fn: 0 },
};

function runPlain(doc: Document, page: CorpusPage, repeat: number): SideResult {
  // Plain Readability, as its README says to call it: on a clone, default options.
  const { value: plainHtml, ms: plainMs } = timed(() => {
    try {
      return new Readability(doc.cloneNode(true) as Document).parse()?.content ?? '';
    } catch {
      return '';
    }
  }, repeat);
  const plainDom = new JSDOM(`<!doctype html><body>${plainHtml}</body>`);
  const plainText = blockText(plainDom.window.document.body);
  const readability: SideResult = {
    text: plainText,
    ms: plainMs,
    ok: plainHtml !== '',
    duplicateCaptions: countDuplicateCaptions(plainDom.window.document.body),
    survivors: survivors(plainText, page.truth),
    score: scorePage(page.truth, plainText),
  };
  plainDom.window.close();
  return readability;
}

export function runPage(page: CorpusPage, options: RunOptions = {}): PageResult {
  const html = readFileSync(page.file, 'utf8');
  const dom = new JSDOM(html, { url: page.url, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const detected = detectArticle(doc, page.url).isArticle;
  const repeat = options.repeat ?? 1;
  const plain = (): SideResult => (options.plain === false ? NOT_RUN : runPlain(doc, page, repeat));
  const readabilityFirst = options.lecternFirst ? null : plain();

  const { value: result, ms } = timed(() => extractArticle(doc, { url: page.url }), repeat);
  const text = result.ok ? result.article.text : '';
  const lectern: SideResult = {
    text,
    ms,
    ok: result.ok,
    duplicateCaptions: result.ok ? countDuplicateCaptions(result.article.content) : 0,
    survivors: survivors(text, page.truth),
    score: scorePage(page.truth, text),
  };
  const readability = readabilityFirst ?? plain();
  dom.window.close();
  return {
    name: page.name,
    url: page.url,
    detected,
    lectern,
    readability,
    retention: shingleRetention(page.truth, text),
    metadata: page.metadata,
  };
}

export interface SideSummary extends Prf {
  duplicateCaptions: number;
  survivorPages: { name: string; phrases: string[] }[];
  medianMs: number;
  failures: number;
}

export interface CorpusReport {
  corpus: string;
  pages: number;
  lectern: SideSummary;
  readability: SideSummary;
  /** Lectern's median time over Readability's. */
  timeRatio: number;
  /** The pages where Lectern loses most against Readability (per-page F1 difference). */
  losses: { name: string; url: string; lectern: number; readability: number; delta: number }[];
  results: PageResult[];
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function summarise(results: PageResult[], side: 'lectern' | 'readability'): SideSummary {
  const prf = aggregate(results.map((r) => r[side].score));
  return {
    ...prf,
    duplicateCaptions: results.reduce((n, r) => n + r[side].duplicateCaptions, 0),
    survivorPages: results
      .filter((r) => r[side].survivors.length)
      .map((r) => ({ name: r.name, phrases: r[side].survivors })),
    medianMs: median(results.map((r) => r[side].ms)),
    failures: results.filter((r) => !r[side].ok).length,
  };
}

export function summariseCorpus(corpus: string, results: PageResult[]): CorpusReport {
  const lectern = summarise(results, 'lectern');
  const readability = summarise(results, 'readability');
  const losses = results
    .map((r) => {
      const l = pageF1(r.lectern.score);
      const p = pageF1(r.readability.score);
      return { name: r.name, url: r.url, lectern: l, readability: p, delta: l - p };
    })
    .filter((x) => x.delta < 0)
    .sort((a, b) => a.delta - b.delta)
    .slice(0, 10);
  return {
    corpus,
    pages: results.length,
    lectern,
    readability,
    timeRatio: readability.medianMs ? lectern.medianMs / readability.medianMs : 0,
    losses,
    results,
  };
}

export function runCorpus(
  dir: string,
  onPage?: (r: PageResult, i: number, n: number) => void,
  options: RunOptions = {},
): CorpusReport {
  const pages = loadCorpus(dir);
  const results: PageResult[] = [];
  pages.forEach((page, i) => {
    const r = runPage(page, { ...options, lecternFirst: i % 2 === 1 });
    results.push(r);
    onPage?.(r, i, pages.length);
  });
  return summariseCorpus(dir, results);
}
