// Lint: typescript-eslint's recommended rules plus the project's two architecture rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const HTML_WRITES = [
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'HTML strings are written only in src/extract/sanitize.ts (the one sanitizer module).',
  },
  {
    selector:
      "AssignmentExpression[left.type='MemberExpression'][left.property.name=/^(innerHTML|outerHTML)$/]",
    message: 'HTML strings are written only in src/extract/sanitize.ts (the one sanitizer module).',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]',
    message: 'HTML strings are written only in src/extract/sanitize.ts (the one sanitizer module).',
  },
];

const SRC_FOLDERS = [
  'shared',
  'extract',
  'speech',
  'settings-ui',
  'overlay',
  'reader',
  'popup',
  'content',
  'background',
];

/**
 * Lint blocks for one layer: its files may import the listed src folders only, and never the extension
 * API (webextension-polyfill, src/shared/browser.ts, the chrome and browser globals).
 */
function layer(files, allowed, extra = {}) {
  const forbidden = SRC_FOLDERS.filter(
    (f) => !allowed.includes(f) && !files.some((g) => g === `src/${f}/**`),
  );
  const may = allowed.length ? `only ${allowed.map((f) => `src/${f}`).join(', ')}` : 'nothing else in src';
  const message = `${files.join(', ')} may import ${may} (docs/ARCHITECTURE.md, "Layer rules").`;
  const api = 'Only entry files and src/shared/browser.ts touch the extension API (docs/ARCHITECTURE.md).';
  return [
    {
      files,
      ...extra,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [{ name: 'webextension-polyfill', message: api }],
            patterns: [
              { group: ['**/shared/browser', '**/shared/browser.ts'], message: api },
              ...(forbidden.length
                ? [{ group: forbidden.flatMap((f) => [`**/${f}/**`, `**/${f}`]), message }]
                : []),
            ],
          },
        ],
        'no-restricted-globals': [
          'error',
          { name: 'chrome', message: api },
          { name: 'browser', message: api },
        ],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'artifacts/**', 'coverage/**', 'node_modules/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', ...HTML_WRITES],
    },
  },
  {
    files: ['src/extract/sanitize.ts', 'tests/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // The layers (docs/ARCHITECTURE.md, "Layer rules"): each folder may import only the folders below it,
  // and only entry files and src/shared/browser.ts touch the extension API.
  ...layer(['src/shared/**'], [], { ignores: ['src/shared/browser.ts'] }),
  ...layer(['src/extract/**', 'src/speech/**', 'src/settings-ui/**'], ['shared']),
  ...layer(['src/overlay/**'], ['shared', 'extract', 'speech', 'settings-ui']),
  ...layer(['src/reader/**'], ['shared', 'extract', 'speech', 'settings-ui', 'overlay'], {
    ignores: ['src/reader/index.ts'],
  }),
  {
    // Scripts are tools: tests may use their shared code (scripts/lib), never the other way round.
    files: ['scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/tests/**', '**/tests'], message: 'scripts/ never imports from tests/.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
