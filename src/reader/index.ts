/**
 * The reader bundle: injected into a tab with scripting.executeScript only when the reader is opened.
 * Injecting it twice is harmless (the second copy finds the first and does nothing).
 *
 * Glue only: it extracts (once per URL), hands the article and the settings to the overlay, stores the
 * changes made in the overlay, follows storage.onChanged, and loads the two bundled fonts on demand.
 */
import browser from '../shared/browser';
import { envelope, isEnvelope, isType, type OpenResult } from '../shared/messages';
import { makeTranslate } from '../shared/i18n';
import { uiLocale } from '../settings-ui/ui-locale';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { extractArticle } from '../extract/pipeline';
import { prepareSanitizer } from '../extract/sanitize';
import type { ExtractResult } from '../extract/article';
import { ReaderOverlay } from '../overlay/overlay';
import { connectSettings } from '../settings-ui/settings-sync';
import { PageWatcher, articleChanged, pageFingerprint, type PageFingerprint } from './page-changes';
import { measure } from '../shared/timing';

const FLAG = '__lecternReader';
const g = globalThis as unknown as Record<string, unknown>;

if (!g[FLAG]) {
  g[FLAG] = true;
  start();
}

/** The fonts the build copies to dist/*\/fonts/ (scripts/build.mjs FONT_FILES). */
const FONT_FACES: Record<'atkinson' | 'opendyslexic', Array<[string, FontFaceDescriptors]>> = {
  atkinson: [
    ['atkinson-hyperlegible-latin-400-normal.woff2', { weight: '400', style: 'normal' }],
    ['atkinson-hyperlegible-latin-700-normal.woff2', { weight: '700', style: 'normal' }],
    ['atkinson-hyperlegible-latin-400-italic.woff2', { weight: '400', style: 'italic' }],
  ],
  opendyslexic: [
    ['opendyslexic-latin-400-normal.woff2', { weight: '400', style: 'normal' }],
    ['opendyslexic-latin-700-normal.woff2', { weight: '700', style: 'normal' }],
    ['opendyslexic-latin-400-italic.woff2', { weight: '400', style: 'italic' }],
  ],
};
const FONT_FAMILIES = { atkinson: 'Lectern Atkinson Hyperlegible', opendyslexic: 'Lectern OpenDyslexic' };

