/** @jest-environment node */
/**
 * Property-based fuzzing of the whole pipeline (fast-check, fixed seed so failures reproduce):
 * it never throws, always returns a complete article or a clear "no article", and its output never
 * holds scripts, handlers or dangerous URLs. `npm run fuzz -- --runs N` runs as many as asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { htmlPage, mutatedPage } from '../../../scripts/lib/fuzz/html';
import { runCase } from '../../../scripts/lib/fuzz/run-case';
import { ROOT } from '../../../scripts/lib/harness/paths';

const SEED = 20261128;
// One window for every case, scripts off as in a page's content-script view; jsdom's CSS parse
// complaints about the fuzzed pages are theirs, not ours.
const { window } = new JSDOM('<!doctype html><html></html>', {
  url: 'http://127.0.0.1/fuzz.html',
  virtualConsole: new VirtualConsole(),
});
const win = window as unknown as Window;
const seedPage = readFileSync(join(ROOT, 'tests/fixtures/pages/seed/source.html'), 'utf8');
const smallPage = readFileSync(join(ROOT, 'tests/fixtures/e2e/article.html'), 'utf8');

function property(html: string): boolean {
  const r = runCase(win, html);
  if (r.threw) throw r.threw;
  if (!r.complete) throw new Error('incomplete result');
  if (r.danger.length) throw new Error(`dangerous output: ${r.danger.join(', ')}`);
  return true;
}

jest.setTimeout(180_000);

test('1,500 random pages: never throws, never dangerous, always complete', () => {
  fc.assert(fc.property(htmlPage, property), { seed: SEED, numRuns: 1500 });
});

test('300 mutations of a small article page: never throws, never dangerous, always complete', () => {
  fc.assert(fc.property(mutatedPage(smallPage), property), { seed: SEED, numRuns: 300 });
});

test('200 mutations of the seed page: never throws, never dangerous, always complete', () => {
  fc.assert(fc.property(mutatedPage(seedPage), property), { seed: SEED, numRuns: 200 });
});
