/**
 * The overlay's fixed elements, built once: the host with its closed shadow root, the stylesheet, the
 * <dialog> (named by the article title), the skip link, the settings panel with its "this page only"
 * note, and the <main> that holds the article. overlay.ts wires them to their behaviour.
 */
import type { Translate } from '../shared/i18n';
import { OVERLAY_CSS } from './css';
import { TITLE_ID } from './article-view';

export const HOST_ATTRIBUTE = 'data-lectern-host';
export const ARTICLE_ID = 'lectern-article';
export const PANEL_ID = 'lectern-settings';

export interface Shell {
  host: HTMLElement;
  root: ShadowRoot;
  style: HTMLStyleElement;
  dialog: HTMLDialogElement;
  skip: HTMLAnchorElement;
  bar: HTMLElement;
  panel: HTMLElement;
  panelNote: HTMLElement;
  main: HTMLElement;
}

export function buildShell(doc: Document, t: Translate, ui: { dir?: 'ltr' | 'rtl'; lang?: string }): Shell {
  const host = doc.createElement('lectern-reader');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.style.setProperty('display', 'block', 'important');
  // Closed: the page's script must not find the reader (Firefox can still hand it over through a
  // selection; foreign-nodes.ts guards what it could insert).
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;

  const dialog = doc.createElement('dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', TITLE_ID);
  dialog.dir = ui.dir ?? 'ltr';
  if (ui.lang) dialog.lang = ui.lang;

  const skip = doc.createElement('a');
  skip.className = 'skip';
  skip.href = `#${ARTICLE_ID}`;
  skip.textContent = t('skipToArticle');

  const bar = doc.createElement('div');
  bar.className = 'bar';

  const panel = doc.createElement('div');
  panel.id = PANEL_ID;
  panel.className = 'panel';
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', t('settings'));
  panel.hidden = true;
  const panelNote = doc.createElement('p');
  panelNote.className = 'panel-note';
  panelNote.textContent = t('readerSettingsNote');

  const main = doc.createElement('main');
  main.className = 'article';
  main.id = ARTICLE_ID;
  main.tabIndex = -1;
  return { host, root, style, dialog, skip, bar, panel, panelNote, main };
}
