/**
 * For string tests that replace a regular expression on the always-on detector's path
 * (src/shared/url-parts.ts says why): checks that `test` answers as `before` did on strings made of
 * `pieces` (the words and characters the expression is about, and a few beside them).
 */
import fc from 'fast-check';

export function expectSameAsRegExp(test: (text: string) => boolean, before: RegExp, pieces: string[]): void {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
      const text = parts.join('');
      expect(test(text)).toBe(before.test(text));
    }),
    { numRuns: 3000 },
  );
}
