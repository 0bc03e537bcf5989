/**
 * The reader's state and its transitions: extract (once per page), open and close the overlay, show
 * settings from storage, offer and show an article that changed on the page. Takes its extension
 * services from the entry (src/reader/index.ts), so it never touches the extension API itself.
 */
import type { OpenResult } from '../shared/messages';
import type { Translate } from '../shared/i18n';
import { DEFAULT_SETTINGS, type Settings, type StorageAreaLike } from '../shared/settings';
import { extractArticle } from '../extract/pipeline';
import type { ExtractResult } from '../extract/article';
import { ReaderOverlay } from '../overlay/overlay';
import type { FontFamilies } from '../settings-ui/apply-settings';
import { connectSettings } from '../settings-ui/settings-sync';
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
  private connection: ReturnType<typeof connectSettings> | null = null;
  private settings: Settings = { ...DEFAULT_SETTINGS };
  private siteOnly = false;
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
    this.settingsReady = this.connectSettings();
  }

  private async connectSettings(): Promise<void> {
    const { t, storage } = this.services;
    this.site = await this.services.siteKey;
    const connection = connectSettings({
      primary: storage.primary,
      fallback: storage.fallback,
      site: this.site,
      t,
      show: (s) => {
        this.siteOnly = s.site !== null;
        this.applySettings(s.effective);
      },
      // Only the overlay that made the change writes, so only it can fail to sync and say so.
      say: (text) => this.overlay?.notify('settings', text),
    });
    this.connection = connection;
    const s = await connection.store.load(this.site);
    this.settings = s.effective;
    this.siteOnly = s.site !== null;
  }

  /** Storage changed (any view's write): the sync decides whether this reader reloads. */
  storageChanged(keys: string[]): void {
    this.connection?.sync.storageChanged(keys);
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

  /** New settings (from storage, or the ones to open with): load their font, show them. */
  private applySettings(next: Settings): void {
    this.settings = next;
    this.services.fonts.ensure(next.font).catch(() => undefined);
    this.overlay?.applySettings(next, this.siteOnly);
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
      site: this.site,
      siteOnly: this.siteOnly,
      dateInWords: this.services.dateInWords,
      fontFamilies: this.services.fonts.families,
      onChange: (patch) => {
        // Shown by the overlay already; keep our copy in step for the next opening.
        this.settings = { ...this.settings, ...patch };
        if (patch.font) this.services.fonts.ensure(patch.font).catch(() => undefined);
        void this.connection?.sync.change(patch);
      },
      onSiteOnly: (on) => void this.connection?.sync.setSiteOnly(on),
      onClose: () => {
        this.services.fonts.hide();
        this.watcher.stop();
        this.overlay?.clearNotice('update');
        this.overlay?.clearNotice('settings');
      },
    });
  }
}
