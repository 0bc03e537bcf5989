/**
 * @jest-environment node
 *
 * Golden pages (tests/fixtures/pages/<name>/): each page's hand-written spec.json (the intent) and its
 * regenerated expected.json (the exact output; `npm run golden:update` after an intended change).
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { normaliseText } from '../../../src/extract/captions';
import {
  goldenNames,
  parsePage,
  readExpected,
  readSource,
  readSpec,
  runGolden,
} from '../../../scripts/lib/golden';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

describe.each(goldenNames())('golden page %s', (name) => {
  const spec = readSpec(name);
  const golden = runGolden(name, spec);
  const text = squash(golden.text ?? '');

  test(`meets its spec: ${spec.why}`, () => {
    expect(golden.detected).toBe(spec.detected);
    if (spec.article !== undefined) expect(golden.ok).toBe(spec.article);
    if (spec.title !== undefined) expect(golden.title).toBe(spec.title);
    if (spec.byline !== undefined) expect(golden.byline).toBe(spec.byline);
    if (spec.lang !== undefined) expect(golden.lang).toBe(spec.lang);
    if (spec.dir !== undefined) expect(golden.dir).toBe(spec.dir);
    if (spec.containsAllOf) {
      const source = new JSDOM(readSource(name), { virtualConsole: new VirtualConsole() });
      const wanted = Array.from(source.window.document.querySelectorAll(spec.containsAllOf), (el) =>
        squash(el.textContent ?? ''),
      ).filter(Boolean);
      source.window.close();
      expect(wanted.length).toBeGreaterThan(0);
      for (const w of wanted) expect(text).toContain(w);
    }
    for (const w of spec.mustNotContain ?? []) expect(text).not.toContain(w);
    for (const h of spec.headings ?? []) expect(golden.headings).toContain(h);
    for (const caption of spec.captionsOnce ?? []) {
      expect([caption, count(text, caption)]).toEqual([caption, 1]);
      for (const img of golden.images ?? []) expect(normaliseText(img.alt)).not.toBe(normaliseText(caption));
    }
    if (spec.alts) expect((golden.images ?? []).map((i) => i.alt)).toEqual(spec.alts);
    if (spec.images) expect((golden.images ?? []).map((i) => i.src)).toEqual(spec.images);
    for (const [key, min] of Object.entries(spec.removedAtLeast ?? {}))
      expect(golden.removed?.[key as keyof typeof golden.removed] ?? 0).toBeGreaterThanOrEqual(min as number);
  });

  if (spec.plainReadabilityMisses) {
    test('plain Readability gets this page wrong (the page tests what it says)', () => {
      const dom = parsePage(name, spec.url);
      const plain = new Readability(dom.window.document).parse();
      dom.window.close();
      expect(squash(plain?.textContent ?? '')).not.toContain(spec.plainReadabilityMisses);
    });
  }

  test('matches expected.json (npm run golden:update after an intended change, then review the diff)', () => {
    expect(golden).toEqual(readExpected(name));
  });
});
