/**
 * The toolbar popup (also the options page, opened in a tab): settings, "Open reader", and what was
 * found on this tab. Settings are written to storage.sync at once; open overlays follow through
 * storage.onChanged.
 */
import browser from '../shared/browser';
import { envelope } from '../shared/messages';
import { makeTranslate } from '../shared/i18n';
import { SettingsStore, TEXT_SIZES, type TextSize } from '../shared/settings';
import { siteOf } from '../shared/site';

const t = makeTranslate(browser.i18n);
const store = new SettingsStore({ primary: browser.storage.sync, fallback: browser.storage.local });

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
  const app = document.getElementById('app') as HTMLElement;
  const tab = await activeTab();
  const site = siteOf(tab?.url);
  const snapshot = await store.load(site);

  const status = document.createElement('p');
  status.id = 'status';
  status.setAttribute('role', 'status');
  const state =
    tab?.id !== undefined
      ? await browser.runtime.sendMessage(envelope('ui-bg:get-tab-state', { tabId: tab.id }))
      : null;
  const found = state && typeof state === 'object' && (state as { isArticle?: boolean }).isArticle;
  status.textContent = found
    ? t('popupArticleFound', (state as { title: string }).title)
    : t('actionTitleNone');

  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = t('openReader');
  open.addEventListener('click', async () => {
    if (tab?.id === undefined) return;
    const result = (await browser.runtime.sendMessage(
      envelope('ui-bg:toggle-reader', { tabId: tab.id }),
    )) as {
      ok: boolean;
      message?: string;
    };
    if (!result.ok && result.message) status.textContent = result.message;
  });

  const fieldset = document.createElement('fieldset');
  fieldset.setAttribute('role', 'radiogroup');
  const legend = document.createElement('legend');
  legend.id = 'text-size-legend';
  legend.textContent = t('textSize');
  fieldset.setAttribute('aria-labelledby', legend.id);
  const sizes = document.createElement('div');
  sizes.className = 'sizes';
  for (const size of TEXT_SIZES) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'textSize';
    input.value = size;
    input.checked = snapshot.effective.textSize === size;
    input.addEventListener('change', () => {
      if (input.checked) store.update({ textSize: size as TextSize }, site).catch(() => undefined);
    });
    label.append(input, document.createTextNode(` ${size}`));
    label.title = t(`textSize${size}`);
    sizes.append(label);
  }
  fieldset.append(legend, sizes);
  app.replaceChildren(status, open, fieldset);
  app.removeAttribute('aria-busy');
}

main().catch(() => undefined);
