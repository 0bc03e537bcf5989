import {
  createHighlighter,
  highlightCss,
  needsScroll,
  scrollBehavior,
  type HighlightLike,
} from '../../../src/speech/highlighter';

class FakeHighlight implements HighlightLike {
  ranges: AbstractRange[] = [];
  add(range: AbstractRange) {
    this.ranges.push(range);
  }
  clear() {
    this.ranges = [];
  }
}

function setup() {
  const registry = new Map<string, FakeHighlight>();
  const highlighter = createHighlighter({
    registry: {
      set: (name, h) => registry.set(name, h as FakeHighlight),
      delete: (name) => registry.delete(name),
    },
    createHighlight: () => new FakeHighlight(),
  });
  return { registry, highlighter };
}

test('one random, product-free name per instance; a range replaces the last; clear and dispose remove it', () => {
  const { registry, highlighter } = setup();
  expect(highlighter.supported).toBe(true);
  expect(highlighter.name).toMatch(/^h[0-9a-f]{16}$/);
  expect(setup().highlighter.name).not.toBe(highlighter.name);
  expect(registry.size).toBe(0);
  document.body.textContent = 'two words';
  const r1 = document.createRange();
  r1.setStart(document.body.firstChild!, 0);
  r1.setEnd(document.body.firstChild!, 3);
  const r2 = r1.cloneRange();
  r2.setStart(document.body.firstChild!, 4);
  highlighter.show(r1);
  highlighter.show(r2);
  expect(registry.get(highlighter.name)!.ranges).toEqual([r2]);
  highlighter.show(null);
  expect(registry.size).toBe(0);
  highlighter.show(r1);
  highlighter.dispose();
  expect(registry.size).toBe(0);
  expect(highlightCss(highlighter.name)).toBe(
    `::highlight(${highlighter.name}) { background-color: Mark; color: MarkText; }`,
  );
});

test('without the Custom Highlight API (jsdom) it reports and does nothing', () => {
  const h = createHighlighter();
  expect(h.supported).toBe(false);
  expect(() => h.show(document.createRange())).not.toThrow();
  expect(highlightCss(h.name)).toBe('');
});

test('scroll only when the range leaves the middle band; reduced motion jumps', () => {
  const view = { top: 0, bottom: 800 };
  expect(needsScroll({ top: 300, bottom: 320 }, view)).toBe(false);
  expect(needsScroll({ top: 100, bottom: 120 }, view)).toBe(true);
  expect(needsScroll({ top: 700, bottom: 720 }, view)).toBe(true);
  expect(scrollBehavior((q) => ({ matches: q === '(prefers-reduced-motion: reduce)' }))).toBe('auto');
  expect(scrollBehavior(() => ({ matches: false }))).toBe('smooth');
  expect(scrollBehavior(undefined)).toBe('smooth');
});
