// Two projects: `unit` (jsdom, fast, pure modules) and `e2e` (node, real browsers, one browser per run
// chosen by LECTERN_BROWSER; files run one at a time and each file reuses one browser).
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  // Stylesheets as text, as webpack's asset/source loads them (src/overlay/css/).
  '\\.css$': '<rootDir>/tests/support/css-transform.js',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/corpus/**/*.test.ts'],
      transform,
      transformIgnorePatterns: ['/node_modules/(?!(tldts|tldts-core)/)'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      transform,
      slowTestThreshold: 30,
    },
  ],
};
