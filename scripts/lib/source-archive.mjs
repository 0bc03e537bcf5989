// The source archive that addons.mozilla.org asks for with an add-on built by a bundler: the files a
// reviewer needs to rebuild the same bundles (README, "Building from source").
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipFiles } from './zip.mjs';

/** Outside a git checkout (an unpacked source archive, say), these are what a rebuild needs. */
export const SOURCE_PATHS = [
  '.ci',
  '.editorconfig',
  '.gitignore',
  '.prettierignore',
  '.prettierrc.json',
  'CHANGELOG.md',
  'CONTRIBUTING.md',
  'README.md',
  'SECURITY.md',
  '_locales',
  'docs',
  'eslint.config.mjs',
  'icons',
  'jest.config.js',
  'manifest.json',
  'package-lock.json',
  'package.json',
  'scripts',
  'src',
  'tests',
  'tsconfig.json',
  'webpack.config.js',
];
const NEVER = new Set(['node_modules', 'dist', 'artifacts', 'coverage', '.cache', '.git']);

/** Whether `root` is the top of a git checkout (not a folder unpacked somewhere inside another one). */
function isGitCheckout(root) {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return top !== '' && realpathSync(top) === realpathSync(root);
  } catch {
    return false;
  }
}

function listed(root) {
  const files = [];
  const walk = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) if (!NEVER.has(entry)) walk(join(path, entry));
    } else files.push(path);
  };
  for (const p of SOURCE_PATHS) walk(join(root, p));
  return files.map((f) => relative(root, f).split(sep).join('/'));
}

/**
 * Writes `out` (a .zip): in a git checkout, `git archive` of HEAD (every tracked file as committed, so
 * an uncommitted change is not in it: a warning says so); elsewhere the SOURCE_PATHS of the working
 * tree (scripts/lib/zip.mjs). Either way the files sit under `<prefix>/`, and the same input gives the
 * same bytes (git stamps every entry with the commit's time).
 * @returns {{ mode: 'git' | 'listed', dirty: boolean }}
 */
export function writeSourceArchive(root, out, prefix) {
  if (isGitCheckout(root)) {
    execFileSync('git', ['archive', '--format=zip', `--prefix=${prefix}/`, '-o', out, 'HEAD'], { cwd: root });
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    });
    return { mode: 'git', dirty: status.trim() !== '' };
  }
  const files = listed(root).map((name) => ({
    name: `${prefix}/${name}`,
    data: readFileSync(join(root, name)),
  }));
  writeFileSync(out, zipFiles(files));
  return { mode: 'listed', dirty: false };
}
