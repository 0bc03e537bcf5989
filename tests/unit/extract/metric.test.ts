import { aggregate, scorePage, shingles, tokens } from '../../../scripts/lib/corpus/metric';

describe('the article-extraction-benchmark metric', () => {
  test('tokens are Unicode word runs, case-sensitive', () => {
    expect(tokens('Ünïcode wörds, 42 and_snake — Москва 東京')).toEqual([
      'Ünïcode',
      'wörds',
      '42',
      'and_snake',
      'Москва',
      '東京',
    ]);
  });

  test('short texts give one shorter shingle; empty gives none', () => {
    expect([...shingles('a b').keys()]).toHaveLength(1);
    expect(shingles('')).toEqual(new Map());
    expect([...shingles('a b c d e').values()]).toEqual([1, 1]);
  });

  test('per-page counts are normalised by their sum', () => {
    const s = scorePage('a b c d e', 'a b c d x');
    // truth shingles: abcd, bcde; prediction: abcd, bcdx → tp 1, fp 1, fn 1
    expect(s.tp).toBeCloseTo(1 / 3);
    expect(s.fp).toBeCloseTo(1 / 3);
    expect(s.fn).toBeCloseTo(1 / 3);
  });

  test('precision and recall are means over pages; F1 is of the means; an empty page pair scores 1', () => {
    const r = aggregate([scorePage('a b c d e', 'a b c d e'), scorePage('a b c d e', ''), scorePage('', '')]);
    expect(r.precision).toBeCloseTo(1); // the empty prediction has no precision
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.f1).toBeCloseTo((2 * 1 * (2 / 3)) / (1 + 2 / 3));
  });
});
