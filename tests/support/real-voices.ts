/**
 * A suite with real voices: starts scripts/speech.sh's daemons before the browser (which must find their
 * socket when it starts), and stops them after it, whatever the tests did.
 */
import type { Page } from 'puppeteer-core';
import { browserName, launch, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { startVoices, type Voices } from '../../scripts/lib/harness/speech';
import { storeSettings } from './overlay';

export interface RealVoiceSuite {
  /** Set in beforeAll: read them inside a test, not when the file loads. */
  h: Harness;
  server: FixtureServer;
  voices: Voices;
  /** Closes the page after the test. */
  track(page: Page): Page;
}

/** Registers the hooks in the enclosing describe. */
export function realVoiceSuite(): RealVoiceSuite {
  const pages: Page[] = [];
  const suite = { track: (page: Page): Page => (pages.push(page), page) } as RealVoiceSuite;
  beforeAll(async () => {
    suite.voices = startVoices();
    suite.server = await startServer();
    suite.h = await launch(browserName(), { speech: { xdgRuntimeDir: suite.voices.xdgRuntimeDir } });
  });
  afterAll(async () => {
    await suite.h?.close();
    await suite.server?.close();
    suite.voices?.stop();
  });
  beforeEach(async () => {
    await storeSettings(suite.h, {});
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close().catch(() => undefined);
  });
  return suite;
}
