/**
 * The reader overlay: a host on <html> with a closed shadow root holding a <dialog> opened with
 * showModal() (top layer, page inert, Escape closes, focus returns). Takes plain data only: the
 * article, a Translate, the stored settings and callbacks. It never stores a setting: the page's own
 * script can reach and click anything here, so its controls change only this page's view (overrides
 * kept until the page is reloaded); settings for every page change in the popup and options page.
 *
 *   <dialog aria-labelledby=title data-theme data-font data-images data-text-size style="--lectern-…">
 *     <a class=skip>Skip to article text</a>
 *     <div class=bar> <div role=toolbar> Close · Smaller · Larger · Theme · Settings ·
 *                                        Read aloud · Stop · Previous · Next </div>  (toolbar.ts, read-aloud.ts)
 *                     <div class=notices> "the article changed", "the page covers the reader" </div>
 *                     <div class=panel hidden> "this page only" note, the settings form (shared with
 *                                              the popup, without its stored-only settings) </div> </div>
 *     <main class=article> <h1 id=title> <div class=meta> byline · <time> · site · minutes </div>
 *                          <div class=article-body lang dir> …the sanitized article… </div> </main>
 *     <div role=status aria-live=polite> "Text size XL" </div>  (notices.ts)
 *   </dialog>
 *
 * This class builds it and runs its life: open, settings, keys, close. Settings change only custom
 * properties and data attributes on the dialog: the article is rendered once per `setContent`
 * (article-view.ts) and never re-rendered by a settings change.
 */
import { THEMES, stepTextSize, type Settings } from '../shared/settings';
import type { Translate } from '../shared/i18n';
import {
  applySettings,
  fontStacks,
  FONT_STACKS,
  type FontFamilies,
  type FontStacks,
} from '../settings-ui/apply-settings';
import { buildSettingsForm, THEME_LABEL_KEYS, type SettingsForm } from '../settings-ui/settings-form';
import { renderContent, type OverlayContent } from './article-view';
import { ARTICLE_ID, buildShell, PANEL_ID } from './shell';
import { ViewSettings } from './view-settings';
import { buildToolbar } from './toolbar';
import { tabStops, trapTab } from './focus-trap';
import { LiveRegion, Notices, type NoticeAction } from './notices';
import { PageEffects } from './page-effects';
import { ReadAloud, readAloudKeysHelp } from './read-aloud';
import { ForeignNodeGuard } from './foreign-nodes';
import { TopLayerGuard } from './top-layer';

export { MAX_IMAGES, type OverlayContent } from './article-view';

export { HOST_ATTRIBUTE } from './shell';

export interface OverlayOptions {
  doc: Document;
  t: Translate;
  settings: Settings;
  /** Direction and language of the UI strings (the browser's UI locale). */
  uiDir?: 'ltr' | 'rtl';
  uiLang?: string;
  /** Called after the dialog has closed (any way: Escape, button, API). */
  onClose?: () => void;
  /** The view changed here (already shown; never stored): the change, and the settings shown now. */
  onViewChange?: (patch: Partial<Settings>, view: Settings) => void;
  /** The publication date in words (the reader asks the background: src/shared/dates.ts). */
  dateInWords?: (iso: string) => Promise<string | null>;
  /** The family names the reader gave its bundled fonts in the page (src/reader/fonts.ts). */
  fontFamilies?: FontFamilies;
}

