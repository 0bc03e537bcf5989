// Runs a TypeScript tool (scripts/*.ts) under Node: esbuild bundles it (and the src/ modules it
// imports) to one CommonJS file in .cache/, with npm packages left as require()s, then runs it.
//   node scripts/run.mjs scripts/extract.ts [args…]
// The bundle is named for the entry's path under scripts/ (scripts/bench/main.ts: bench-main.cjs),
// so that a tool run from another (the bench runs eval) never overwrites it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run.mjs <file.ts> [args…]');
  process.exit(2);
}
const outdir = join(root, '.cache', 'tools');
mkdirSync(outdir, { recursive: true });
const name = relative(join(root, 'scripts'), resolve(root, entry)).split(sep).join('-');
const outfile = join(outdir, name.replace(/\.ts$/, '.cjs'));
await build({
  entryPoints: [resolve(root, entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
});
process.argv = [process.argv[0], outfile, ...args];
createRequire(import.meta.url)(outfile);
