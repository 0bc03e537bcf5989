/** The pipeline's time beside plain Readability's under jsdom, from npm run eval on the same corpus. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/harness/paths';
import { corpus } from './options';

export function jsdomRatio(): { lectern: number; readability: number; ratio: number } | null {
  if (!existsSync(join(ROOT, 'scripts/eval.ts'))) return null;
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/run.mjs'), 'scripts/eval.ts', '--corpus', corpus, '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  try {
    const report = JSON.parse(r.stdout) as {
      lectern: { medianMs: number };
      readability: { medianMs: number };
      timeRatio: number;
    };
    return {
      lectern: report.lectern.medianMs,
      readability: report.readability.medianMs,
      ratio: report.timeRatio,
    };
  } catch {
    return null;
  }
}
