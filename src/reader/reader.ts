/**
 * The reader's state and its transitions: extract (once per page), open and close the overlay, show
 * settings from storage, offer and show an article that changed on the page. Takes its extension
 * services from the entry (src/reader/index.ts), so it never touches the extension API itself. It
 * only reads settings: the page can reach the overlay's controls, so they change this page's view
 * only (src/overlay/overlay.ts); the popup and the options page are where settings are stored.
 */
import type { OpenResult } from '../shared/messages';
import type { Translate } from '../shared/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { affectsSettings, SettingsStore, type StorageAreaLike } from '../shared/settings-store';
import { extractArticle } from '../extract/pipeline';
import type { ExtractResult } from '../extract/article';
import { ReaderOverlay } from '../overlay/overlay';
import type { FontFamilies } from '../settings-ui/apply-settings';
import { PageWatcher, articleChanged, pageFingerprint, type PageFingerprint } from './page-changes';
import { measure } from '../shared/timing';

export interface ReaderServices {
  t: Translate;
  uiLang: string;
  uiDir: 'ltr' | 'rtl';
  /**
   * The per-site settings key from the background, which holds the Public Suffix List: asked while
   * the bundle starts (the answer is back before the toggle message), it keeps the list's 130 KB out
   * of every page the reader opens in. Null if the background cannot answer: the global settings apply.
   */
  siteKey: Promise<string | null>;
  storage: { primary: StorageAreaLike; fallback: StorageAreaLike };
  /** The publication date in words, from the background (src/shared/dates.ts). */
  dateInWords: (iso: string) => Promise<string | null>;
  /** The bundled fonts: random family names, in the page's font set only while open (fonts.ts). */
  fonts: {
    readonly families: FontFamilies;
    ensure(font: Settings['font']): Promise<void>;
    show(): void;
    hide(): void;
  };
}

export class Reader {
  private site: string | null = null;
  /** Read only: the reader never writes a setting. */
  private readonly store: SettingsStore;
  /** The stored settings (the overlay keeps this page's view changes on top of them). */
  private settings: Settings = { ...DEFAULT_SETTINGS };
  /** Numbers the loads, so that one a newer load overtook is dropped. */
  private loads = 0;
  private overlay: ReaderOverlay | null = null;
  /** The last extraction, reused while the URL and the article on the page stay the same. */
  private cached: { url: string; result: ExtractResult } | null = null;
  /** The result the overlay shows. */
  private shown: ExtractResult | null = null;
  /** The page as it was when the shown article was extracted (see page-changes.ts). */
  private baseline: PageFingerprint | null = null;
  /** The title of the article the open reader shows. */
  private openTitle = '';
  private readonly watcher: PageWatcher;
  private readonly settingsReady: Promise<void>;

  constructor(private readonly services: ReaderServices) {
    this.watcher = new PageWatcher(document, () => this.offerUpdate());
    // Both areas: settings kept in storage.local while sync is full or off are newer than sync's.
    this.store = new SettingsStore(services.storage);
    this.settingsReady = this.loadSettings();
  }

  private async loadSettings(): Promise<void> {
    this.site = await this.services.siteKey;
    this.settings = (await this.store.load(this.site)).effective;
  }

  /** Storage changed (the popup or the options page wrote): show the settings of this site now. */
  storageChanged(keys: string[]): void {
    if (!affectsSettings(keys, this.site)) return;
    const n = ++this.loads;
    this.settingsReady
      .then(() => this.store.load(this.site))
      .then(
        (s) => {
          if (n === this.loads) this.applySettings(s.effective);
        },
        () => undefined,
      );
  }

  /**
   * Opens the reader, or closes it when open. An automatic open (the "Open articles automatically"
   * setting, after a detection) never closes a reader that is open: a detection can arrive twice for
   * one page (a single-page site, or a tab that finishes loading twice).
   */
  async toggle(autoOpened: boolean): Promise<OpenResult> {
    if (this.overlay?.isOpen) {
      if (autoOpened) return { ok: true, state: 'opened', title: this.openTitle };
      this.close();
      return { ok: true, state: 'closed', title: '' };
    }
    return this.open();
  }

