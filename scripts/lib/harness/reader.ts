/**
 * Probes of the reader overlay. Its shadow root is closed: they reach it with the automation
 * protocol's privilege (reader-root.ts), never through anything the page's script could use.
 */
import type { Page } from 'puppeteer-core';
import type { Harness } from './browsers';
import { exposeReaderRoot, inReaderRoot } from './reader-root';
import { waitFor } from './wait';

export interface DialogState {
  open: boolean;
  modal: boolean;
  name: string;
  paragraphFontPx: number;
  width: number;
  height: number;
}

const CLOSED: DialogState = { open: false, modal: false, name: '', paragraphFontPx: 0, width: 0, height: 0 };

/** The dialog's state, read without exposing the root to the page. */
export async function dialogState(page: Page): Promise<DialogState> {
  const state = await inReaderRoot(page, (root: ShadowRoot) => {
    const dialog = root.querySelector('dialog');
    if (!dialog) return null;
    const labelId = dialog.getAttribute('aria-labelledby');
    const label = labelId ? root.getElementById(labelId) : null;
    const p = dialog.querySelector('main p');
    const rect = dialog.getBoundingClientRect();
    return {
      open: dialog.open,
      modal: dialog.matches(':modal'),
      name: (label?.textContent ?? dialog.getAttribute('aria-label') ?? '').trim(),
      paragraphFontPx: p ? parseFloat(getComputedStyle(p).fontSize) : 0,
      width: rect.width,
      height: rect.height,
    };
  });
  return state ?? CLOSED;
}

export interface WaitOptions {
  /**
   * Once open, set the closed root as the host's `shadowRoot` in the page's main world, for page-side
   * probes (the default). Tests whose page scripts attack the reader pass false: there the page must
   * find nothing.
   */
  expose?: boolean;
}

/** Waits from Node until the reader's dialog is open (or closed, or gone). */
export async function waitForDialog(page: Page, open = true, options: WaitOptions = {}): Promise<void> {
  await waitFor(
    async () => (await dialogState(page)).open,
    (isOpen) => isOpen === open,
    `the reader's dialog to be ${open ? 'open' : 'closed'}`,
    15_000,
  );
  if (open && options.expose !== false) await exposeReaderRoot(page);
}

/** The action's title for the page's tab, once it equals `expected` (or the timeout's error). */
export async function actionTitle(h: Harness, page: Page, expected: string): Promise<string> {
  const tabId = await h.tabIdOf(page);
  return waitFor(
    () => h.evalInExtension<string>(`(globalThis.browser ?? chrome).action.getTitle({ tabId: ${tabId} })`),
    (title) => title === expected,
    `action title "${expected}"`,
  );
}
