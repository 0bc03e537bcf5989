/**
 * @jest-environment node
 *
 * Lectern's extraction goals on the article-extraction-benchmark pages (the corpus's aeb folder),
 * measured exactly as `npm run eval` measures them. Skipped, saying why, when the corpus is absent.
 */
import { runCorpus, type CorpusReport } from '../../scripts/lib/corpus/run-corpus';
import { corpusDir, summaryLine } from './lib/suite';

const dir = corpusDir('aeb');
const suite = dir ? describe : describe.skip;

suite('corpus: article-extraction-benchmark', () => {
  let report: CorpusReport;

  beforeAll(() => {
    report = runCorpus(dir as string);
    console.log(summaryLine(report));
  }, 600_000);

  test('F1 is at least plain Readability F1 + 0.005 (same parse, same URL)', () => {
    expect(report.pages).toBeGreaterThan(100);
    expect(report.lectern.f1).toBeGreaterThanOrEqual(report.readability.f1 + 0.005);
  });

  test('no image alt text is also read as text (duplicate captions)', () => {
    const pages = report.results.filter((r) => r.lectern.duplicateCaptions > 0).map((r) => r.name);
    expect(pages).toEqual([]);
  });

  test('no "Skip to", "Accessibility links" or "Breaking News" survives', () => {
    expect(report.lectern.survivorPages).toEqual([]);
  });

  test('every page is extracted', () => {
    expect(report.results.filter((r) => !r.lectern.ok).map((r) => r.name)).toEqual([]);
  });

  test('every page is detected as an article', () => {
    expect(report.results.filter((r) => !r.detected).map((r) => r.name)).toEqual([]);
  });
});
