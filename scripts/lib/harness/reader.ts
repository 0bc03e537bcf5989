/** Page-side probes of the reader overlay (run in the page's main world; the shadow root is open). */
import type { Page } from 'puppeteer-core';
import type { Harness } from './browsers';
import { waitFor } from './wait';

export interface DialogState {
  open: boolean;
  modal: boolean;
  name: string;
  paragraphFontPx: number;
  width: number;
  height: number;
}

export async function dialogState(page: Page): Promise<DialogState> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-lectern-host]');
    const dialog = host?.shadowRoot?.querySelector('dialog');
    if (!dialog) return { open: false, modal: false, name: '', paragraphFontPx: 0, width: 0, height: 0 };
    const labelId = dialog.getAttribute('aria-labelledby');
    const label = labelId ? host!.shadowRoot!.getElementById(labelId) : null;
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
}

export async function waitForDialog(page: Page, open = true): Promise<void> {
  await page.waitForFunction(
    (want: boolean) => {
      const dialog = document.querySelector('[data-lectern-host]')?.shadowRoot?.querySelector('dialog');
      return Boolean(dialog?.open) === want;
    },
    { timeout: 15_000 },
    open,
  );
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
