/**
 * Reaches the reader's closed shadow root from a test, with the automation protocol's privilege (as
 * devtools does), never through anything the page's own script could use. The root is then set as
 * the host's own `shadowRoot` property in the page's main world, so the tests' page-side probes read
 * `host.shadowRoot` as before. Security tests whose page scripts attack the reader never call this.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { browserName } from './browsers';

const HOST = '[data-lectern-host]';

interface CdpClient {
  send(method: string, params?: object): Promise<unknown>;
}
interface BidiRealm {
  callFunction(
    fn: string,
    awaitPromise: boolean,
    options: { arguments: Array<{ sharedId: string }> },
  ): Promise<{ type: string; exceptionDetails?: unknown }>;
}

/** Sets the host's `shadowRoot` in the main world to its closed root. False when no host yet. */
export async function exposeReaderRoot(page: Page): Promise<boolean> {
  const host = await page.$(HOST);
  if (!host) return false;
  try {
    const already = await host.evaluate((el) => Object.prototype.hasOwnProperty.call(el, 'shadowRoot'));
    if (already) return true;
    if (browserName() === 'chromium') await exposeOverCdp(page, host);
    else await exposeOverBidi(page, host);
    return true;
  } finally {
    await host.dispose();
  }
}

const DEFINE =
  'function (root) { Object.defineProperty(this, "shadowRoot", { value: root, configurable: true }); }';

async function exposeOverCdp(page: Page, host: ElementHandle): Promise<void> {
  // The handle's object lives in the page's own CDP session, so ask that session.
  const client = (page as unknown as { _client(): CdpClient })._client();
  const objectId = host.remoteObject().objectId;
  const { node } = (await client.send('DOM.describeNode', { objectId, pierce: true, depth: 1 })) as {
    node: { shadowRoots?: Array<{ backendNodeId: number }> };
  };
  const shadow = node.shadowRoots?.[0];
  if (!shadow) throw new Error('the reader host has no shadow root');
  const { object } = (await client.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as {
    object: { objectId: string };
  };
  await client.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: DEFINE,
    arguments: [{ objectId: object.objectId }],
  });
}

async function exposeOverBidi(page: Page, host: ElementHandle): Promise<void> {
  // WebDriver BiDi serialises an element's shadow root whatever its mode.
  const value = (
    host as unknown as {
      remoteValue(): { sharedId: string; value?: { shadowRoot?: { sharedId?: string } } };
    }
  ).remoteValue();
  const rootId = value.value?.shadowRoot?.sharedId;
  if (!rootId) throw new Error('the reader host has no shadow root');
  const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
  const result = await realm.callFunction(`(host, root) => (${DEFINE}).call(host, root)`, false, {
    arguments: [{ sharedId: value.sharedId }, { sharedId: rootId }],
  });
  if (result.type !== 'success')
    throw new Error(`could not reach the reader's root: ${JSON.stringify(result)}`);
}
