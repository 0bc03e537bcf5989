/**
 * The article-extraction-benchmark metric, as that benchmark defines it: 4-token
 * shingles of Unicode word runs, per-page tp/fp/fn normalised by their sum, precision and recall averaged
 * over pages, F1 of the two means.
 */

const WORD = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export function tokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Multiset of overlapping 4-token shingles (a text of 1–3 tokens gives one shorter shingle). */
export function shingles(text: string): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  if (t.length === 0) return out;
  const n = Math.max(1, t.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const key = t.slice(i, i + SHINGLE).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export function scorePage(truth: string, prediction: string): PageScore {
  const want = shingles(truth);
  const got = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of got) {
    const m = want.get(k) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [k, m] of want) fn += Math.max(0, m - (got.get(k) ?? 0));
  const sum = tp + fp + fn;
  return sum === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Page precision (tp/(tp+fp)) or null when the page has no predicted shingle. */
export function pagePrecision(s: PageScore): number | null {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : null;
}

export function pageRecall(s: PageScore): number | null {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : null;
}

export function aggregate(scores: PageScore[]): Prf {
  const ps = scores.map(pagePrecision).filter((x): x is number => x !== null);
  const rs = scores.map(pageRecall).filter((x): x is number => x !== null);
  const precision = ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
  const recall = rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Per-page F1 (for ranking losses only; the corpus F1 is `aggregate`'s). */
export function pageF1(s: PageScore): number {
  const p = pagePrecision(s) ?? 0;
  const r = pageRecall(s) ?? 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** Share (0–1) of the expected text's shingles that the prediction keeps. */
export function shingleRetention(expected: string, prediction: string): number {
  const want = shingles(expected);
  const got = shingles(prediction);
  let total = 0;
  let kept = 0;
  for (const [k, m] of want) {
    total += m;
    kept += Math.min(m, got.get(k) ?? 0);
  }
  return total === 0 ? 1 : kept / total;
}
