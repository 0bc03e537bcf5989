/**
 * Who may send which message to the background. Pure: the sender as the browser describes it (never
 * what the message says about itself), and the extension's own id and origin.
 */
import type { MessageType } from '../shared/messages';

/** The parts of `runtime.MessageSender` the rule reads (both browsers fill them in). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Whether `url` is a page of the extension itself: `<ownOrigin>/…`, compared as text. */
function onOwnOrigin(url: string | undefined, ownOrigin: string): boolean {
  return url !== undefined && ownOrigin !== '' && url.startsWith(`${ownOrigin}/`);
}

/**
 * - `ui-bg:*` (they name any tab): only the extension's own pages, the popup and the options page,
 *   whether in the action's popup or in a tab. A content script's sender carries the web page's URL,
 *   so it never passes, whatever its tab.
 * - `cs-bg:*`, `rd-bg:*` (the detector and the reader bundle): only a content script in a tab's top
 *   frame, where Lectern puts them; they are answered about that tab alone (the handlers read
 *   `sender.tab.id`, never an id from the payload).
 * Anything else (the `bg-rd:*` messages go the other way) is refused.
 */
export function senderAllowed(
  type: MessageType,
  sender: SenderInfo,
  ownId: string,
  ownOrigin: string,
): boolean {
  if (!ownId || sender.id !== ownId) return false;
  if (type.startsWith('ui-bg:')) return onOwnOrigin(sender.url, ownOrigin);
  if (type.startsWith('cs-bg:') || type.startsWith('rd-bg:')) {
    const tabId = sender.tab?.id;
    return (
      typeof tabId === 'number' &&
      Number.isInteger(tabId) &&
      tabId >= 0 &&
      sender.frameId === 0 &&
      !onOwnOrigin(sender.url, ownOrigin)
    );
  }
  return false;
}

/** The origin of the extension's pages, from `runtime.getURL('')` ("chrome-extension://<id>/"). */
export function originOf(rootUrl: string): string {
  return rootUrl.replace(/\/+$/, '');
}
