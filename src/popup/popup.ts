/**
 * The toolbar popup (also the options page, opened in a tab): what was found on this tab, the
 * "Open reader" button, and the settings form shared with the overlay. Settings are written to
 * storage.sync at once; open overlays follow through storage.onChanged, and so does this page when
 * the settings change elsewhere (in an overlay, or another popup).
 */
import browser from '../shared/browser';
import { envelope, type OpenResult, type TabArticleState } from '../shared/messages';
import { makeTranslate } from '../shared/i18n';
import { uiLocale } from '../settings-ui/ui-locale';
import { connectSettings } from '../settings-ui/settings-sync';
import type { PopupView } from './view';
import { siteOf } from '../shared/site';
import { renderPopup } from './view';
import { waitForVoices, webSpeechEngine, type VoiceLike } from '../speech';

const t = makeTranslate(browser.i18n);

/**
 * The tab this popup is about: the active tab of its window, or, when the page was opened in a tab
 * of its own (the options page, or a test), the tab named by `?tabId=`.
 */
async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(requested) && requested > 0) return browser.tabs.get(requested).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url?.startsWith(location.origin) ? undefined : tab;
}

async function main(): Promise<void> {
  const { lang, dir } = uiLocale(t, browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
  const isOptions = document.documentElement.dataset.page === 'options';
  document.title = t(isOptions ? 'optionsTitle' : 'popupTitle');

  const app = document.getElementById('app') as HTMLElement;
  const tab = await activeTab();
  const site = siteOf(tab?.url);
  let view: PopupView | null = null;
  const { store, sync } = connectSettings({
    primary: browser.storage.sync,
    fallback: browser.storage.local,
    site,
    t,
    show: (s) => view?.update(s.effective, s.site !== null),
    // The status line is a polite live region (role=status): said, and left there to be read.
    say: (text) => view?.setStatus(text),
  });
  const snapshot = await store.load(site);
  const state =
    tab?.id !== undefined
      ? ((await browser.runtime
          .sendMessage(envelope('ui-bg:get-tab-state', { tabId: tab.id }))
          .catch(() => null)) as TabArticleState | null)
      : null;

  view = renderPopup({
    doc: document,
    t,
    isOptions,
    hasTab: tab?.id !== undefined,
    found: state?.isArticle ? state.title || tab?.title || '' : null,
    site,
    settings: snapshot.effective,
    siteOnly: snapshot.site !== null,
    onOpen: async () => {
      if (tab?.id === undefined) return;
      const result = (await browser.runtime
        .sendMessage(envelope('ui-bg:toggle-reader', { tabId: tab.id }))
        .catch(() => null)) as OpenResult | null;
      if (!result) view?.setStatus(t('openFailed'));
      else if (!result.ok) view?.setStatus(result.message);
      else view?.setStatus(t(result.state === 'opened' ? 'readerOpened' : 'readerClosed'));
    },
    onChange: (patch) => void sync.change(patch),
    onSiteOnly: (on) => void sync.setSiteOnly(on),
  });
  app.replaceChildren(...view.nodes);
  app.removeAttribute('aria-busy');

  // The Voice menu: this device's voices, those of the interface's language first.
  const engine = webSpeechEngine(window);
  if (engine) {
    const shown = view;
    const show = (voices: readonly VoiceLike[]) => shown.setVoices(voices, lang);
    engine.onVoicesChanged(() => show(engine.getVoices()));
    void waitForVoices(engine).then(show);
  }

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' || area === 'local') sync.storageChanged(Object.keys(changes));
  });
}

main().catch(() => undefined);
