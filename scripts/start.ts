/**
 * `npm start`: builds both packages, serves the bundled sample news article on 127.0.0.1, and opens
 * Chromium (or Firefox with --firefox) with Lectern loaded on it.
 *   npm start -- [--firefox] [--headless --out DIR]
 * With --headless --out DIR it opens the reader from the popup as a person would, writes
 * DIR/page.png and DIR/reader.png, and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, ROOT } from './lib/harness/browsers';
import { startServer } from './lib/harness/server';
import { waitForDialog } from './lib/harness/reader';

export const SAMPLE_PATH = '/pages/seed/source.html';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const firefox = args.includes('--firefox');
  const headless = args.includes('--headless');
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (headless && !out) throw new Error('--headless needs --out DIR (where the screenshots go)');

  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  const server = await startServer();
  const url = server.url(SAMPLE_PATH);
  const h = await launch(firefox ? 'firefox' : 'chromium', { headless });
  console.log(`Lectern is loaded in ${h.name}. Sample article: ${url}`);

  const page = await h.openPage(url);
  await page.setViewport({ width: 1200, height: 900 });
  if (!headless) {
    console.log(
      'Click the Lectern button in the toolbar (or press Alt+Shift+R) to open the reader. Close the browser to stop.',
    );
    await new Promise<void>((done) => h.browser.on('disconnected', () => done()));
    await server.close();
    return;
  }

  const dir = resolve(out as string);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, 'page.png') });
  const popup = await h.openPopup(page);
  await popup.locator('button ::-p-text(Open reader)').click();
  await waitForDialog(page);
  await popup.close();
  await page.bringToFront();
  await page.screenshot({ path: join(dir, 'reader.png') });
  console.log(`wrote ${join(dir, 'page.png')} and ${join(dir, 'reader.png')}`);
  await h.close();
  await server.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
