/**
 * Writes docs/read-aloud.png: the real reader in headless Chromium reading aloud, stopped on a word of
 * its first sentence (a fake engine that sends one word boundary and then waits). Needs npm run build.
 *   node scripts/run.mjs scripts/screenshot-read-aloud.ts [--out FILE] [--word N]
 */
import { resolve } from 'node:path';
import { launch, ROOT } from './lib/harness/browsers';
import {
  driveFakeSpeech,
  fakeSpeechEvents,
  installFakeSpeech,
  watchFakeSpeech,
} from './lib/harness/fake-speech';
import { clickToolbarButton, toolbarNames, waitForHighlight } from './lib/harness/read-aloud';
import { waitForDialog } from './lib/harness/reader';
import { startServer } from './lib/harness/server';
import { waitFor } from './lib/harness/wait';

const ARTICLE = '/e2e/article.html';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined =>
    args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined;
  const out = resolve(arg('--out') ?? `${ROOT}/docs/read-aloud.png`);
  const word = Number(arg('--word') ?? 4);

  const server = await startServer();
  const h = await launch('chromium');
  try {
    const page = await h.openPage(server.url(ARTICLE));
    await page.setViewport({ width: 960, height: 640 });
    // Opened from the popup, as a person would.
    const popup = await h.openPopup(page);
    await popup.locator('button ::-p-text(Open reader)').click();
    await waitForDialog(page);
    await popup.close();
    await page.bringToFront();

    await installFakeSpeech(h, page);
    await watchFakeSpeech(page);
    await clickToolbarButton(page, 'Read aloud');
    await waitFor(
      () => fakeSpeechEvents(page),
      (events) => events.some((e) => e.lecternFakeSpeechEvent === 'start'),
      'the fake voice to start',
    );
    await driveFakeSpeech(page, { lecternFakeSpeech: 'boundary', word });
    const events = await waitFor(
      () => fakeSpeechEvents(page),
      (e) => e.some((x) => x.lecternFakeSpeechEvent === 'boundary'),
      'the boundary',
    );
    const spoken = events.find((x) => x.lecternFakeSpeechEvent === 'boundary')?.word ?? '';
    await waitForHighlight(page, (t) => t === spoken, `"${spoken}" highlighted`);
    // Focus stays on the toolbar's button, which now reads Pause: the picture shows both.
    const names = await toolbarNames(page);
    if (!names.includes('Pause')) throw new Error(`the toolbar does not say Pause: ${names.join(', ')}`);
    await page.screenshot({ path: out as `${string}.png` });
    console.log(`wrote ${out} ("${spoken}" highlighted)`);
  } finally {
    await h.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
