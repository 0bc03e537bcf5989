/**
 * Reaches the reader's closed shadow root from a test, with the automation protocol's privilege (as
 * devtools does), never through anything the page's own script could use. `exposeReaderRoot` sets the
 * root as the host's own `shadowRoot` property in the page's main world, so page-side probes read
 * `host.shadowRoot` as before; `inReaderRoot` runs one function on the root and leaves nothing behind.
 * Tests whose page scripts attack the reader never expose the root: they use `inReaderRoot` only.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { browserName } from './browsers';

const HOST = '[data-lectern-host]';

interface CdpClient {
  send(method: string, params?: object): Promise<unknown>;
}
/** WebDriver BiDi's serialised value (script.RemoteValue), the parts read here. */
interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}
interface BidiRealm {
  callFunction(
    fn: string,
    awaitPromise: boolean,
    options: {
      arguments: Array<{ sharedId: string } | RemoteValue>;
      serializationOptions?: { maxObjectDepth?: number };
    },
  ): Promise<{ type: string; result?: RemoteValue; exceptionDetails?: unknown }>;
}

/** Sets the host's `shadowRoot` in the main world to its closed root. False when no host yet. */
export async function exposeReaderRoot(page: Page): Promise<boolean> {
  const host = await page.$(HOST);
  if (!host) return false;
  try {
    const already = await host.evaluate((el) => Object.prototype.hasOwnProperty.call(el, 'shadowRoot'));
    if (already) return true;
    await callOnRoot(page, host, DEFINE, []);
    return true;
  } finally {
    await host.dispose();
  }
}

/**
 * Runs `fn(root, ...args)` on the reader's closed root with the protocol's privilege and returns its
 * (JSON-like) result; null when there is no reader host. Nothing is left in the page.
 */
export async function inReaderRoot<T, A extends unknown[]>(
  page: Page,
  fn: string | ((root: ShadowRoot, ...args: A) => T | Promise<T>),
  ...args: A
): Promise<T | null> {
  const host = await page.$(HOST);
  if (!host) return null;
  try {
    return (await callOnRoot(page, host, String(fn), args)) as T;
  } finally {
    await host.dispose();
  }
}

const DEFINE =
  '(root) => Object.defineProperty(root.host, "shadowRoot", { value: root, configurable: true })';

async function callOnRoot(page: Page, host: ElementHandle, fn: string, args: unknown[]): Promise<unknown> {
  return browserName() === 'chromium'
    ? callOverCdp(page, host, fn, args)
    : callOverBidi(page, host, fn, args);
}

async function callOverCdp(page: Page, host: ElementHandle, fn: string, args: unknown[]): Promise<unknown> {
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
  const reply = (await client.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function (...args) { return (${fn})(this, ...args); }`,
    arguments: args.map((value) => ({ value })),
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value?: unknown }; exceptionDetails?: unknown };
  if (reply.exceptionDetails)
    throw new Error(`in the reader's root: ${JSON.stringify(reply.exceptionDetails)}`);
  return reply.result.value;
}

async function callOverBidi(page: Page, host: ElementHandle, fn: string, args: unknown[]): Promise<unknown> {
  // WebDriver BiDi serialises an element's shadow root whatever its mode.
  const value = (
    host as unknown as {
      remoteValue(): { sharedId: string; value?: { shadowRoot?: { sharedId?: string } } };
    }
  ).remoteValue();
  const rootId = value.value?.shadowRoot?.sharedId;
  if (!rootId) throw new Error('the reader host has no shadow root');
  const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
  const reply = await realm.callFunction(`(root, ...args) => (${fn})(root, ...args)`, true, {
    arguments: [{ sharedId: rootId }, ...args.map(toRemote)],
    serializationOptions: { maxObjectDepth: 32 },
  });
  if (reply.type !== 'success' || !reply.result)
    throw new Error(`in the reader's root: ${JSON.stringify(reply.exceptionDetails ?? reply)}`);
  return fromRemote(reply.result);
}

/** A JSON-like argument as a BiDi local value. */
function toRemote(value: unknown): RemoteValue {
  if (value === undefined) return { type: 'undefined' };
  if (value === null) return { type: 'null' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'number')
    return { type: 'number', value: Number.isFinite(value) ? value : String(value) };
  if (Array.isArray(value)) return { type: 'array', value: value.map(toRemote) };
  return { type: 'object', value: Object.entries(value as object).map(([k, v]) => [k, toRemote(v)]) };
}

/** A BiDi result back to a JSON-like value (nodes and functions become null). */
function fromRemote(remote: RemoteValue): unknown {
  switch (remote.type) {
    case 'string':
    case 'boolean':
      return remote.value;
    case 'number':
      return typeof remote.value === 'number' ? remote.value : Number(remote.value);
    case 'array':
      return (remote.value as RemoteValue[]).map(fromRemote);
    case 'object':
      return Object.fromEntries(
        (remote.value as Array<[string | RemoteValue, RemoteValue]>).map(([k, v]) => [
          typeof k === 'string' ? k : String(fromRemote(k)),
          fromRemote(v),
        ]),
      );
    case 'undefined':
      return undefined;
    default:
      return null;
  }
}
