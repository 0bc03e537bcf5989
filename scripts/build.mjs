// Builds dist/chrome and dist/firefox (complete unpacked extensions) from one webpack run.
//   node scripts/build.mjs [--dev] [--package] [--out DIR]
// --package also writes the two upload-ready zips and the source archive to artifacts/.
// --out DIR writes DIR/dist/… and DIR/artifacts/… instead (scripts/check-reproducible.mjs).
// The output is reproducible: the same sources give the same bytes, zips included.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { writeSourceArchive } from './lib/source-archive.mjs';
import { folderEntries, zipFiles } from './lib/zip.mjs';

const require = createRequire(import.meta.url);
const { deriveManifest } = require('./lib/manifest.js');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const mode = args.has('--dev') ? 'development' : 'production';
const outAt = argv.indexOf('--out');
const outRoot = outAt >= 0 && argv[outAt + 1] ? resolve(argv[outAt + 1]) : root;
const distDir = join(outRoot, 'dist');
/** A path as the log shows it: relative inside the project, absolute outside it. */
const shownPath = (p) => (relative(root, p).startsWith('..') ? p : relative(root, p).split(sep).join('/'));
const artifactsDir = join(outRoot, 'artifacts');

export const FONT_FILES = [
  '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2',
  '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2',
  '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-italic.woff2',
  '@fontsource/opendyslexic/files/opendyslexic-latin-400-normal.woff2',
  '@fontsource/opendyslexic/files/opendyslexic-latin-700-normal.woff2',
  '@fontsource/opendyslexic/files/opendyslexic-latin-400-italic.woff2',
];

function runWebpack() {
  const config = require(join(root, 'webpack.config.js'))({}, { mode });
  config.output.path = join(distDir, '.bundle');
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      if (stats.hasWarnings()) console.warn(stats.toString('errors-warnings'));
      resolve(stats);
    });
  });
}

const started = performance.now();
await runWebpack();
const bundle = join(distDir, '.bundle');
const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Bundles built once per browser (`<name>.<target>.js`): each browser gets its own as `<name>.js`. */
const PER_BROWSER = /^(background|detector)\.(chrome|firefox)\.js(\.map)?$/;

/** Copies `<name>.<target>.js` and its map to `<name>.js`, naming the map anew inside both. */
function takeOwnBundle(out, name, target) {
  const from = `${name}.${target}.js`;
  const js = readFileSync(join(bundle, from), 'utf8').replace(
    `//# sourceMappingURL=${from}.map`,
    `//# sourceMappingURL=${name}.js.map`,
  );
  writeFileSync(join(out, `${name}.js`), js);
  const map = JSON.parse(readFileSync(join(bundle, `${from}.map`), 'utf8'));
  writeFileSync(join(out, `${name}.js.map`), JSON.stringify({ ...map, file: `${name}.js` }));
}

for (const target of ['chrome', 'firefox']) {
  const out = join(distDir, target);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(bundle, out, { recursive: true, filter: (src) => !PER_BROWSER.test(src.split(/[\\/]/).pop()) });
  for (const name of ['background', 'detector']) takeOwnBundle(out, name, target);
  cpSync(join(root, '_locales'), join(out, '_locales'), { recursive: true });
  mkdirSync(join(out, 'icons'));
  for (const f of readdirSync(join(root, 'icons')))
    if (f.endsWith('.png')) cpSync(join(root, 'icons', f), join(out, 'icons', f));
  const html = readFileSync(join(root, 'src/popup/popup.html'), 'utf8');
  writeFileSync(join(out, 'popup.html'), html);
  writeFileSync(
    join(out, 'options.html'),
    html.replace('<html lang="en" dir="ltr">', '<html lang="en" dir="ltr" data-page="options">'),
  );
  cpSync(join(root, 'src/popup/popup.css'), join(out, 'popup.css'));
  mkdirSync(join(out, 'fonts'));
  for (const f of FONT_FILES) cpSync(require.resolve(f), join(out, 'fonts', f.split('/').pop()));
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify(deriveManifest(source, target, pkg), null, 2) + '\n',
  );
}
rmSync(bundle, { recursive: true, force: true });

const sizes = {};
for (const f of readdirSync(join(distDir, 'chrome'))) {
  if (!f.endsWith('.js')) continue;
  const buf = readFileSync(join(distDir, 'chrome', f));
  sizes[f] = { bytes: buf.length, gzip: gzipSync(buf).length };
}
const shown = shownPath(distDir);
console.log(
  `built ${shown}/chrome and ${shown}/firefox (${mode}) in ${Math.round(performance.now() - started)} ms`,
);
for (const [f, s] of Object.entries(sizes))
  console.log(`  ${f.padEnd(14)} ${String(s.bytes).padStart(8)} B  ${String(s.gzip).padStart(7)} B gzip`);

if (args.has('--package')) {
  mkdirSync(artifactsDir, { recursive: true });
  const shownArtifacts = shownPath(artifactsDir);
  for (const target of ['chrome', 'firefox']) {
    const name = `lectern-${pkg.version}-${target}.zip`;
    writeFileSync(
      join(artifactsDir, name),
      zipFiles(folderEntries(join(distDir, target), { skipMaps: true })),
    );
    console.log(`  ${shownArtifacts}/${name} ${statSync(join(artifactsDir, name)).size} B`);
  }
  const name = `lectern-${pkg.version}-source.zip`;
  const { mode: from, dirty } = writeSourceArchive(root, join(artifactsDir, name), `lectern-${pkg.version}`);
  console.log(
    `  ${shownArtifacts}/${name} ${statSync(join(artifactsDir, name)).size} B (${from === 'git' ? 'git archive of HEAD' : 'listed files of the working tree'})`,
  );
  if (dirty)
    console.warn(
      '  warning: uncommitted changes to tracked files are in the bundles but not in the source archive (it holds HEAD)',
    );
}
