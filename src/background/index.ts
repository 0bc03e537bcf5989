/**
 * Background (Chrome service worker / Firefox event page). Stateless across restarts: per-tab state
 * lives in storage.session. Sets the action's badge and title per tab, registers the command and the
 * context-menu item, and injects the reader bundle on demand. In Firefox it also reads each loaded
 * tab's detection from the detector (the `pull` report, src/shared/pull.ts); each browser's entry
 * (background.chrome.ts, background.firefox.ts) says which.
 */
import browser from '../shared/browser';
import { envelope, isEnvelope, isType, type OpenResult, type TabArticleState } from '../shared/messages';
import { makeTranslate } from '../shared/i18n';
import { SettingsStore } from '../shared/settings-store';
import { siteOf } from '../shared/site';
import { formatDate } from '../shared/dates';
import { originOf, senderAllowed } from './senders';
import {
  DETECTED_SLOT,
  PULL_WAIT_MS,
  WAITING_SLOT,
  isTabArticleState,
  readDetection,
  type ReportMode,
} from '../shared/pull';

const t = makeTranslate(browser.i18n);
const MENU_ID = 'open-in-lectern';
const READER_FILE = 'reader.js';
const tabKey = (tabId: number): string => `tab:${tabId}`;
/** Set once the reader bundle was injected into a tab, until the tab closes (see `mayHoldReader`). */
const readerKey = (tabId: number): string => `reader:${tabId}`;

const settings = new SettingsStore({ primary: browser.storage.sync, fallback: browser.storage.local });

async function getTabState(tabId: number): Promise<TabArticleState | null> {
  try {
    const data = await browser.storage.session.get(tabKey(tabId));
    const state = data[tabKey(tabId)];
    return state && typeof state === 'object' ? (state as TabArticleState) : null;
  } catch {
    return null;
  }
}

async function showState(tabId: number, state: TabArticleState | null): Promise<void> {
  const found = Boolean(state?.isArticle);
  await Promise.all([
    browser.action.setTitle({ tabId, title: found ? t('actionTitleFound') : t('actionTitleNone') }),
    browser.action.setBadgeText({ tabId, text: found ? '✓' : '' }),
    found ? browser.action.setBadgeBackgroundColor({ tabId, color: '#1d6b3a' }) : Promise.resolve(),
  ]).catch(() => undefined); // the tab may have closed meanwhile
}

/**
 * Whether the reader bundle may be in the tab's document. A tab it was never injected into cannot hold
 * it, so the first open in a tab goes straight to the injection, without the ping (a round trip through
 * the page). Once injected, the tab may since hold another document (navigations are not tracked: a
 * single-page site's history.pushState looks like one to tabs.onUpdated), so the ping decides. Unknown
 * (the session store failed) is "maybe".
 */
async function mayHoldReader(tabId: number): Promise<boolean> {
  try {
    return readerKey(tabId) in (await browser.storage.session.get(readerKey(tabId)));
  } catch {
    return true;
  }
}

/** Makes sure the reader bundle is in the tab (injecting it at most once), then toggles the overlay. */
async function toggleReader(tabId: number, autoOpened = false): Promise<OpenResult> {
  try {
    const present =
      (await mayHoldReader(tabId)) &&
      (await browser.tabs.sendMessage(tabId, envelope('bg-rd:ping', {})).catch(() => false)) === true;
    if (!present) {
      // Noted while the injection runs: on a page the extension may not script it only costs a ping.
      const noted = browser.storage.session.set({ [readerKey(tabId)]: true }).catch(() => undefined);
      await browser.scripting.executeScript({ target: { tabId }, files: [READER_FILE] });
      await noted;
    }
    const result = (await browser.tabs.sendMessage(
      tabId,
      envelope('bg-rd:toggle', { autoOpened }),
    )) as OpenResult;
    return result ?? { ok: false, reason: 'failed', message: t('openFailed') };
  } catch {
    // Pages the extension may not script (the browser's own pages, the web store, PDFs).
    return { ok: false, reason: 'restricted', message: t('openRestricted') };
  }
}

/** A detection of the tab's top frame arrived (sent, or pulled): remember it, show it, maybe open. */
async function detected(tabId: number, state: TabArticleState): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: state }).catch(() => undefined);
  await showState(tabId, state);
  if (state.isArticle) {
    const { effective } = await settings.load(siteOf(state.url));
    if (effective.autoOpen) await toggleReader(tabId, true);
  }
}

/**
 * Reads the detector's first detection in a tab that has loaded (the `pull` report). A tab the
 * extension may not script, or a detection of a document the tab has already left, is ignored.
 */
async function pull(tabId: number, url: string | undefined): Promise<void> {
  if (!url || !/^https?:/.test(url)) return;
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: readDetection,
      args: [DETECTED_SLOT, WAITING_SLOT, PULL_WAIT_MS],
    });
    const state: unknown = frame?.result;
    if (!isTabArticleState(state)) return;
    const tab = await browser.tabs.get(tabId);
    if (tab.url !== state.url) return; // the page moved on meanwhile: its detector says so itself
    await detected(tabId, state);
  } catch {
    // The tab closed or navigated away, or it is a page the extension may not script.
  }
}

/** What the page said is a date is as untrusted as the page: only short strings are formatted. */
function dateInWords(payload: unknown): string | null {
  const { iso, lang } = (payload ?? {}) as { iso?: unknown; lang?: unknown };
  if (typeof iso !== 'string' || iso.length > 64) return null;
  return formatDate(iso, typeof lang === 'string' && lang.length <= 35 ? lang : undefined);
}

export function startBackground(report: ReportMode): void {
  const ownId = browser.runtime.id;
  const ownOrigin = originOf(browser.runtime.getURL(''));
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    // A content script may speak only about its own tab, and only the extension's pages about any tab.
    if (!senderAllowed(message.type, sender, ownId, ownOrigin)) return undefined;
    if (isType(message, 'cs-bg:detected')) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !isTabArticleState(message.payload)) return undefined;
      return detected(tabId, message.payload);
    }
    // The URL is the browser's own record of the frame that asked, never something the page said.
    if (isType(message, 'rd-bg:site')) return Promise.resolve(siteOf(sender.url ?? sender.tab?.url));
    if (isType(message, 'rd-bg:date')) return Promise.resolve(dateInWords(message.payload));
    if (isType(message, 'ui-bg:get-tab-state')) return getTabState(message.payload.tabId);
    if (isType(message, 'ui-bg:toggle-reader')) return toggleReader(message.payload.tabId);
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    browser.storage.session.remove([tabKey(tabId), readerKey(tabId)]).catch(() => undefined);
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A new document: forget the old detection until the detector speaks again.
    if (change.status === 'loading' && change.url) {
      browser.storage.session.remove(tabKey(tabId)).catch(() => undefined);
      showState(tabId, null).catch(() => undefined);
    }
    if (report === 'pull' && change.status === 'complete') pull(tabId, tab.url).catch(() => undefined);
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-reader') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await toggleReader(tabId);
  });

  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) await toggleReader(tab.id);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('contextMenuOpen'),
        contexts: ['page', 'selection', 'link', 'image'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
    settings.repair().catch(() => undefined);
    // Installed or updated under open tabs: the browser runs the new detector in them, and no tab
    // finishes loading to say so.
    if (report === 'pull')
      browser.tabs
        .query({})
        .then((tabs) => Promise.all(tabs.map((t) => (t.id === undefined ? undefined : pull(t.id, t.url)))))
        .catch(() => undefined);
  });
}
