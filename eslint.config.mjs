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
  {
    // The pure core takes plain data: only entry files and src/shared adapters reach the extension API.
    files: ['src/extract/**', 'src/overlay/**', 'src/settings-ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'webextension-polyfill',
              message: 'src/extract and src/overlay must not touch the extension API.',
            },
          ],
          patterns: [
            {
              group: ['**/shared/browser', '**/shared/browser.ts'],
              message: 'src/extract and src/overlay must not touch the extension API.',
            },
            {
              group: ['**/background/**', '**/content/**', '**/reader/**', '**/popup/**'],
              message: 'The pure core does not import entry points.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'No extension API in the pure core.' },
        { name: 'browser', message: 'No extension API in the pure core.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
