import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found by walking up (this file also runs bundled from .cache/tools/). */
function findRoot(from: string): string {
  let dir = from;
  while (!(existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'package.json')))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the Lectern repository above ${from}`);
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