function start(): void {
  const t = makeTranslate(browser.i18n);
  const { lang: uiLang, dir: uiDir } = uiLocale(t, browser.i18n.getUILanguage());
  /**
   * The per-site settings key comes from the background, which holds the Public Suffix List: asked
   * while this bundle starts (the answer is back before the toggle message), it keeps the list's
   * 130 KB out of every page the reader opens in. Unknown (null) only if the background cannot answer,
   * and then the global settings apply.
   */
  let site: string | null = null;
  let connection: ReturnType<typeof connectSettings> | null = null;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let siteOnly = false;
  let overlay: ReaderOverlay | null = null;
  let cached: { url: string; result: ExtractResult } | null = null;
  let shown: ExtractResult | null = null;
  const fontsLoading = new Map<string, Promise<void>>();
  /** The page as it was when the shown article was extracted (see page-changes.ts). */
  let baseline: PageFingerprint | null = null;
  const watcher = new PageWatcher(document, () => offerUpdate());

  const settingsReady = browser.runtime
    .sendMessage(envelope('rd-bg:site', {}))
    .then(
      (reply: unknown) => (typeof reply === 'string' && reply ? reply : null),
      () => null,
    )
    .then((key) => {
      site = key;
      connection = connectSettings({
        primary: browser.storage.sync,
        fallback: browser.storage.local,
        site,
        t,
        show: (s) => {
          siteOnly = s.site !== null;
          show(s.effective);
        },
        // Only the overlay that made the change writes, so only it can fail to sync and say so.
        say: (text) => overlay?.notify('settings', text),
      });
      return connection.store.load(site);
    })
    .then((s) => {
      settings = s.effective;
      siteOnly = s.site !== null;
    });

  /**
   * FontFace from bytes, added to document.fonts: works under `default-src 'none'` in both browsers
   * (an @font-face inside a shadow root is ignored, and data: URLs fall under the page's font-src).
   */
  function ensureFont(font: Settings['font']): Promise<void> {
    if (font !== 'atkinson' && font !== 'opendyslexic') return Promise.resolve();
    let loading = fontsLoading.get(font);
    if (!loading) {
      loading = Promise.all(
        FONT_FACES[font].map(async ([file, descriptors]) => {
          const response = await fetch(browser.runtime.getURL(`fonts/${file}`));
          const face = new FontFace(FONT_FAMILIES[font], await response.arrayBuffer(), descriptors);
          await face.load();
          document.fonts.add(face);
        }),
      ).then(
        () => undefined,
        () => {
          fontsLoading.delete(font); // try again next time; the CSS falls back meanwhile
        },
      );
      fontsLoading.set(font, loading);
    }
    return loading;
  }

  function show(next: Settings): void {
    settings = next;
    ensureFont(next.font).catch(() => undefined);
    overlay?.applySettings(next, siteOnly);
  }

  function extract(): ExtractResult {
    // Reused while the URL and the article on the page stay the same (one bounded fingerprint).
    if (
      cached &&
      cached.url === location.href &&
      baseline &&
      !articleChanged(baseline, pageFingerprint(document))
    )
      return cached.result;
    // Measures only (no marks): one User Timing entry per extraction, nothing else kept in the page
    // (and only on loopback pages: src/shared/timing.ts).
    const start = performance.now();
    const result = extractArticle(document, { url: location.href });
    measure('lectern:extract', start);
    cached = { url: location.href, result };
    baseline = pageFingerprint(document);
    return result;
  }

  function render(result: ExtractResult): void {
    if (!overlay || shown === result) return;
    if (result.ok) overlay.setContent({ kind: 'article', article: result.article });
    else overlay.setContent({ kind: 'message', title: t('noArticleTitle'), message: t('noArticle') });
    shown = result;
  }

  /** The article changed under the open reader: offer it, politely; the text stays until asked. */
  function offerUpdate(): void {
    overlay?.notify('update', t('pageUpdated'), {
      label: t('showUpdatedArticle'),
      run: () => {
        if (!overlay?.isOpen) return;
        cached = null;
        render(extract());
        // The button goes with its notice: focus moves to the start of the new text, and that is said.
        overlay.clearNotice('update');
        overlay.focusArticle();
        overlay.announce(t('articleUpdatedShown'));
        if (baseline) watcher.start(baseline);
      },
    });
  }

  function makeOverlay(): ReaderOverlay {
    return new ReaderOverlay({
      doc: document,
      t,
      settings,
      uiDir,
      uiLang,
      site,
      siteOnly,
      // Async, so that an extension gone from under the page rejects instead of throwing here.
      dateInWords: async (iso) => {
        const words: unknown = await browser.runtime.sendMessage(
          envelope('rd-bg:date', { iso, lang: uiLang }),
        );
        return typeof words === 'string' ? words : null; // no answer: the day as published stays
      },
      onChange: (patch) => {
        // Shown by the overlay already; keep our copy in step for the next opening.
        settings = { ...settings, ...patch };
        if (patch.font) ensureFont(patch.font).catch(() => undefined);
        void connection?.sync.change(patch);
      },
      onSiteOnly: (on) => void connection?.sync.setSiteOnly(on),
      onClose: () => {
        watcher.stop();
        overlay?.clearNotice('update');
        overlay?.clearNotice('settings');
      },
    });
  }

  /** The title of the article the open reader shows. */
  let openTitle = '';
  /**
   * Opens the reader, or closes it when open. An automatic open (the "Open articles automatically"
   * setting, after a detection) never closes a reader that is open: a detection can arrive twice for
   * one page (a single-page site, or a tab that finishes loading twice).
   */
  async function toggle(autoOpened: boolean): Promise<OpenResult> {
    if (overlay?.isOpen) {
      if (autoOpened) return { ok: true, state: 'opened', title: openTitle };
      overlay.close();
      return { ok: true, state: 'closed', title: '' };
    }
    // The article is read while the settings are still on their way (asked for when the bundle loaded).
    const result = extract();
    await settingsReady;
    const renderStart = performance.now();
    if (!overlay) overlay = makeOverlay();
    show(settings);
    // Opening again shows the same article without rendering it again (unless the page changed).
    render(result);
    openTitle = result.ok ? result.article.title : '';
    const opened = overlay.open();
    measure('lectern:render', renderStart);
    if (!opened) return { ok: false, reason: 'failed', message: t('openFailed') };
    if (baseline) watcher.start(baseline);
    if (!result.ok) return { ok: false, reason: 'no-article', message: t('noArticle') };
    return { ok: true, state: 'opened', title: openTitle };
  }

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' && area !== 'local') return;
    connection?.sync.storageChanged(Object.keys(changes));
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isEnvelope(message)) return undefined;
    if (isType(message, 'bg-rd:ping')) return Promise.resolve(true);
    if (isType(message, 'bg-rd:toggle')) return toggle(message.payload.autoOpened === true);
    return undefined;
  });

  // This bundle is injected only to open the reader: the open request follows it. A task of its own,
  // so that the background hears the bundle has loaded first.
  setTimeout(() => prepareSanitizer(window), 0);
}
