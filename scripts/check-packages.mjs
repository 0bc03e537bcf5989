// Checks the built packages as the stores and browsers see them:
//  - `web-ext lint` of dist/firefox: 0 errors, and no warning whose source (found through the bundle's
//    source map) is the project's own code. Warnings inside bundled Readability/DOMPurify are theirs.
//  - Chromium loads dist/chrome with no manifest errors, install warnings or runtime errors.
//  - The detector and the reader keep to their size budgets and hold none of the modules they must not
//    (see BUDGETS), and begin with V8's compile hint (webpack.config.js, CompileHints).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let problems = 0;

// ---- bundle budgets -----------------------------------------------------------------------------
// What may not creep into a bundle (its source map names every module) and its gzip budget: the
// detector runs on every page; the reader is injected on every open and leaves the Public Suffix List
// to the background (rd-bg:site).
const BUDGETS = [
  { file: 'detector.js', gzip: 6144, forbidden: /webextension-polyfill|readability|dompurify|tldts/i },
  { file: 'reader.js', gzip: 60 * 1024, forbidden: /tldts/i },
];
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
for (const dist of ['chrome', 'firefox']) {
  for (const budget of BUDGETS) {
    const code = readFileSync(join(root, 'dist', dist, budget.file));
    const gzip = gzipSync(code, { level: 9 }).length;
    const { sources } = JSON.parse(readFileSync(join(root, 'dist', dist, `${budget.file}.map`), 'utf8'));
    const heavy = [
      ...new Set(
        sources.filter((s) => budget.forbidden.test(s)).map((s) => s.replace(/^.*node_modules\//, '')),
      ),
    ];
    const hinted = code.subarray(0, COMPILE_HINT.length).toString() === COMPILE_HINT;
    console.log(
      `dist/${dist}/${budget.file}: ${code.length} B, ${gzip} B gzip (budget ${budget.gzip}); forbidden modules: ${heavy.length ? heavy.join(', ') : 'none'}; compile hint: ${hinted ? 'first line' : 'MISSING'}`,
    );
    if (gzip > budget.gzip || heavy.length || !hinted) problems++;
  }
}

// ---- web-ext lint -------------------------------------------------------------------------------
let report;
try {
  report = JSON.parse(
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/web-ext/bin/web-ext.js'),
        'lint',
        '-s',
        join(root, 'dist/firefox'),
        '--output',
        'json',
        '--no-input',
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
} catch (error) {
  // web-ext exits non-zero when there are errors; its JSON is still on stdout.
  report = JSON.parse(error.stdout);
}
const consumers = new Map();
function originOf(file, line, column) {
  if (!file || !line) return null;
  if (!consumers.has(file)) {
    try {
      consumers.set(
        file,
        new SourceMapConsumer(JSON.parse(readFileSync(join(root, 'dist/firefox', `${file}.map`), 'utf8'))),
      );
    } catch {
      consumers.set(file, null);
    }
  }
  const consumer = consumers.get(file);
  return consumer ? consumer.originalPositionFor({ line, column: column ?? 0 }).source : null;
}
const ours = [];
const theirs = [];
for (const w of report.warnings) {
  const source = originOf(w.file, w.line, w.column);
  (source && /node_modules/.test(source) ? theirs : ours).push({ ...w, source });
}
console.log(
  `web-ext lint dist/firefox: ${report.errors.length} errors, ${report.warnings.length} warnings (${theirs.length} inside bundled libraries, ${ours.length} from Lectern's code), ${report.notices.length} notices`,
);
for (const w of theirs) console.log(`  library: ${w.code} in ${w.source}`);
for (const e of report.errors) console.log(`  ERROR ${e.code} ${e.file ?? ''}: ${e.message}`);
for (const w of ours)
  console.log(`  WARNING ${w.code} ${w.file ?? ''} (${w.source ?? 'unknown source'}): ${w.message}`);
problems += report.errors.length + ours.length;

// ---- Chromium loads dist/chrome cleanly ------------------------------------------------------------
const { default: puppeteer } = await import('puppeteer-core');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'lectern-check-'));
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  pipe: true,
  enableExtensions: true,
  userDataDir,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const id = await browser.installExtension(join(root, 'dist/chrome'));
  const page = await browser.newPage();
  await page.goto('chrome://extensions');
  const info = await page.evaluate(
    (extId) =>
      new Promise((resolve) =>
        // chrome.developerPrivate is what chrome://extensions itself uses to list errors and warnings.
        globalThis.chrome.developerPrivate.getExtensionInfo(extId, (i) =>
          resolve({
            name: i.name,
            state: i.state,
            installWarnings: i.installWarnings,
            manifestErrors: i.manifestErrors,
            runtimeErrors: i.runtimeErrors,
          }),
        ),
      ),
    id,
  );
  const issues = [
    ...info.installWarnings,
    ...info.manifestErrors.map((e) => e.message),
    ...info.runtimeErrors.map((e) => e.message),
  ];
  console.log(
    `Chromium loads dist/chrome: state ${info.state}, ${info.manifestErrors.length} manifest errors, ${info.installWarnings.length} install warnings, ${info.runtimeErrors.length} runtime errors`,
  );
  for (const i of issues) console.log(`  ${i}`);
  if (info.state !== 'ENABLED') problems += 1;
  problems += issues.length;
} catch (error) {
  console.log(`Chromium could not load dist/chrome: ${error.message}`);
  problems += 1;
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

process.exit(problems === 0 ? 0 : 1);
