/**
 * `npm run golden:update [-- NAME…]`: regenerates tests/fixtures/pages/<name>/expected.json from the
 * current pipeline, after an intended change. Review the diff before committing it: the hand-written
 * spec.json beside each page is the intent, and the golden test checks both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenNames, PAGES_DIR, readSpec, runGolden } from './lib/golden';

function main(): void {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : goldenNames();
  for (const name of names) {
    const golden = runGolden(name, readSpec(name));
    writeFileSync(join(PAGES_DIR, name, 'expected.json'), JSON.stringify(golden, null, 2) + '\n');
    console.log(`${name}: ${golden.ok ? `article, ${golden.text?.length ?? 0} chars` : golden.error}`);
  }
}

main();
