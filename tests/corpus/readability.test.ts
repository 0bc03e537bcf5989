/**
 * @jest-environment node
 *
 * Lectern's extraction goals on Mozilla Readability's test pages (the corpus's readability folder): news
 * pages keep ≥ 98 % of the expected text's 4-shingles (except what Lectern removes on purpose, listed with the
 * reason), no duplicate captions, no skip links or tickers, and detection agrees with `readerable`
 * except on the two news front pages. Skipped, saying why, when the corpus is absent.
 */
import { runCorpus, type CorpusReport } from '../../scripts/lib/corpus/run-corpus';
import { FRONT_PAGES, NEWS_PAGES, RETENTION_EXCLUSIONS } from './lib/readability-news';
import { corpusDir } from './lib/suite';

const dir = corpusDir('readability');
const suite = dir ? describe : describe.skip;

suite('corpus: Mozilla Readability test pages', () => {
  let report: CorpusReport;

  beforeAll(() => {
    // Plain Readability's side is not asserted here: skip it to keep the suite fast.
    report = runCorpus(dir as string, undefined, { plain: false });
    const l = report.lectern;
    console.log(
      `${report.corpus} (${report.pages} pages): Lectern F1 ${l.f1.toFixed(4)} against Readability's expected ` +
        `output; duplicate captions ${l.duplicateCaptions}; survivor pages ${l.survivorPages.length}`,
    );
  }, 600_000);

  test('the news pages and front pages named in the test are all there', () => {
    const names = new Set(report.results.map((r) => r.name));
    expect([...NEWS_PAGES, ...FRONT_PAGES].filter((n) => !names.has(n))).toEqual([]);
  });

  test('news pages keep ≥ 98 % of the expected text (exclusions listed with their reason)', () => {
    const low = report.results
      .filter((r) => NEWS_PAGES.includes(r.name) && !(r.name in RETENTION_EXCLUSIONS))
      .filter((r) => r.retention < 0.98)
      .map((r) => `${r.name} ${r.retention.toFixed(4)}`);
    expect(low).toEqual([]);
  });

  test('no image alt text is also read as text (duplicate captions)', () => {
    const pages = report.results.filter((r) => r.lectern.duplicateCaptions > 0).map((r) => r.name);
    expect(pages).toEqual([]);
  });

  test('no "Skip to", "Accessibility links" or "Breaking News" survives', () => {
    expect(report.lectern.survivorPages).toEqual([]);
  });

  test('every readerable page is detected as an article, except the news front pages', () => {
    const missed = report.results
      .filter((r) => r.metadata?.readerable === true && !FRONT_PAGES.includes(r.name) && !r.detected)
      .map((r) => r.name);
    expect(missed).toEqual([]);
  });

  test('the news front pages are not articles', () => {
    const wrong = report.results.filter((r) => FRONT_PAGES.includes(r.name) && r.detected).map((r) => r.name);
    expect(wrong).toEqual([]);
  });
});
