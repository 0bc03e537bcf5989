/**
 * The reader bundle's entry: injected into a tab with scripting.executeScript only when the reader is
 * opened. Injecting it twice is harmless (the second copy finds the first's start flag and does
 * nothing). Wiring only: the extension API in, the Reader (src/reader/reader.ts) does the rest.
 */
import browser from '../shared/browser';
import { envelope, isEnvelope, isType } from '../shared/messages';
import { makeTranslate } from '../shared/i18n';
import { uiLocale } from '../settings-ui/ui-locale';
import { prepareSanitizer } from '../extract/sanitize';
import { Reader } from './reader';
import { BundledFonts } from './fonts';
import { claimStart } from './start-flag';

if (claimStart(globalThis)) start();

function start(): void {
  const t = makeTranslate(browser.i18n);
  const { lang: uiLang, dir: uiDir } = uiLocale(t, browser.i18n.getUILanguage());
  const reader = new Reader({
    t,
    uiLang,
    uiDir,
    siteKey: browser.runtime.sendMessage(envelope('rd-bg:site', {})).then(
      (reply: unknown) => (typeof reply === 'string' && reply ? reply : null),
      () => null,
    ),
    storage: { primary: browser.storage.sync, fallback: browser.storage.local },
    // Async, so that an extension gone from under the page rejects instead of throwing here.
    dateInWords: async (iso) => {
      const words: unknown = await browser.runtime.sendMessage(envelope('rd-bg:date', { iso, lang: uiLang }));
      return typeof words === 'string' ? words : null; // no answer: the day as published stays
    },
    fonts: new BundledFonts((path) => browser.runtime.getURL(path)),
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' && area !== 'local') return;
    reader.storageChanged(Object.keys(changes));
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isEnvelope(message)) return undefined;
    if (isType(message, 'bg-rd:ping')) return Promise.resolve(true);
    if (isType(message, 'bg-rd:toggle')) return reader.toggle(message.payload.autoOpened === true);
    return undefined;
  });

  // This bundle is injected only to open the reader: the open request follows it. A task of its own,
  // so that the background hears the bundle has loaded first.
  setTimeout(() => prepareSanitizer(window), 0);
}
