/**
 * The popup's view, without the extension API (jsdom tests render it with plain data): a status line,
 * the Open reader button, and the settings form shared with the overlay.
 */
import type { Settings } from '../shared/settings';
import type { Translate } from '../shared/i18n';
import { buildSettingsForm } from '../settings-ui/settings-form';
import type { VoiceLike } from '../speech';

export interface PopupViewOptions {
  doc: Document;
  t: Translate;
  isOptions: boolean;
  /** Is this page about a tab (the popup, or options.html?tabId=)? */
  hasTab: boolean;
  /** The title of the article the detector found on the tab, or null when none was found. */
  found: string | null;
  site: string | null;
  settings: Settings;
  siteOnly: boolean;
  onOpen: () => void;
  onChange: (patch: Partial<Settings>) => void;
  onSiteOnly: (on: boolean) => void;
}

export interface PopupView {
  nodes: Node[];
  setStatus(text: string): void;
  update(settings: Settings, siteOnly: boolean): void;
  /** The voices of this device for the Voice menu, ordered for `lang` (the interface's language). */
  setVoices(voices: readonly VoiceLike[], lang: string): void;
}

export function renderPopup(o: PopupViewOptions): PopupView {
  const { doc, t } = o;
  const nodes: Node[] = [];
  const heading = doc.createElement('h1');
  heading.textContent = t(o.isOptions ? 'optionsTitle' : 'popupTitle');
  if (!o.isOptions) heading.className = 'visually-hidden';
  nodes.push(heading);

  const status = doc.createElement('p');
  status.id = 'status';
  status.setAttribute('role', 'status');
  const tabBox = doc.createElement('div');
  tabBox.className = 'tab';
  if (o.hasTab) {
    status.textContent = o.found !== null ? t('popupArticleFound', o.found) : t('actionTitleNone');
    const open = doc.createElement('button');
    open.type = 'button';
    open.id = 'open-reader';
    open.className = 'primary';
    open.textContent = t('openReader');
    open.addEventListener('click', () => o.onOpen());
    tabBox.append(status, open);
  } else {
    status.textContent = t('popupNoTab');
    tabBox.append(status);
  }
  nodes.push(tabBox);

  const form = buildSettingsForm({
    doc,
    t,
    idPrefix: 'popup',
    settings: o.settings,
    site: o.site,
    siteOnly: o.siteOnly,
    onChange: o.onChange,
    onSiteOnly: o.onSiteOnly,
  });
  nodes.push(form.element);

  return {
    nodes,
    setStatus(text) {
      status.textContent = text;
    },
    update(settings, siteOnly) {
      form.update(settings, siteOnly);
    },
    setVoices(voices, lang) {
      form.setVoices(voices, lang);
    },
  };
}
