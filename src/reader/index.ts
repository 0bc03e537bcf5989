/**
 * The reader bundle: injected into a tab with scripting.executeScript only when the reader is opened.
 * Injecting it twice is harmless (the second copy finds the first and does nothing).
 */
import browser from '../shared/browser';
import { isEnvelope, isType, type OpenResult } from '../shared/messages';
import { makeTranslate } from '../shared/i18n';
import { SettingsStore, affectsSettings, DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { siteOf } from '../shared/site';
import { extractArticle } from '../extract/pipeline';
import type { ExtractResult } from '../extract/article';
import { ReaderOverlay } from '../overlay/overlay';

const FLAG = '__lecternReader';
const g = globalThis as unknown as Record<string, unknown>;

if (!g[FLAG]) {
  g[FLAG] = true;
  start();
}

function start(): void {
  const t = makeTranslate(browser.i18n);
  const store = new SettingsStore({ primary: browser.storage.sync, fallback: browser.storage.local });
  const site = siteOf(location.href);
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let overlay: ReaderOverlay | null = null;
  let cached: { url: string; result: ExtractResult } | null = null;
  const settingsReady = store.load(site).then((s) => {
    settings = s.effective;
  });

  function extract(): ExtractResult {
    if (cached && cached.url === location.href) return cached.result;
    performance.mark('lectern:extract:start');
    const result = extractArticle(document, { url: location.href });
    performance.measure('lectern:extract', 'lectern:extract:start');
    cached = { url: location.href, result };
    return result;
  }

  async function toggle(): Promise<OpenResult> {
    if (overlay?.isOpen) {
      overlay.close();
      return { ok: true, state: 'closed', title: '' };
    }
    await settingsReady;
    const result = extract();
    performance.mark('lectern:render:start');
    if (!overlay) overlay = new ReaderOverlay({ doc: document, t, settings });
    else overlay.applySettings(settings);
    if (result.ok) overlay.setContent({ kind: 'article', article: result.article });
    else overlay.setContent({ kind: 'message', title: t('noArticleTitle'), message: t('noArticle') });
    const shown = overlay.open();
    performance.measure('lectern:render', 'lectern:render:start');
    if (!shown) return { ok: false, reason: 'failed', message: t('openFailed') };
    if (!result.ok) return { ok: false, reason: 'no-article', message: t('noArticle') };
    return { ok: true, state: 'opened', title: result.article.title };
  }

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!affectsSettings(Object.keys(changes), site)) return;
    store.load(site).then((s) => {
      settings = s.effective;
      overlay?.applySettings(settings);
    });
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isEnvelope(message)) return undefined;
    if (isType(message, 'bg-rd:ping')) return Promise.resolve(true);
    if (isType(message, 'bg-rd:toggle')) return toggle();
    return undefined;
  });
}
