/** The bench's command line (read once, at start), its log, and the one-line reason a page is skipped. */
import { join, resolve } from 'node:path';
import { ROOT } from '../lib/harness/paths';

const args = process.argv.slice(2);
export const json = args.includes('--json');
export const quick = args.includes('--quick');
const corpusArg = args.indexOf('--corpus') >= 0 ? args[args.indexOf('--corpus') + 1] : undefined;
export const corpus = resolve(corpusArg ?? join(ROOT, '..', 'shared', 'corpus', 'aeb'));
export const firefoxPages = Number(args[args.indexOf('--firefox-pages') + 1]) || (quick ? 5 : 30);

/** Progress goes to stdout, or to stderr with --json so that stdout holds the one JSON object. */
export const log = (...parts: unknown[]): void => {
  if (!json) console.log(...parts);
  else console.error(...parts);
};

/** An error's first line, for a page that is skipped. */
export const reason = (error: unknown): string =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
