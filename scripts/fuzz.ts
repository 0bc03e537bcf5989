/**
 * `npm run fuzz -- [--runs N] [--seed S]`: as many fuzz cases as asked (default 10,000), the same
 * properties as tests/unit/security/fuzz.test.ts, plus the time per case (median, p99, max) and the
 * largest input, so slow paths show up. Exits 1 with the counterexample when a property fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { htmlPage, mutatedPage } from './lib/fuzz/html';
import { runCase } from './lib/fuzz/run-case';
import { ROOT } from './lib/harness/paths';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = opt('--runs', 10_000);
const seed = opt('--seed', Date.now() % 2 ** 31);
const { window } = new JSDOM('<!doctype html><html></html>', {
  url: 'http://127.0.0.1/fuzz.html',
  virtualConsole: new VirtualConsole(),
});
const win = window as unknown as Window;
const pages = ['tests/fixtures/pages/seed/source.html', 'tests/fixtures/e2e/article.html'].map((p) =>
  readFileSync(join(ROOT, p), 'utf8'),
);
const arbitrary = fc.oneof(
  { weight: 3, arbitrary: htmlPage },
  ...pages.map((p) => ({ weight: 1, arbitrary: mutatedPage(p) })),
);

const times: { ms: number; bytes: number }[] = [];
let articles = 0;
console.log(`fuzzing the pipeline: ${runs} cases, seed ${seed}`);
try {
  fc.assert(
    fc.property(arbitrary, (html) => {
      const started = performance.now();
      const r = runCase(win, html);
      times.push({ ms: performance.now() - started, bytes: html.length });
      if (r.threw) throw r.threw;
      if (!r.complete) throw new Error('incomplete result');
      if (r.danger.length) throw new Error(`dangerous output: ${r.danger.join(', ')}`);
      if (r.ok) articles++;
      return true;
    }),
    { seed, numRuns: runs },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
const q = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const biggest = times.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const msPerKb = times.filter((t) => t.bytes > 20_000).map((t) => t.ms / (t.bytes / 1024));
console.log(`${runs} passed, 0 failed: ${articles} articles, ${runs - articles} "no article"`);
console.log(
  `time per case: median ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms, max ${sorted.at(-1)?.toFixed(2)} ms; largest input ${biggest.bytes} B in ${biggest.ms.toFixed(2)} ms`,
);
if (msPerKb.length)
  console.log(
    `inputs over 20 KB: median ${(msPerKb.sort((a, b) => a - b)[msPerKb.length >> 1] ?? 0).toFixed(3)} ms per KB`,
  );
