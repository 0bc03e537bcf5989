/**
 * Shared set-up for the corpus tests: finds the corpus (LECTERN_CORPUS, else ../shared/corpus beside the
 * repository) and, when it is absent, says so and skips: a user's fresh clone has no corpus.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/lib/harness/paths';
import { findCorpusRoot, type CorpusReport } from '../../../scripts/lib/corpus/run-corpus';

export function corpusDir(name: string): string | null {
  const root = findCorpusRoot(ROOT);
  const dir = root ? join(root, name) : null;
  if (!dir || !existsSync(dir)) {
    console.log(
      `corpus tests skipped: no ${name}/ corpus (looked in LECTERN_CORPUS and ${join(ROOT, '..', 'shared', 'corpus')})`,
    );
    return null;
  }
  return dir;
}

const f = (x: number): string => x.toFixed(4);

/** The figures `npm run eval` prints, for the test log. */
export function summaryLine(report: CorpusReport): string {
  const { lectern: l, readability: r } = report;
  return (
    `${report.corpus} (${report.pages} pages): Lectern F1 ${f(l.f1)} P ${f(l.precision)} R ${f(l.recall)}, ` +
    `Readability F1 ${f(r.f1)} P ${f(r.precision)} R ${f(r.recall)}; duplicate captions ${l.duplicateCaptions} ` +
    `vs ${r.duplicateCaptions}; survivor pages ${l.survivorPages.length} vs ${r.survivorPages.length}; ` +
    `median ${l.medianMs.toFixed(0)} vs ${r.medianMs.toFixed(0)} ms/page (ratio ${report.timeRatio.toFixed(2)}, not asserted)`
  );
}
