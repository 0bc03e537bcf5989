/**
 * The reader overlay: a host on <html> with an open shadow root holding a <dialog> opened with
 * showModal() (top layer, page inert, Escape closes, focus returns). Takes plain data only: the
 * article, a Translate, the settings, and callbacks through which the reader stores changes.
 *
 *   <dialog aria-labelledby=title data-theme data-font data-images data-text-size style="--lectern-…">
 *     <a class=skip>Skip to article text</a>
 *     <div class=bar> <div role=toolbar> Close · Smaller · Larger · Theme · Settings </div>
 *                     <div class=notices> (notices: "kept on this device only", "the article changed") </div>
 *                     <div class=panel hidden> (the settings form, shared with the popup) </div> </div>
 *     <main class=article> <h1 id=title> <div class=meta> byline · <time> · site · minutes </div>
 *                          <div class=article-body lang dir> …the sanitized article… </div> </main>
 *     <div role=status aria-live=polite> "Text size XL" </div>
 *   </dialog>
 *
 * Settings change only custom properties and data attributes on the dialog: the article is rendered
 * once per `setContent` and never re-rendered by a settings change.
 */
import type { Article } from '../extract/article';
import { THEMES, stepTextSize, type Settings } from '../shared/settings';
import type { Translate } from '../shared/i18n';
import { datelineDay } from '../shared/dates';
import { applySettings } from '../settings-ui/apply-settings';
import { OVERLAY_CSS } from './css';
import { buildSettingsForm, THEME_LABEL_KEYS, type SettingsForm } from '../settings-ui/settings-form';

export const HOST_ATTRIBUTE = 'data-lectern-host';
const TITLE_ID = 'lectern-title';
const ARTICLE_ID = 'lectern-article';
const PANEL_ID = 'lectern-settings';
/** More images than any article shows; see decorate(). */
export const MAX_IMAGES = 300;

export interface OverlayOptions {
  doc: Document;
  t: Translate;
  settings: Settings;
  /** Direction and language of the UI strings (the browser's UI locale). */
  uiDir?: 'ltr' | 'rtl';
  uiLang?: string;
  /** The page's registrable domain, for the "This site only" control (null: no site section). */
  site?: string | null;
  siteOnly?: boolean;
  /** Called after the dialog has closed (any way: Escape, button, API). */
  onClose?: () => void;
  /** The reader changed a setting in the overlay (already applied here): store it. */
  onChange?: (patch: Partial<Settings>) => void;
  onSiteOnly?: (on: boolean) => void;
  /** The publication date in words (the reader asks the background: src/shared/dates.ts). */
  dateInWords?: (iso: string) => Promise<string | null>;
}

