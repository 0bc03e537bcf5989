import { LABEL, LABEL_STARTS, POINTER, POINTER_STARTS } from '../../../src/extract/clutter';

/** The top-level alternatives of an expression written as `^\s*(?:a|b|c)…`, as source text. */
function alternatives(re: RegExp): string[] {
  const open = re.source.indexOf('(?:');
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = open + 3; i < re.source.length; i++) {
    const c = re.source[i] as string;
    if (c === '\\') {
      current += c + re.source[++i];
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && depth-- === 0) break;
    if (c === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  return [...out, current];
}

describe('the prefix test before the related-link expressions', () => {
  test.each([
    ['POINTER', POINTER, POINTER_STARTS],
    ['LABEL', LABEL, LABEL_STARTS],
  ] as const)('every alternative of %s begins with one of its starts', (_name, re, starts) => {
    const alts = alternatives(re);
    expect(alts.length).toBeGreaterThan(5);
    // The literal beginning of each alternative (up to its first group, class or optional mark).
    const uncovered = alts
      .map((a) => a.split(/[([?]/)[0]!.toLowerCase())
      .filter((head) => !head || !starts.some((s) => head.startsWith(s)));
    expect(uncovered).toEqual([]);
  });
});