export class ReaderOverlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly dialog: HTMLDialogElement;
  readonly main: HTMLElement;
  readonly status: HTMLElement;
  readonly toolbar: HTMLElement;
  readonly panel: HTMLElement;
  readonly form: SettingsForm;
  readonly notices: HTMLElement;
  readonly readAloud: ReadAloud;
  private readonly doc: Document;
  private readonly t: Translate;
  /** What this page shows: the stored settings with the view's overrides on top. */
  private settings: Settings;
  private readonly stacks: FontStacks;
  /** The stored settings and this page's overrides (view-settings.ts). */
  private readonly view: ViewSettings;
  private noteSaid = false;
  private readonly settingsButton: HTMLButtonElement;
  private readonly live: LiveRegion;
  private readonly noticeList: Notices;
  private readonly pageEffects: PageEffects;
  /** Removes what a page inserts into the root (Firefox can hand a page the closed root). */
  private readonly foreign: ForeignNodeGuard;
  private readonly topLayer: TopLayerGuard;
  private returnFocus: Element | null = null;
  private scroll: { x: number; y: number } | null = null;
  /** Opened and not yet cleaned up after (see handleClosed). */
  private needsCleanup = false;
  private readonly options: OverlayOptions;

  constructor(options: OverlayOptions) {
    this.options = options;
    this.doc = options.doc;
    this.t = options.t;
    this.settings = { ...options.settings };
    this.stacks = options.fontFamilies ? fontStacks(options.fontFamilies) : FONT_STACKS;
    this.view = new ViewSettings(options.settings);
    const doc = this.doc;
    const t = this.t;
    const shell = buildShell(doc, t, { dir: options.uiDir, lang: options.uiLang });
    const { style, dialog, skip, bar } = shell;
    this.host = shell.host;
    this.root = shell.root;
    this.dialog = dialog;
    this.panel = shell.panel;
    this.main = shell.main;
    this.foreign = new ForeignNodeGuard(this.root);
    // Fragment links do not reach into a shadow root: move focus ourselves.
    skip.addEventListener('click', (e) => {
      e.preventDefault();
      this.focusArticle();
    });
    const toolbar = buildToolbar(
      doc,
      t,
      {
        close: () => this.close(),
        smaller: () => this.stepSize(-1),
        larger: () => this.stepSize(1),
        theme: () => this.cycleTheme(),
        settings: () => this.togglePanel(),
        readAloud: () => this.readAloud.toggle(),
        stop: () => this.readAloud.stop(),
        previous: () => this.readAloud.previous(),
        next: () => this.readAloud.next(),
      },
      { article: ARTICLE_ID, panel: PANEL_ID },
    );
    this.toolbar = toolbar.element;
    this.settingsButton = toolbar.settingsButton;

    this.form = buildSettingsForm({
      doc,
      t,
      idPrefix: 'lectern-panel',
      settings: this.settings,
      readAloudHelp: readAloudKeysHelp(t),
      fontStacks: this.stacks,
      viewOnly: true,
      onChange: (patch) => this.change(patch, true),
    });
    this.panel.append(shell.panelNote, this.form.element);
    this.live = new LiveRegion(doc);
    this.status = this.live.element;
    this.noticeList = new Notices(doc, this.live, (node) => this.foreign.adopt(node));
    this.notices = this.noticeList.element;
    bar.append(this.toolbar, this.notices, this.panel);

    dialog.append(skip, bar, this.main, this.status);
    this.root.append(style, dialog);
    this.readAloud = new ReadAloud({
      doc,
      t,
      uiLang: options.uiLang,
      buttons: toolbar.speech,
      main: this.main,
      scroller: dialog,
      bar,
      settings: this.settings,
      notify: (kind, text) => this.notify(kind, text),
      clearNotice: (kind) => this.clearNotice(kind),
      announce: (text) => this.announce(text),
      holdAnnouncements: (hold) => (hold ? this.live.hold() : this.live.release(this.dialog.open)),
      addStyle: (css) => {
        const sheet = doc.createElement('style');
        sheet.textContent = css;
        style.after(sheet);
        this.foreign.adopt(sheet);
      },
    });
    // Everything above is the reader's own; whatever it inserts later is adopted where it inserts it.
    this.foreign.adopt(this.root);
    this.pageEffects = new PageEffects(doc, this.host, dialog, this.root);
    this.topLayer = new TopLayerGuard({
      doc,
      dialog,
      raise: () => this.pageEffects.reshow(),
      onCovered: (covered) =>
        covered ? this.notify('covered', t('pageCoversReader')) : this.clearNotice('covered'),
    });
    // The close event comes a task after the dialog closed: by then close() has cleaned up, and the
    // reader may be open again, which a late event must leave alone.
    dialog.addEventListener('close', () => {
      if (!dialog.open) this.handleClosed();
    });
    dialog.addEventListener('keydown', (e) => this.onKey(e));
    applySettings(dialog, this.settings, this.stacks);
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  get currentSettings(): Settings {
    return { ...this.settings };
  }

  setContent(content: OverlayContent): void {
    const { doc, t } = this;
    this.readAloud.reset();
    const nodes = renderContent({ doc, t, dateInWords: this.options.dateInWords }, content);
    this.main.replaceChildren(...nodes);
    for (const node of nodes) this.foreign.adopt(node);
  }

  /** Opens the dialog. Returns false (and leaves the page as it was) when it cannot be shown. */
  open(): boolean {
    if (this.dialog.open) return true;
    const win = this.doc.defaultView;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.returnFocus = deepActiveElement(this.doc);
    this.scroll = win ? { x: win.scrollX, y: win.scrollY } : null;
    this.pageEffects.lockScroll();
    this.foreign.start();
    this.dialog.showModal();
    this.needsCleanup = true;
    const rect = this.dialog.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0 && win?.innerWidth) {
      // Shown as nothing: never leave the page inert behind an invisible dialog.
      this.close();
      return false;
    }
    this.dialog.scrollTop = 0;
    this.tabStops()[0]?.focus({ preventScroll: true });
    this.pageEffects.start();
    this.topLayer.start();
    return true;
  }

  /** Closes at once: when this returns the page is as it was (host gone, focus and scroll back). */
  close(): void {
    if (this.dialog.open) this.dialog.close();
    this.handleClosed();
  }

  /**
   * The stored settings (at opening, or changed in the popup or options page): a key whose stored
   * value changed replaces this view's override of it; the other overrides stay. Announces a new text
   * size or theme.
   */
  applySettings(stored: Settings): void {
    const said = this.show(this.view.fromStore(stored));
    if (said) this.announce(said);
  }

  /** Shows a view; returns what to say about it (a new text size or theme), if anything. */
  private show(view: Settings): string | null {
    const before = this.settings;
    this.settings = { ...view };
    applySettings(this.dialog, this.settings, this.stacks);
    this.form.update(this.settings);
    this.foreign.adopt(this.form.element); // an update may rebuild the voice menu's options
    this.readAloud.updateSettings(this.settings);
    if (before.textSize !== view.textSize) return this.t('textSizeAnnounce', view.textSize);
    if (before.theme !== view.theme) return this.t('themeAnnounce', this.t(THEME_LABEL_KEYS[view.theme]));
    return null;
  }

  /**
   * A change made with the reader's own controls: this page's view only. The panel's first change
   * also says (once) that the Lectern button's settings are the ones that apply everywhere.
   */
  private change(patch: Partial<Settings>, fromPanel = false): void {
    const said = this.show(this.view.override(patch));
    const note = fromPanel && !this.noteSaid ? this.t('readerSettingsNote') : null;
    if (note) this.noteSaid = true;
    const text = [said, note].filter(Boolean).join(' ');
    if (text) this.announce(text);
    this.options.onViewChange?.(patch, this.currentSettings);
  }

  stepSize(delta: -1 | 1): void {
    const next = stepTextSize(this.settings.textSize, delta);
    if (next === this.settings.textSize) {
      this.announce(this.t('textSizeAnnounce', next));
      return;
    }
    this.change({ textSize: next });
  }

  private cycleTheme(): void {
    const i = THEMES.indexOf(this.settings.theme);
    this.change({ theme: THEMES[(i + 1) % THEMES.length] ?? 'auto' });
  }

  private togglePanel(): void {
    const open = this.panel.hidden;
    this.panel.hidden = !open;
    this.settingsButton.setAttribute('aria-expanded', String(open));
    // The voice menu is filled when first looked at: no speech engine is made when the reader opens.
    if (open)
      this.readAloud.listVoices((voices, lang) => {
        this.form.setVoices(voices, lang);
        this.foreign.adopt(this.form.element); // the voice menu's new options are the reader's own
      });
  }

  /** Moves focus to the article (its start), as the skip link does. */
  focusArticle(): void {
    this.main.focus({ preventScroll: true });
    this.main.scrollIntoView?.({ block: 'start' });
  }

  /** Shows a notice under the toolbar and says it politely (notices.ts). */
  notify(kind: string, text: string, action?: NoticeAction): void {
    this.noticeList.show(kind, text, action);
  }

  /** Removes a notice. Focus inside it goes to the article rather than being lost with the button. */
  clearNotice(kind: string): void {
    if (this.noticeList.clear(kind, this.root.activeElement)) this.focusArticle();
  }

  hasNotice(kind: string): boolean {
    return this.noticeList.has(kind);
  }

  /** Says something through the polite live region only. */
  announce(text: string): void {
    this.live.announce(text);
  }

  /** The tab stops of the dialog, in order (focus-trap.ts). */
  tabStops(): HTMLElement[] {
    return tabStops(this.dialog);
  }

  private onKey(e: KeyboardEvent): void {
    if (this.readAloud.handleKey(e)) return;
    if ((e.ctrlKey || e.metaKey) && !e.altKey) {
      if (e.key === '+' || e.key === '=') {
        e.preventDefault();
        this.stepSize(1);
        return;
      }
      if (e.key === '-' || e.key === '_') {
        e.preventDefault();
        this.stepSize(-1);
        return;
      }
    }
    if (e.key === 'Escape' && !e.defaultPrevented) {
      // Closed here rather than by the dialog's own cancel: close() cleans up at once, so the page is
      // whole again in the same task (the close event would only come a task later).
      e.preventDefault();
      this.close();
      return;
    }
    if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey) trapTab(e, this.dialog, this.root);
  }

  /** Runs once per opening: from close(), or from the dialog's close event (Escape). */
  private handleClosed(): void {
    if (!this.needsCleanup) return;
    this.needsCleanup = false;
    this.readAloud.close();
    this.topLayer.stop();
    this.pageEffects.stop();
    this.foreign.stop();
    const win = this.doc.defaultView;
    const target = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (target && typeof target.focus === 'function' && target.isConnected)
      target.focus({ preventScroll: true });
    if (win && this.scroll && (win.scrollX !== this.scroll.x || win.scrollY !== this.scroll.y))
      win.scrollTo(this.scroll.x, this.scroll.y);
    this.scroll = null;
    // Leave nothing of Lectern's in the page once closed: the host goes (its nodes stay in memory, so
    // opening again shows the same article without extracting it again).
    this.host.remove();
    this.options.onClose?.();
  }

  destroy(): void {
    this.close();
    this.host.remove();
  }
}

/** The focused element, looking through open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