export type OverlayContent =
  { kind: 'article'; article: Article } | { kind: 'message'; title: string; message: string };

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

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
  private readonly doc: Document;
  private readonly t: Translate;
  private settings: Settings;
  private readonly buttons: HTMLButtonElement[];
  private readonly settingsButton: HTMLButtonElement;
  private returnFocus: Element | null = null;
  private scroll: { x: number; y: number } | null = null;
  private guard: MutationObserver | null = null;
  /** Opened and not yet cleaned up after (see handleClosed). */
  private active = false;
  private scrollLock: { value: string; priority: string } | null = null;
  private printHidden: Array<{ el: HTMLElement; value: string; priority: string }> = [];
  private readonly options: OverlayOptions;
  private readonly onBeforePrint = (): void => this.hidePageForPrint();
  private readonly onAfterPrint = (): void => this.restorePageAfterPrint();

  constructor(options: OverlayOptions) {
    this.options = options;
    this.doc = options.doc;
    this.t = options.t;
    this.settings = { ...options.settings };
    const doc = this.doc;
    const t = this.t;
    this.host = doc.createElement('lectern-reader');
    this.host.setAttribute(HOST_ATTRIBUTE, '');
    this.host.style.setProperty('display', 'block', 'important');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;

    const dialog = doc.createElement('dialog');
    this.dialog = dialog;
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', TITLE_ID);
    dialog.dir = options.uiDir ?? 'ltr';
    if (options.uiLang) dialog.lang = options.uiLang;

    const skip = doc.createElement('a');
    skip.className = 'skip';
    skip.href = `#${ARTICLE_ID}`;
    skip.textContent = t('skipToArticle');
    // Fragment links do not reach into a shadow root: move focus ourselves.
    skip.addEventListener('click', (e) => {
      e.preventDefault();
      this.focusArticle();
    });

    const bar = doc.createElement('div');
    bar.className = 'bar';
    this.toolbar = doc.createElement('div');
    this.toolbar.setAttribute('role', 'toolbar');
    this.toolbar.setAttribute('aria-label', t('toolbarLabel'));
    this.toolbar.setAttribute('aria-controls', ARTICLE_ID);
    const close = this.button('close', '✕', t('close'), () => this.close());
    const smaller = this.button('smaller', 'A−', t('smallerText'), () => this.stepSize(-1));
    const larger = this.button('larger', 'A+', t('largerText'), () => this.stepSize(1));
    const theme = this.button('theme', '◐', t('theme'), () => this.cycleTheme());
    this.settingsButton = this.button('settings', '⚙', t('settings'), () => this.togglePanel());
    this.settingsButton.setAttribute('aria-expanded', 'false');
    this.settingsButton.setAttribute('aria-controls', PANEL_ID);
    this.buttons = [close, smaller, larger, theme, this.settingsButton];
    this.buttons.forEach((b, i) => (b.tabIndex = i === 0 ? 0 : -1));
    this.toolbar.append(...this.buttons);
    this.toolbar.addEventListener('keydown', (e) => this.onToolbarKey(e));

    this.panel = doc.createElement('div');
    this.panel.id = PANEL_ID;
    this.panel.className = 'panel';
    this.panel.setAttribute('role', 'region');
    this.panel.setAttribute('aria-label', t('settings'));
    this.panel.hidden = true;
    this.form = buildSettingsForm({
      doc,
      t,
      idPrefix: 'lectern-panel',
      settings: this.settings,
      site: options.site ?? null,
      siteOnly: options.siteOnly ?? false,
      onChange: (patch) => this.change(patch),
      onSiteOnly: (on) => options.onSiteOnly?.(on),
    });
    this.panel.append(this.form.element);
    this.notices = doc.createElement('div');
    this.notices.className = 'notices';
    bar.append(this.toolbar, this.notices, this.panel);

    this.main = doc.createElement('main');
    this.main.className = 'article';
    this.main.id = ARTICLE_ID;
    this.main.tabIndex = -1;

    this.status = doc.createElement('div');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.status.className = 'visually-hidden';

    dialog.append(skip, bar, this.main, this.status);
    this.root.append(style, dialog);
    // The close event comes a task after the dialog closed: by then close() has cleaned up, and the
    // reader may be open again, which a late event must leave alone.
    dialog.addEventListener('close', () => {
      if (!dialog.open) this.handleClosed();
    });
    dialog.addEventListener('keydown', (e) => this.onKey(e));
    applySettings(dialog, this.settings);
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  get currentSettings(): Settings {
    return { ...this.settings };
  }

  private button(name: string, glyph: string, label: string, action: () => void): HTMLButtonElement {
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.dataset.action = name;
    const g = this.doc.createElement('span');
    g.className = 'glyph';
    g.setAttribute('aria-hidden', 'true');
    g.textContent = glyph;
    const l = this.doc.createElement('span');
    l.textContent = label;
    b.append(g, l);
    b.addEventListener('click', () => {
      this.rove(b);
      action();
    });
    return b;
  }

  setContent(content: OverlayContent): void {
    const doc = this.doc;
    const h1 = doc.createElement('h1');
    h1.id = TITLE_ID;
    if (content.kind === 'article') {
      const a = content.article;
      h1.textContent = a.title || this.t('untitledArticle');
      const header = doc.createElement('header');
      header.append(h1);
      const meta = this.meta(a);
      if (meta) header.append(meta);
      const body = doc.createElement('div');
      body.className = 'article-body';
      if (a.lang) body.lang = a.lang;
      body.dir = a.dir;
      if (a.lang) h1.lang = a.lang;
      h1.dir = a.dir;
      // Bounded first in an inert document, where images do not load; then a fresh copy of what stays
      // is imported (DESIGN.md step 5: Chromium keeps removed handlers on DOMPurify's own nodes).
      const staging = doc.implementation.createHTMLDocument('');
      const draft = staging.createElement('div');
      draft.append(staging.importNode(a.content, true));
      this.boundImages(draft);
      const copy = doc.importNode(draft, true);
      body.append(...Array.from(copy.childNodes));
      this.decorate(body);
      this.main.replaceChildren(header, body);
    } else {
      h1.textContent = content.title;
      const p = doc.createElement('p');
      p.className = 'message';
      p.textContent = content.message;
      this.main.replaceChildren(h1, p);
    }
  }

  private meta(a: Article): HTMLElement | null {
    const doc = this.doc;
    const parts: HTMLElement[] = [];
    const part = (cls: string, ...nodes: (Node | string)[]): void => {
      const span = doc.createElement('span');
      span.className = cls;
      span.append(...nodes);
      parts.push(span);
    };
    if (a.byline) part('byline', a.byline);
    if (a.published) {
      const time = doc.createElement('time');
      time.dateTime = a.published;
      // The day as published (2026-05-12) until the words come back (src/shared/dates.ts).
      time.textContent = datelineDay(a.published) ?? a.published;
      this.options.dateInWords?.(a.published).then(
        (words) => {
          if (words) time.textContent = words;
        },
        () => undefined, // the day as published stays
      );
      part('published', time);
    }
    if (a.siteName) part('site', a.siteName);
    if (a.readingMinutes > 0) part('reading-time', this.t('readingTime', String(a.readingMinutes)));
    if (!parts.length) return null;
    const meta = doc.createElement('div');
    meta.className = 'meta';
    // The byline on a line of its own, the rest as one line joined by dots.
    const [first, ...rest] = a.byline ? parts : [null, ...parts];
    if (first) {
      const line = doc.createElement('div');
      line.append(first);
      meta.append(line);
    }
    if (rest.length) {
      const line = doc.createElement('div');
      rest.forEach((p, i) => {
        if (i > 0) {
          const sep = doc.createElement('span');
          sep.className = 'sep';
          sep.setAttribute('aria-hidden', 'true');
          sep.textContent = '·';
          line.append(sep);
        }
        line.append(p as HTMLElement);
      });
      meta.append(line);
    }
    return meta;
  }

  /**
   * Presentation helpers added once per render: alt text shown in place when images are off (a
   * sibling hidden by CSS while images are on, so a screen reader meets it once either way), and
   * wide tables and code in boxes of their own that scroll and can be focused.
   */
  private decorate(body: HTMLElement): void {
    const doc = this.doc;
    for (const img of Array.from(body.querySelectorAll('img'))) {
      const alt = (img.getAttribute('alt') ?? '').trim();
      if (!alt) continue;
      const span = doc.createElement('span');
      span.className = 'alt-text';
      span.textContent = this.t('imageAlt', alt);
      img.after(span);
    }
    for (const table of Array.from(body.querySelectorAll('table'))) {
      if (table.parentElement?.closest('table')) continue;
      const box = doc.createElement('div');
      box.className = 'scroll-box';
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      const caption = table.querySelector('caption')?.textContent?.trim();
      box.setAttribute('aria-label', caption || this.t('scrollableTable'));
      table.replaceWith(box);
      box.append(table);
    }
    for (const pre of Array.from(body.querySelectorAll('pre'))) {
      pre.tabIndex = 0;
      pre.setAttribute('role', 'region');
      pre.setAttribute('aria-label', this.t('scrollableCode'));
    }
  }

  /**
   * A bound on images: past it, each image gives way to its text alternative (or to nothing when it
   * has none). A wall of 50,000 images would otherwise queue 50,000 requests and keep the page busy
   * for many seconds, even with images off (browsers fetch images that are not displayed).
   */
  private boundImages(root: Element): void {
    const images = Array.from(root.querySelectorAll('img')).slice(MAX_IMAGES);
    for (const img of images) {
      const alt = (img.getAttribute('alt') ?? '').trim();
      if (alt) {
        const span = root.ownerDocument.createElement('span');
        span.className = 'alt-text-only';
        span.textContent = this.t('imageAlt', alt);
        img.replaceWith(span);
      } else img.remove();
    }
  }

  /** Opens the dialog. Returns false (and leaves the page as it was) when it cannot be shown. */
  open(): boolean {
    if (this.dialog.open) return true;
    const win = this.doc.defaultView;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.returnFocus = deepActiveElement(this.doc);
    this.scroll = win ? { x: win.scrollX, y: win.scrollY } : null;
    this.lockPageScroll();
    this.dialog.showModal();
    this.active = true;
    const rect = this.dialog.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0 && win?.innerWidth) {
      // Shown as nothing: never leave the page inert behind an invisible dialog.
      this.close();
      return false;
    }
    this.dialog.scrollTop = 0;
    this.firstFocusable()?.focus({ preventScroll: true });
    this.watch();
    win?.addEventListener('beforeprint', this.onBeforePrint);
    win?.addEventListener('afterprint', this.onAfterPrint);
    return true;
  }

  /** Closes at once: when this returns the page is as it was (host gone, focus and scroll back). */
  close(): void {
    if (this.dialog.open) this.dialog.close();
    this.handleClosed();
  }

  /** Shows new settings (from storage, or made here). Announces a new text size or theme. */
  applySettings(settings: Settings, siteOnly?: boolean): void {
    const before = this.settings;
    this.settings = { ...settings };
    applySettings(this.dialog, this.settings);
    this.form.update(this.settings, siteOnly);
    if (before.textSize !== settings.textSize) this.say(this.t('textSizeAnnounce', settings.textSize));
    else if (before.theme !== settings.theme)
      this.say(this.t('themeAnnounce', this.t(THEME_LABEL_KEYS[settings.theme])));
  }

  /** A change made in the overlay: shown at once, then stored by the reader. */
  private change(patch: Partial<Settings>): void {
    this.applySettings({ ...this.settings, ...patch });
    this.options.onChange?.(patch);
  }

  stepSize(delta: -1 | 1): void {
    const next = stepTextSize(this.settings.textSize, delta);
    if (next === this.settings.textSize) {
      this.say(this.t('textSizeAnnounce', next));
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
  }

  /** Moves focus to the article (its start), as the skip link does. */
  focusArticle(): void {
    this.main.focus({ preventScroll: true });
    this.main.scrollIntoView?.({ block: 'start' });
  }

  /**
   * Shows a notice under the toolbar (one per kind: a newer one of the same kind replaces it) and says
   * it through the polite live region, so it neither steals focus nor interrupts reading. An action
   * adds a real button (≥ 44 px, in the dialog's tab order) that runs it.
   */
  notify(kind: string, text: string, action?: { label: string; run: () => void }): void {
    const doc = this.doc;
    const row = doc.createElement('div');
    row.className = 'notice';
    row.dataset.notice = kind;
    const p = doc.createElement('p');
    p.textContent = text;
    row.append(p);
    if (action) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = action.label;
      b.addEventListener('click', () => action.run());
      row.append(b);
    }
    const old = this.notice(kind);
    if (old) old.replaceWith(row);
    else this.notices.append(row);
    this.say(text);
  }

  /** Removes a notice. Focus inside it goes to the article rather than being lost with the button. */
  clearNotice(kind: string): void {
    const row = this.notice(kind);
    if (!row) return;
    const hadFocus = row.contains(this.root.activeElement);
    row.remove();
    if (hadFocus) this.focusArticle();
  }

  hasNotice(kind: string): boolean {
    return this.notice(kind) !== null;
  }

  private notice(kind: string): HTMLElement | null {
    for (const row of Array.from(this.notices.children) as HTMLElement[])
      if (row.dataset.notice === kind) return row;
    return null;
  }

  /** Says something through the polite live region only. */
  say(text: string): void {
    // The same words twice in a row would not be announced again: vary them invisibly.
    this.status.textContent = this.status.textContent === text ? `${text}\u00a0` : text;
  }

  private rove(target: HTMLButtonElement): void {
    for (const b of this.buttons) b.tabIndex = b === target ? 0 : -1;
  }

  private onToolbarKey(e: KeyboardEvent): void {
    const i = this.buttons.indexOf(e.target as HTMLButtonElement);
    if (i < 0) return;
    const rtl = getDir(this.toolbar) === 'rtl';
    let next: number;
    if (e.key === 'ArrowRight') next = rtl ? i - 1 : i + 1;
    else if (e.key === 'ArrowLeft') next = rtl ? i + 1 : i - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = this.buttons.length - 1;
    else return;
    e.preventDefault();
    const n = this.buttons.length;
    const target = this.buttons[(next + n) % n] as HTMLButtonElement;
    this.rove(target);
    target.focus();
  }

  private onKey(e: KeyboardEvent): void {
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
    if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey) this.trapTab(e);
  }

  /** The tab stops of the dialog, in order (one per toolbar and per radio group, as the browser does). */
  tabStops(): HTMLElement[] {
    const out: HTMLElement[] = [];
    const radios = new Set<string>();
    for (const el of Array.from(this.dialog.querySelectorAll<HTMLElement>(FOCUSABLE))) {
      if (el.tabIndex < 0 || !isRendered(el)) continue;
      // Tag names, not instanceof: content scripts see page objects through wrappers (Firefox Xrays).
      if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio') {
        const group = (el as HTMLInputElement).name;
        const checked = this.dialog.querySelector<HTMLInputElement>(
          `input[type="radio"][name="${group}"]:checked`,
        );
        if (checked ? checked !== el : radios.has(group)) continue;
        radios.add(group);
      }
      out.push(el);
    }
    return out;
  }

  private firstFocusable(): HTMLElement | undefined {
    return this.tabStops()[0];
  }

  /**
   * Tab and Shift+Tab cycle inside the dialog. The browser already keeps focus off the inert page,
   * but from the last stop it moves focus to its own UI (and from an element that is not a tab stop,
   * such as <main> after the skip link, to whatever follows): do the moving ourselves.
   */
  private trapTab(e: KeyboardEvent): void {
    const stops = this.tabStops();
    const n = stops.length;
    if (!n) return;
    const active = this.root.activeElement as HTMLElement | null;
    const index = active ? stops.indexOf(active) : -1;
    let next: number;
    if (index >= 0) next = e.shiftKey ? (index - 1 + n) % n : (index + 1) % n;
    else if (active) {
      // Not a tab stop (e.g. <main> after the skip link): go by document order.
      const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
      const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
      if (e.shiftKey) {
        let before = -1;
        stops.forEach((s, i) => {
          if (active.compareDocumentPosition(s) & PRECEDING && !s.contains(active)) before = i;
        });
        next = before < 0 ? n - 1 : before;
      } else {
        const after = stops.findIndex((s) => active.compareDocumentPosition(s) & FOLLOWING);
        next = after < 0 ? 0 : after;
      }
    } else next = e.shiftKey ? n - 1 : 0;
    e.preventDefault();
    stops[next]?.focus();
  }

  /**
   * Keeps the overlay on the page when a page script removes foreign nodes: re-append the host in the
   * same task (a later re-append flickers and loses focus) and show the dialog again.
   */
  private watch(): void {
    const Observer = this.doc.defaultView?.MutationObserver;
    if (!Observer || this.guard) return;
    this.guard = new Observer(() => {
      if (this.host.isConnected || !this.dialog.hasAttribute('open')) return;
      const focused = this.root.activeElement as HTMLElement | null;
      this.doc.documentElement.append(this.host);
      this.dialog.removeAttribute('open');
      this.dialog.showModal();
      focused?.focus({ preventScroll: true });
    });
    this.guard.observe(this.doc.documentElement, { childList: true });
  }

  /**
   * While the reader is open the page must not scroll under it, and its scrollbars must not take room
   * from the dialog (which covers the viewport without them). Set by CSSOM on <html>, which the page's
   * CSP allows, and put back as it was on close; the scroll position itself is kept.
   */
  private lockPageScroll(): void {
    const html = this.doc.documentElement;
    if (this.scrollLock) return;
    this.scrollLock = {
      value: html.style.getPropertyValue('overflow'),
      priority: html.style.getPropertyPriority('overflow'),
    };
    html.style.setProperty('overflow', 'hidden', 'important');
  }

  private unlockPageScroll(): void {
    if (!this.scrollLock) return;
    const html = this.doc.documentElement;
    html.style.removeProperty('overflow');
    if (this.scrollLock.value)
      html.style.setProperty('overflow', this.scrollLock.value, this.scrollLock.priority);
    this.scrollLock = null;
  }

  /** The page prints under the top layer: hide its other children of <html> while printing. */
  private hidePageForPrint(): void {
    this.restorePageAfterPrint();
    for (const node of Array.from(this.doc.documentElement.children)) {
      if (node === this.host || node.tagName === 'HEAD' || !('style' in node)) continue;
      const child = node as HTMLElement;
      this.printHidden.push({
        el: child,
        value: child.style.getPropertyValue('display'),
        priority: child.style.getPropertyPriority('display'),
      });
      child.style.setProperty('display', 'none', 'important');
    }
  }

  private restorePageAfterPrint(): void {
    for (const { el, value, priority } of this.printHidden) {
      el.style.removeProperty('display');
      if (value) el.style.setProperty('display', value, priority);
    }
    this.printHidden = [];
  }

  /** Runs once per opening: from close(), or from the dialog's close event (Escape). */
  private handleClosed(): void {
    if (!this.active) return;
    this.active = false;
    this.guard?.disconnect();
    this.guard = null;
    const win = this.doc.defaultView;
    win?.removeEventListener('beforeprint', this.onBeforePrint);
    win?.removeEventListener('afterprint', this.onAfterPrint);
    this.restorePageAfterPrint();
    this.unlockPageScroll();
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

function isRendered(el: HTMLElement): boolean {
  if (el.closest('[hidden]')) return false;
  if (el.getClientRects().length > 0) return true;
  // Without layout (jsdom) nothing has a box: trust the hidden attribute there.
  return el.ownerDocument.documentElement.getClientRects().length === 0;
}

function getDir(el: HTMLElement): 'ltr' | 'rtl' {
  const holder = el.closest('[dir]');
  return holder?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** The focused element, looking through open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
