// Checks that the build is reproducible: two builds of the same sources give the same bytes, file by
// file (bundles, source maps, manifests, fonts, icons) and zip by zip (both packages, the source archive).
//   node scripts/check-reproducible.mjs                 builds twice (`--package`) into temporary folders
//   node scripts/check-reproducible.mjs --against DIR   builds once and compares with DIR/dist, the
//                                                       build just made there (`npm test` does this)
// Every package must also hold exactly its folder's files, source maps left out.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSourceArchive } from './lib/source-archive.mjs';
import { folderEntries, unzipFiles, zipFiles } from './lib/zip.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const againstAt = argv.indexOf('--against');
const against = againstAt >= 0 && argv[againstAt + 1] ? resolve(argv[againstAt + 1]) : null;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const ZIPS = ['chrome', 'firefox', 'source'].map((kind) => `lectern-${version}-${kind}.zip`);
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const temp = mkdtempSync(join(tmpdir(), 'lectern-repro-'));
let problems = 0;

function build(out) {
  const started = performance.now();
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--package', '--out', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return Math.round((performance.now() - started) / 100) / 10;
}

/** name → sha256 of every file under dir/dist and of the three zips in dir/artifacts. */
function fingerprint(dir) {
  const sums = new Map();
  for (const { name, data } of folderEntries(join(dir, 'dist'))) sums.set(`dist/${name}`, sha256(data));
  for (const zip of ZIPS) {
    const path = join(dir, 'artifacts', zip);
    if (existsSync(path)) sums.set(`artifacts/${zip}`, sha256(readFileSync(path)));
  }
  return sums;
}

/** The artifacts a second packaging of an existing dist/ would write (the same code as the build's). */
function packageAgain(dir) {
  const sums = new Map();
  for (const target of ['chrome', 'firefox']) {
    const zip = zipFiles(folderEntries(join(dir, 'dist', target), { skipMaps: true }));
    sums.set(`artifacts/lectern-${version}-${target}.zip`, sha256(zip));
  }
  const source = join(temp, 'again-source.zip');
  writeSourceArchive(root, source, `lectern-${version}`);
  sums.set(`artifacts/lectern-${version}-source.zip`, sha256(readFileSync(source)));
  return sums;
}

try {
  const a = join(temp, 'a');
  const seconds = [build(a)];
  let first;
  let second;
  if (against) {
    first = fingerprint(a);
    second = new Map([...fingerprint(against)].filter(([name]) => name.startsWith('dist/')));
    for (const [name, sum] of packageAgain(against)) second.set(name, sum);
  } else {
    const b = join(temp, 'b');
    seconds.push(build(b));
    first = fingerprint(a);
    second = fingerprint(b);
  }
  const names = [...new Set([...first.keys(), ...second.keys()])].sort();
  const differ = names.filter((name) => first.get(name) !== second.get(name));
  for (const name of differ)
    console.log(
      `  DIFFERS ${name}: ${first.get(name)?.slice(0, 12) ?? 'missing'} vs ${second.get(name)?.slice(0, 12) ?? 'missing'}`,
    );
  problems += differ.length;

  // Each package holds its folder, byte for byte, and nothing else.
  for (const target of ['chrome', 'firefox']) {
    const packed = unzipFiles(readFileSync(join(a, 'artifacts', `lectern-${version}-${target}.zip`)));
    const files = folderEntries(join(a, 'dist', target), { skipMaps: true });
    const wrong = files.filter((f) => !packed.get(f.name)?.equals(f.data)).map((f) => f.name);
    if (packed.size !== files.length || wrong.length) {
      console.log(
        `  ${target} package does not match dist/${target}: ${wrong.join(', ') || 'extra entries'}`,
      );
      problems++;
    }
  }
  console.log(
    `reproducible build: ${names.length - differ.length} of ${names.length} files identical ` +
      `(${against ? `a fresh build against ${against}/dist` : 'two fresh builds'}; build ${seconds.join(' s, ')} s)`,
  );
} catch (error) {
  console.log(`reproducible build: could not check (${error.message})`);
  problems++;
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exit(problems === 0 ? 0 : 1);