  async open(): Promise<OpenResult> {
    const { t } = this.services;
    // The article is read while the settings are still on their way (asked for when the bundle loaded).
    const result = this.extract();
    await this.settingsReady;
    const renderStart = performance.now();
    const overlay = (this.overlay ??= this.makeOverlay());
    this.applySettings(this.settings);
    // Opening again shows the same article without rendering it again (unless the page changed).
    this.render(result);
    this.openTitle = result.ok ? result.article.title : '';
    this.services.fonts.show(); // hidden again on close (onClose), a failed opening included
    const opened = overlay.open();
    measure('lectern:render', renderStart);
    if (!opened) return { ok: false, reason: 'failed', message: t('openFailed') };
    if (this.baseline) this.watcher.start(this.baseline);
    if (!result.ok) return { ok: false, reason: 'no-article', message: t('noArticle') };
    return { ok: true, state: 'opened', title: this.openTitle };
  }

  close(): void {
    this.overlay?.close();
  }

  /** New stored settings (or the ones to open with): show them, and load the font the view shows. */
  private applySettings(next: Settings): void {
    this.settings = next;
    this.overlay?.applySettings(next);
    const font = this.overlay?.currentSettings.font ?? next.font;
    this.services.fonts.ensure(font).catch(() => undefined);
  }

  private extract(): ExtractResult {
    // Reused while the URL and the article on the page stay the same (one bounded fingerprint).
    if (
      this.cached &&
      this.cached.url === location.href &&
      this.baseline &&
      !articleChanged(this.baseline, pageFingerprint(document))
    )
      return this.cached.result;
    // Measures only (no marks): one User Timing entry per extraction, nothing else kept in the page
    // (and only on loopback pages: src/shared/timing.ts).
    const start = performance.now();
    const result = extractArticle(document, { url: location.href });
    measure('lectern:extract', start);
    this.cached = { url: location.href, result };
    this.baseline = pageFingerprint(document);
    return result;
  }

  private render(result: ExtractResult): void {
    const { t } = this.services;
    if (!this.overlay || this.shown === result) return;
    if (result.ok) this.overlay.setContent({ kind: 'article', article: result.article });
    else this.overlay.setContent({ kind: 'message', title: t('noArticleTitle'), message: t('noArticle') });
    this.shown = result;
  }

  /** The article changed under the open reader: offer it, politely; the text stays until asked. */
  private offerUpdate(): void {
    const { t } = this.services;
    this.overlay?.notify('update', t('pageUpdated'), {
      label: t('showUpdatedArticle'),
      run: () => this.showUpdate(),
    });
  }

  /** The reader asked for the updated article: extract again and show it in place of the old one. */
  showUpdate(): void {
    const overlay = this.overlay;
    if (!overlay?.isOpen) return;
    this.cached = null;
    this.render(this.extract());
    // The button goes with its notice: focus moves to the start of the new text, and that is said.
    overlay.clearNotice('update');
    overlay.focusArticle();
    overlay.announce(this.services.t('articleUpdatedShown'));
    if (this.baseline) this.watcher.start(this.baseline);
  }

  private makeOverlay(): ReaderOverlay {
    const { t, uiDir, uiLang } = this.services;
    return new ReaderOverlay({
      doc: document,
      t,
      settings: this.settings,
      uiDir,
      uiLang,
      dateInWords: this.services.dateInWords,
      fontFamilies: this.services.fonts.families,
      onViewChange: (_patch, view) => this.services.fonts.ensure(view.font).catch(() => undefined),
      onClose: () => {
        this.services.fonts.hide();
        this.watcher.stop();
        this.overlay?.clearNotice('update');
      },
    });
  }
}
