/**
 * The reader bundle's start flag: a page element whose id is the old flag's name must not make a
 * fresh bundle think it already started (named access on window, which jsdom has too).
 */
import { claimStart, STARTED } from '../../../src/reader/start-flag';

afterEach(() => {
  document.body.replaceChildren();
  delete (globalThis as Record<symbol, unknown>)[STARTED];
});

test('the page can make a string-keyed flag look set (why the flag is a symbol)', () => {
  const el = document.createElement('div');
  el.id = '__lecternReader';
  document.body.append(el);
  // The old check, `if (!globalThis.__lecternReader) start()`, would not start on this page.
  expect((globalThis as unknown as Record<string, unknown>)['__lecternReader']).toBe(el);
});

test('a page element named like a flag does not stop the first start', () => {
  for (const id of ['__lecternReader', 'lectern.reader.started', String(STARTED)]) {
    const el = document.createElement('div');
    el.id = id;
    document.body.append(el);
  }
  expect(claimStart(globalThis)).toBe(true);
});

test('the second start on the same global does nothing', () => {
  expect(claimStart(globalThis)).toBe(true);
  expect(claimStart(globalThis)).toBe(false);
  expect(claimStart(globalThis)).toBe(false);
});

test('each global (each content-script realm) has its own flag', () => {
  expect(claimStart({})).toBe(true);
  expect(claimStart(globalThis)).toBe(true);
});
