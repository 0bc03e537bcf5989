/**
 * Notices that the article under an open reader changed on the page (a live story gained paragraphs,
 * a site swapped the article without changing the URL), so the reader can offer the new version
 * instead of yanking the text from under the person reading it.
 *
 * Cheap by construction: the MutationObserver only notes that something changed; at most once per
 * QUIET_MS (or MAX_WAIT_MS under constant churn) one bounded fingerprint of the page is taken and
 * compared with the one taken when the shown article was extracted. Churn that is not article text
 * (a ticking clock, a rotating ad, a ticker, a counter in the title) does not move the fingerprint
 * enough: only paragraphs of some length count, and only inside the article's container.
 *
 * Pure DOM: the document is passed in, so jsdom tests cover the decision.
 */
import { singleContainer } from '../extract/detect';

/** A paragraph shorter than this is not article text (clocks, counters, ad lines, ticker items). */
const MIN_PARAGRAPH_CHARS = 100;
/** Bounds on the work of one fingerprint, whatever the page. */
const MAX_PARAGRAPHS = 400;
const MAX_SCANNED = 3000;
const SAMPLE_CHARS = 80;
/** A story that grew by less than this (one short line) is not worth interrupting for. */
const MIN_GROWTH_CHARS = 100;
/** Share of paragraphs that must be new for "the article was replaced". */
const REPLACED_SHARE = 0.5;
/** Wait for this much quiet after the last mutation before looking… */
export const QUIET_MS = 500;
/** …but never longer than this after the first one (a page that never stops ticking). */
export const MAX_WAIT_MS = 2000;

/** Where paragraphs are never article text. */
const NOT_ARTICLE = 'aside, nav, footer, marquee, [role="marquee"], [role="timer"], [role="complementary"]';

export interface PageFingerprint {
  /** Paragraphs of article length in the container (bounded). */
  paragraphs: number;
  /** Their characters, whitespace collapsed. */
  chars: number;
  /** The start of each, to tell new paragraphs from edited counters. */
  samples: string[];
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function pageFingerprint(doc: Document): PageFingerprint {
  const fp: PageFingerprint = { paragraphs: 0, chars: 0, samples: [] };
  // The article's container as the detector finds it, else the body.
  const root = singleContainer(doc) ?? doc.body;
  if (!root) return fp;
  const ps = root.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < MAX_SCANNED && fp.paragraphs < MAX_PARAGRAPHS; i++) {
    const p = ps[i] as Element;
    const text = norm(p.textContent ?? '');
    if (text.length < MIN_PARAGRAPH_CHARS || p.closest(NOT_ARTICLE)) continue;
    fp.paragraphs++;
    fp.chars += text.length;
    fp.samples.push(text.slice(0, SAMPLE_CHARS));
  }
  return fp;
}

/**
 * Has the article changed enough to offer the new version? Yes when most of its paragraphs are new
 * (replaced), or when it gained at least one new paragraph and grew by a paragraph's worth of text (a
 * live story). No when it only lost text or nothing of article length remains (a page mid-render, or
 * one that took the article away: there is nothing better to offer), or when paragraphs were only
 * edited or swapped one for one (a rotating promotion).
 */
export function articleChanged(before: PageFingerprint, after: PageFingerprint): boolean {
  if (after.paragraphs === 0) return false;
  const seen = new Set(before.samples);
  const fresh = after.samples.filter((s) => !seen.has(s)).length;
  if (fresh === 0) return false;
  if (fresh / after.paragraphs >= REPLACED_SHARE && fresh >= Math.min(2, after.paragraphs)) return true;
  return after.paragraphs > before.paragraphs && after.chars - before.chars >= MIN_GROWTH_CHARS;
}

/**
 * Watches a page while the reader is open and calls `onChange` once when the article changed from
 * `baseline` (then it stops: the offer stands until the reader takes it or closes the reader).
 */
export class PageWatcher {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstDirty = 0;
  private lastDirty = 0;
  private baseline: PageFingerprint | null = null;

  constructor(
    private readonly doc: Document,
    private readonly onChange: (now: PageFingerprint) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get watching(): boolean {
    return this.observer !== null;
  }

  start(baseline: PageFingerprint): void {
    this.stop();
    this.baseline = baseline;
    const Observer = this.doc.defaultView?.MutationObserver;
    if (!Observer) return;
    // One timestamp per batch of mutations, nothing else: the work happens in check().
    this.observer = new Observer(() => {
      const t = this.now();
      if (this.timer === undefined) {
        this.firstDirty = t;
        this.timer = setTimeout(() => this.tick(), QUIET_MS);
      }
      this.lastDirty = t;
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const t = this.now();
    const quietFor = t - this.lastDirty;
    const waited = t - this.firstDirty;
    if (quietFor < QUIET_MS && waited < MAX_WAIT_MS) {
      this.timer = setTimeout(() => this.tick(), Math.min(QUIET_MS - quietFor, MAX_WAIT_MS - waited));
      return;
    }
    this.timer = undefined;
    this.check();
  }

  private check(): void {
    if (!this.baseline || !this.observer) return;
    try {
      const now = pageFingerprint(this.doc);
      if (!articleChanged(this.baseline, now)) return;
      this.stop();
      this.onChange(now);
    } catch {
      // A page that breaks a DOM walk loses the offer, never the reader.
    }
  }
}
