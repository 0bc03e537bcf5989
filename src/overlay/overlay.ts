/**
 * The reader overlay: a host on <html> with an open shadow root holding a <dialog> opened with
 * showModal() (top layer, page inert, Escape closes, focus returns). Takes plain data only.
 */
import type { Article } from '../extract/article';
import type { Settings } from '../shared/settings';
import type { Translate } from '../shared/i18n';
import { applySettings } from './apply-settings';
import { OVERLAY_CSS } from './css';

export const HOST_ATTRIBUTE = 'data-lectern-host';

export interface OverlayOptions {
  doc: Document;
  t: Translate;
  settings: Settings;
  /** Called after the dialog has closed (any way: Escape, button, API). */
  onClose?: () => void;
}

export type OverlayContent =
  { kind: 'article'; article: Article } | { kind: 'message'; title: string; message: string };

export class ReaderOverlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly dialog: HTMLDialogElement;
  private readonly doc: Document;
  private readonly t: Translate;
  private settings: Settings;
  private returnFocus: Element | null = null;
  private readonly onClose: (() => void) | undefined;

  constructor(options: OverlayOptions) {
    this.doc = options.doc;
    this.t = options.t;
    this.settings = options.settings;
    this.onClose = options.onClose;
    const doc = this.doc;
    this.host = doc.createElement('lectern-reader');
    this.host.setAttribute(HOST_ATTRIBUTE, '');
    this.host.style.setProperty('display', 'block', 'important');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.dialog = doc.createElement('dialog');
    this.dialog.setAttribute('aria-modal', 'true');
    this.root.append(style, this.dialog);
    this.dialog.addEventListener('close', () => this.handleClosed());
    applySettings(this.dialog, this.settings);
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  setContent(content: OverlayContent): void {
    const doc = this.doc;
    const main = doc.createElement('main');
    main.className = 'article';
    const h1 = doc.createElement('h1');
    const titleId = 'lectern-title';
    h1.id = titleId;
    if (content.kind === 'article') {
      h1.textContent = content.article.title || this.t('untitledArticle');
      main.lang = content.article.lang;
      main.dir = content.article.dir;
      const body = doc.createElement('div');
      body.className = 'article-body';
      // A fresh copy: see DESIGN.md step 5 (Chromium keeps removed handlers on DOMPurify's own nodes).
      body.append(doc.importNode(content.article.content, true));
      main.append(h1, body);
    } else {
      h1.textContent = content.title;
      const p = doc.createElement('p');
      p.setAttribute('role', 'status');
      p.textContent = content.message;
      main.append(h1, p);
    }
    const close = doc.createElement('button');
    close.type = 'button';
    close.textContent = this.t('closeReader');
    close.addEventListener('click', () => this.close());
    this.dialog.replaceChildren(close, main);
    this.dialog.setAttribute('aria-labelledby', titleId);
  }

  /** Opens the dialog. Returns false (and leaves the page as it was) when it cannot be shown. */
  open(): boolean {
    if (this.dialog.open) return true;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.returnFocus = this.doc.activeElement;
    this.dialog.showModal();
    const rect = this.dialog.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0 && this.doc.defaultView?.innerWidth) {
      // Shown as nothing: never leave the page inert behind an invisible dialog.
      this.dialog.close();
      return false;
    }
    return true;
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    applySettings(this.dialog, settings);
  }

  private handleClosed(): void {
    const target = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (target && typeof target.focus === 'function' && target.isConnected)
      target.focus({ preventScroll: true });
    this.onClose?.();
  }

  destroy(): void {
    this.close();
    this.host.remove();
  }
}
