/**
 * The background's open path (toggleReader) against a fake extension API: one tab whose document holds
 * the reader bundle or not, as the browser would tell. The end-to-end suites drive the same path in real
 * browsers; here the messages it sends can be counted.
 */
import { FakeStorageArea } from '../../support/fake-storage';

type Listener = (...args: unknown[]) => unknown;
const event = () => {
  const listeners: Listener[] = [];
  return { listeners, addListener: (l: Listener) => listeners.push(l) };
};

/** The tab's document: whether the bundle was injected into it, and what was sent to it. */
const page = { holdsReader: false, sent: [] as string[] };

const fake = {
  i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
  storage: {
    sync: new FakeStorageArea(),
    local: new FakeStorageArea(),
    session: new FakeStorageArea(),
    onChanged: event(),
  },
  runtime: {
    id: 'lectern-test-id',
    getURL: (path: string) => `chrome-extension://lectern-test-id/${path}`,
    onMessage: event(),
    onInstalled: event(),
  },
  tabs: {
    onRemoved: event(),
    onUpdated: event(),
    query: jest.fn(async () => []),
    get: jest.fn(),
    sendMessage: jest.fn(async (_tabId: number, message: { type: string }) => {
      // A document without the bundle has no receiver: the browser rejects the message.
      if (!page.holdsReader) throw new Error('Could not establish connection. Receiving end does not exist.');
      page.sent.push(message.type);
      return message.type === 'bg-rd:ping' ? true : { ok: true };
    }),
  },
  scripting: {
    executeScript: jest.fn(async () => {
      page.holdsReader = true;
      return [{ result: undefined }];
    }),
  },
  action: { setTitle: jest.fn(), setBadgeText: jest.fn(), setBadgeBackgroundColor: jest.fn() },
  commands: { onCommand: event() },
  contextMenus: { onClicked: event(), create: jest.fn(), removeAll: jest.fn(async () => undefined) },
};

jest.mock('../../../src/shared/browser', () => ({ __esModule: true, default: fake }));

const TAB = 7;
/** The popup, as the browser describes it to the background. */
const POPUP = { id: 'lectern-test-id', url: 'chrome-extension://lectern-test-id/popup.html' };
const open = async (sender: object = POPUP): Promise<unknown> => {
  const [onMessage] = fake.runtime.onMessage.listeners;
  return onMessage!({ type: 'ui-bg:toggle-reader', payload: { tabId: TAB } }, sender);
};
const pings = (): number => page.sent.filter((t) => t === 'bg-rd:ping').length;

beforeAll(async () => {
  // Loaded after the fake above exists: the module reads the API when it loads.
  const { startBackground } = await import('../../../src/background/index');
  startBackground('push');
});

test('the first open in a tab injects at once; later ones ask the page first, and inject only into a new document', async () => {
  expect(await open()).toEqual({ ok: true });
  // Nothing was ever injected into this tab, so nothing was asked: the bundle went straight in.
  expect(fake.tabs.sendMessage).toHaveBeenCalledTimes(1);
  expect(page.sent).toEqual(['bg-rd:toggle']);
  expect(fake.scripting.executeScript).toHaveBeenCalledTimes(1);

  // Closing: the page answers the ping, and the bundle is not injected again.
  expect(await open()).toEqual({ ok: true });
  expect(pings()).toBe(1);
  expect(fake.scripting.executeScript).toHaveBeenCalledTimes(1);

  // The tab moved to a new document (no event for it is trusted): the ping goes unanswered, so inject.
  page.holdsReader = false;
  expect(await open()).toEqual({ ok: true });
  expect(fake.scripting.executeScript).toHaveBeenCalledTimes(2);
  expect(page.sent.at(-1)).toBe('bg-rd:toggle');

  // A closed tab is forgotten.
  expect(Object.keys(fake.storage.session.data)).toContain(`reader:${TAB}`);
  fake.tabs.onRemoved.listeners[0]!(TAB); // the fake store forgets at once, as the call is made
  expect(Object.keys(fake.storage.session.data)).not.toContain(`reader:${TAB}`);
});

test('when the session store cannot say, the page is asked, as before', async () => {
  page.holdsReader = true;
  const before = pings();
  fake.storage.session.failReads = new Error('storage unavailable');
  try {
    expect(await open()).toEqual({ ok: true });
  } finally {
    fake.storage.session.failReads = null;
  }
  expect(pings()).toBe(before + 1);
});

test('a content script of another tab cannot open or close the reader here', async () => {
  const injections = fake.scripting.executeScript.mock.calls.length;
  const messages = fake.tabs.sendMessage.mock.calls.length;
  const otherTab = { id: 'lectern-test-id', url: 'https://other.example/', tab: { id: TAB + 1 }, frameId: 0 };
  expect(await open(otherTab)).toBeUndefined();
  expect(fake.scripting.executeScript).toHaveBeenCalledTimes(injections);
  expect(fake.tabs.sendMessage).toHaveBeenCalledTimes(messages);
});
