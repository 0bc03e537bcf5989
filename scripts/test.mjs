// `npm test`: everything, in order, one browser at a time (the machine has 2 cores):
//   1. lint, format and type-check      4. built-package checks (web-ext lint; Chromium loads it cleanly;
//   2. unit tests, golden pages, corpus     a second build gives the same bytes, zips included)
//   3. build                             5. end-to-end in Chromium
//                                        6. end-to-end in Firefox ESR
// Every step runs even after a failure, so one run shows everything that is wrong.
// Ends with "N passed, N failed" (test counts) and exits non-zero on any failure.
//   --only lint,unit,build,package,chromium,firefox   run a subset
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const onlyArg =
  argv.find((a) => a.startsWith('--only='))?.slice(7) ?? (onlyAt >= 0 ? argv[onlyAt + 1] : undefined);
const only = onlyArg ? new Set(onlyArg.split(',')) : null;
const want = (step) => !only || only.has(step);

const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label}: ${[cmd.replace(root + '/', ''), ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ label, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  return ok;
}

function jest(label, args, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-jest-'));
  const out = join(dir, 'results.json');
  const ok = run(label, bin('jest'), [...args, '--json', `--outputFile=${out}`], env);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    if (!ok && r.numFailedTests === 0) failed += 1; // a suite that failed to run counts as a failure
  } catch {
    if (!ok) failed += 1;
  }
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

function check(label, cmd, args, env) {
  const ok = run(label, cmd, args, env);
  if (ok) passed += 1;
  else failed += 1;
  return ok;
}

if (want('lint')) {
  check('lint', bin('eslint'), ['.']);
  check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
  check('types', bin('tsc'), ['--noEmit', '-p', '.']);
}
if (want('unit')) jest('unit tests (jsdom)', ['--selectProjects', 'unit']);
let built = true;
if (want('build') || want('package') || want('chromium') || want('firefox'))
  built = check('build', process.execPath, [join(root, 'scripts/build.mjs')]);
if (built && want('package')) {
  check('built packages', process.execPath, [join(root, 'scripts/check-packages.mjs')]);
  check('reproducible build', process.execPath, [
    join(root, 'scripts/check-reproducible.mjs'),
    '--against',
    root,
  ]);
}
if (built && want('chromium'))
  jest('end-to-end in Chromium', ['--selectProjects', 'e2e', '--runInBand'], { LECTERN_BROWSER: 'chromium' });
if (built && want('firefox'))
  jest('end-to-end in Firefox ESR', ['--selectProjects', 'e2e', '--runInBand'], {
    LECTERN_BROWSER: 'firefox',
  });

console.log('\n━━ summary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.label} (${r.seconds} s)`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
