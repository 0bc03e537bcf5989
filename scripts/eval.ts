/**
 * `npm run eval -- --corpus DIR [--json]`: scores Lectern's pipeline and plain Readability side by side
 * (same jsdom parse, same URL) with the article-extraction-benchmark metric (scripts/lib/corpus/metric.ts).
 * Times are the fastest of --repeat N runs per page (default 3), for both sides alike.
 */
import { runCorpus, type CorpusReport, type SideSummary } from './lib/corpus/run-corpus';

function usage(): never {
  console.error(
    'usage: npm run eval -- --corpus DIR [--json] [--repeat N (timing: fastest of N, default 3)]',
  );
  process.exit(2);
}

const pct = (x: number): string => x.toFixed(4);

function side(label: string, s: SideSummary): string[] {
  return [
    `${label.padEnd(12)} F1 ${pct(s.f1)}  P ${pct(s.precision)}  R ${pct(s.recall)}  ` +
      `duplicate captions ${s.duplicateCaptions}  survivor pages ${s.survivorPages.length}  ` +
      `median ${s.medianMs.toFixed(1)} ms/page  no result ${s.failures}`,
  ];
}

function print(report: CorpusReport): void {
  const lines: string[] = [];
  lines.push(`corpus ${report.corpus}: ${report.pages} pages`);
  lines.push(...side('Lectern', report.lectern));
  lines.push(...side('Readability', report.readability));
  lines.push(
    `F1 difference ${(report.lectern.f1 - report.readability.f1 >= 0 ? '+' : '') + pct(report.lectern.f1 - report.readability.f1)}` +
      `   time ratio (median, Lectern / Readability) ${report.timeRatio.toFixed(2)}`,
  );
  for (const [label, s] of [
    ['Lectern', report.lectern],
    ['Readability', report.readability],
  ] as const) {
    if (s.survivorPages.length)
      lines.push(
        `${label} survivors: ` + s.survivorPages.map((p) => `${p.name} (${p.phrases.join(', ')})`).join('; '),
      );
  }
  const dup = report.results.filter((r) => r.lectern.duplicateCaptions || r.readability.duplicateCaptions);
  if (dup.length)
    lines.push(
      'duplicate captions (Lectern/Readability): ' +
        dup
          .map((r) => `${r.name} ${r.lectern.duplicateCaptions}/${r.readability.duplicateCaptions}`)
          .join(', '),
    );
  lines.push('largest losses against Readability (per-page F1):');
  if (!report.losses.length) lines.push('  none');
  for (const l of report.losses)
    lines.push(
      `  ${l.name.slice(0, 40).padEnd(40)} Lectern ${pct(l.lectern)}  Readability ${pct(l.readability)}  ${pct(l.delta)}  ${l.url}`,
    );
  const undetected = report.results.filter((r) => !r.detected).map((r) => r.name);
  lines.push(`detected as articles: ${report.pages - undetected.length}/${report.pages}`);
  if (undetected.length) lines.push(`  not detected: ${undetected.join(', ')}`);
  console.log(lines.join('\n'));
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--corpus');
  const dir = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--corpus='))?.slice(9);
  if (!dir) usage();
  const json = args.includes('--json');
  const verbose = args.includes('--verbose');
  const repeatAt = args.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 3;
  if (!Number.isInteger(repeat) || repeat < 1) usage();
  const report = runCorpus(
    dir,
    (r, i, n) => {
      if (verbose)
        process.stderr.write(
          `${i + 1}/${n} ${r.name} ${r.lectern.ms.toFixed(0)}/${r.readability.ms.toFixed(0)} ms\n`,
        );
    },
    { repeat },
  );
  if (json) {
    const { results, ...rest } = report;
    console.log(
      JSON.stringify({
        ...rest,
        pages: results.map((r) => ({
          name: r.name,
          url: r.url,
          detected: r.detected,
          retention: r.retention,
          lectern: { ...r.lectern, text: undefined },
          readability: { ...r.readability, text: undefined },
        })),
      }),
    );
  } else print(report);
}

main();
