/** The production build's time and each bundle's size, raw and gzipped (level 9). */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../lib/harness/paths';
import { json } from './options';

export type Bundles = Record<string, { bytes: number; gzip: number }>;

export function measureBuild(): { ms: number; bundles: Bundles } {
  const started = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: json ? 'ignore' : 'inherit' });
  const ms = performance.now() - started;
  const bundles: Bundles = {};
  for (const f of readdirSync(join(ROOT, 'dist/chrome'))) {
    if (!f.endsWith('.js')) continue;
    const buf = readFileSync(join(ROOT, 'dist/chrome', f));
    bundles[f] = { bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  }
  return { ms, bundles };
}
