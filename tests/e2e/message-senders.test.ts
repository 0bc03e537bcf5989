/**
 * The background answers each message only from the senders that may send it (src/background/senders.ts):
 * from the content-script world of tab A, messages about tab B are refused; from the popup's page the
 * same messages are answered. Code runs in tab A's content-script world through
 * `scripting.executeScript` from an extension page (the same call in both browsers), as a compromised
 * content script would run it.
 */
import type { Page } from 'puppeteer-core';
import { launch, browserName, type Harness } from '../../scripts/lib/harness/browsers';
import { startServer, type FixtureServer } from '../../scripts/lib/harness/server';
import { waitForDialog } from '../../scripts/lib/harness/reader';
import { waitFor } from '../../scripts/lib/harness/wait';

jest.setTimeout(90_000);
const name = browserName();

/** What a message got back: the reply (null when none came), or the error the browser raised. */
type Outcome = { reply: unknown } | { error: string };

/** Sends `{type, payload: {tabId}}` with runtime.sendMessage, as evaluated source (both browsers). */
const sendSource = (type: string, tabId: number): string =>
  `(async () => { try { const reply = await (globalThis.browser ?? chrome).runtime.sendMessage(` +
  `{ type: ${JSON.stringify(type)}, payload: { tabId: ${tabId} } }); return { reply: reply ?? null }; }` +
  ` catch (e) { return { error: String(e) }; } })()`;

describe(`[${name}] who may send the background which message`, () => {
  let h: Harness;
  let server: FixtureServer;
  let pageA: Page;
  let pageB: Page;
  let tabA: number;
  let tabB: number;
  let popup: Page;

  /** Runs the message in tab A's content-script world (where Lectern's detector runs). */
  async function fromTabA(type: string, tabId: number): Promise<Outcome> {
    return h.evalInExtension<Outcome>(
      `(async () => {
        const api = globalThis.browser ?? chrome;
        const [frame] = await api.scripting.executeScript({
          target: { tabId: ${tabA} },
          func: (type, tabId) =>
            (globalThis.browser ?? chrome).runtime
              .sendMessage({ type, payload: { tabId } })
              .then((reply) => ({ reply: reply ?? null }), (e) => ({ error: String(e) })),
          args: [${JSON.stringify(type)}, ${tabId}],
        });
        return frame.result;
      })()`,
    );
  }

  const hasHost = (page: Page): Promise<boolean> =>
    page.evaluate(() => document.querySelector('[data-lectern-host]') !== null);

  beforeAll(async () => {
    server = await startServer();
    h = await launch(name);
    pageA = await h.openPage(server.url('/e2e/article.html'));
    pageB = await h.openPage(server.url('/pages/seed/source.html'));
    tabA = await h.tabIdOf(pageA);
    tabB = await h.tabIdOf(pageB);
    popup = await h.openExtensionPage(`popup.html?tabId=${tabB}`, 'main:not([aria-busy])');
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  test("the popup's page gets tab B's state (so there is one to leak)", async () => {
    const outcome = await waitFor(
      () => popup.evaluate(sendSource('ui-bg:get-tab-state', tabB)) as Promise<Outcome>,
      (o) => 'reply' in o && (o.reply as { url?: string } | null)?.url === pageB.url(),
      "tab B's state through the popup's page",
    );
    expect((outcome as { reply: { isArticle: boolean } }).reply.isArticle).toBe(true);
  });

  test("tab A's content-script world gets nothing about tab B, and cannot open the reader there", async () => {
    // The world is live and can reach the background: the same call shape is answered for the popup.
    const state = await fromTabA('ui-bg:get-tab-state', tabB);
    expect('reply' in state ? state.reply : null).toBeNull();
    // Its own tab is no different: ui-bg:* names any tab, so content scripts may send none.
    const own = await fromTabA('ui-bg:get-tab-state', tabA);
    expect('reply' in own ? own.reply : null).toBeNull();

    // An accepted toggle answers only once the reader has opened (or failed), so no reply means the
    // background did not act on it.
    const toggled = await fromTabA('ui-bg:toggle-reader', tabB);
    expect('reply' in toggled ? toggled.reply : null).toBeNull();
    expect(await hasHost(pageB)).toBe(false);
    expect(await hasHost(pageA)).toBe(false);
  });

  test("the popup's page opens the reader in tab B", async () => {
    const outcome = (await popup.evaluate(sendSource('ui-bg:toggle-reader', tabB))) as Outcome;
    expect(outcome).toEqual({ reply: expect.objectContaining({ ok: true, state: 'opened' }) });
    await waitForDialog(pageB);
    expect(await hasHost(pageA)).toBe(false);
  });
});
