/**
 * @jest-environment node
 */
// The layer rules hold because lint enforces them: a wrong import in each layer must fail ESLint.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/**
 * Lints each snippet as if it were the named file, in one child process (ESLint loads its flat config
 * with a dynamic import, which jest's module runtime does not allow). Returns the rule ids per snippet.
 */
function lintAll(snippets: Array<[string, string]>): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const snippets = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: process.cwd() });
    (async () => {
      const out = [];
      for (const [file, code] of snippets) {
        const [result] = await eslint.lintText(code, { filePath: require('node:path').join(process.cwd(), file) });
        out.push(result.messages.map((m) => m.ruleId || m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(snippets) });
  if (run.status !== 0) throw new Error(String(run.stderr));
  return JSON.parse(String(run.stdout)) as string[][];
}

const cases: Array<[string, string, string]> = [
  [
    'src/shared/zz.ts',
    "import { extractArticle } from '../extract/pipeline';\nexport const x = extractArticle;\n",
    'no-restricted-imports',
  ],
  [
    'src/extract/zz.ts',
    "import { ReaderOverlay } from '../overlay/overlay';\nexport const x = ReaderOverlay;\n",
    'no-restricted-imports',
  ],
  [
    'src/speech/zz.ts',
    "import { ReaderOverlay } from '../overlay/overlay';\nexport const x = ReaderOverlay;\n",
    'no-restricted-imports',
  ],
  [
    'src/overlay/zz.ts',
    "import browser from '../shared/browser';\nexport const x = browser;\n",
    'no-restricted-imports',
  ],
  [
    'src/overlay/zz.ts',
    "import browser from 'webextension-polyfill';\nexport const x = browser;\n",
    'no-restricted-imports',
  ],
  ['src/reader/zz.ts', 'export const x = chrome.runtime.id;\n', 'no-restricted-globals'],
  [
    'src/overlay/zz.ts',
    "import { Reader } from '../reader/reader';\nexport const x = Reader;\n",
    'no-restricted-imports',
  ],
  [
    'scripts/zz.ts',
    "import { x } from '../tests/support/fake-storage';\nexport const y = x;\n",
    'no-restricted-imports',
  ],
];

const allowed: Array<[string, string]> = [
  [
    'src/overlay/zz.ts',
    "import { normalizeSettings } from '../shared/settings';\nexport const x = normalizeSettings;\n",
  ],
  ['src/reader/index.ts', "import browser from '../shared/browser';\nexport const x = browser;\n"],
  ['src/shared/browser.ts', "import browser from 'webextension-polyfill';\nexport default browser;\n"],
  [
    'tests/unit/zz.test.ts',
    "import { launch } from '../../scripts/lib/harness/browsers';\nexport const x = launch;\n",
  ],
];

const results = lintAll([...cases.map(([file, code]) => [file, code] as [string, string]), ...allowed]);

test.each(cases.map((c, i) => [...c, i] as const))(
  'a wrong import in %s fails lint',
  (_file, _code, rule, i) => {
    expect(results[i]).toContain(rule);
  },
);

test.each(allowed.map((c, i) => [...c, cases.length + i] as const))(
  'an allowed import in %s passes',
  (_f, _c, i) => {
    expect(results[i]!.filter((id) => id.startsWith('no-restricted'))).toEqual([]);
  },
);
