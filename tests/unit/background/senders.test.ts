/** @jest-environment node */
/**
 * Who may send which message: a table of senders as the browsers describe them (Chromium and Firefox
 * fill in `id`, `url`, `tab` and `frameId` the same way for these cases).
 */
import { originOf, senderAllowed, type SenderInfo } from '../../../src/background/senders';
import type { MessageType } from '../../../src/shared/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = originOf(`chrome-extension://${ID}/`);
const FX_ID = 'lectern@lectern.invalid';
const FX_ORIGIN = originOf('moz-extension://5b1e9b36-3f0e-4f5e-9d57-2a7c1d3e6f10/');

const popup: SenderInfo = { id: ID, url: `${ORIGIN}/popup.html` };
const popupInTab: SenderInfo = { id: ID, url: `${ORIGIN}/popup.html?tabId=3`, tab: { id: 9 }, frameId: 0 };
const options: SenderInfo = { id: ID, url: `${ORIGIN}/options.html`, tab: { id: 9 }, frameId: 0 };
const contentScript: SenderInfo = { id: ID, url: 'https://news.example/story', tab: { id: 3 }, frameId: 0 };
const inSubframe: SenderInfo = { ...contentScript, url: 'https://ads.example/frame', frameId: 4 };
const UI: MessageType[] = ['ui-bg:get-tab-state', 'ui-bg:toggle-reader'];
const TAB: MessageType[] = ['cs-bg:detected', 'rd-bg:site', 'rd-bg:date'];

type Row = [string, MessageType[], SenderInfo, boolean, string?, string?];
const rows: Row[] = [
  ['the action popup', UI, popup, true],
  ['the popup opened as a tab', UI, popupInTab, true],
  ['the options page', UI, options, true],
  ['the popup in Firefox', UI, { id: FX_ID, url: `${FX_ORIGIN}/popup.html` }, true, FX_ID, FX_ORIGIN],
  ['a content script (any tab)', UI, contentScript, false],
  [
    'a content script whose page has the extension id in its path',
    UI,
    { ...contentScript, url: `https://evil.example/${ID}/popup.html` },
    false,
  ],
  ['a look-alike origin', UI, { id: ID, url: `chrome-extension://${ID}x/popup.html` }, false],
  [
    'an origin with our id as a prefix of its host',
    UI,
    { id: ID, url: `${ORIGIN}.evil.example/popup.html` },
    false,
  ],
  ['another extension', UI, { id: 'other', url: 'chrome-extension://other/popup.html' }, false],
  ['no url', UI, { id: ID }, false],
  ['no id', UI, { url: `${ORIGIN}/popup.html` }, false],
  ['a content script in a top frame', TAB, contentScript, true],
  ['a content script in Firefox', TAB, { ...contentScript, id: FX_ID }, true, FX_ID, FX_ORIGIN],
  ['a content script in a subframe', TAB, inSubframe, false],
  ['the action popup (no tab)', TAB, popup, false],
  ['an extension page in a tab', TAB, popupInTab, false],
  ['a sender with no tab id', TAB, { ...contentScript, tab: {} }, false],
  ['a sender in no tab (Firefox TAB_ID_NONE)', TAB, { ...contentScript, tab: { id: -1 } }, false],
  ['another extension', TAB, { ...contentScript, id: 'other' }, false],
  ['anything asking for a bg-rd message', ['bg-rd:toggle', 'bg-rd:ping'], popup, false],
  ['a content script asking for a bg-rd message', ['bg-rd:toggle', 'bg-rd:ping'], contentScript, false],
];

test.each(rows)('%s → %s', (_what, types, sender, allowed, ownId = ID, ownOrigin = ORIGIN) => {
  for (const type of types)
    expect([type, senderAllowed(type, sender, ownId, ownOrigin)]).toEqual([type, allowed]);
});

test('an empty own id or origin (the API failed) allows nothing', () => {
  expect(senderAllowed('ui-bg:toggle-reader', popup, '', ORIGIN)).toBe(false);
  expect(senderAllowed('ui-bg:toggle-reader', { id: ID, url: '/popup.html' }, ID, '')).toBe(false);
  expect(senderAllowed('cs-bg:detected', { ...contentScript, id: '' }, '', ORIGIN)).toBe(false);
});

test("the origin drops the root URL's trailing slash", () => {
  expect(originOf(`chrome-extension://${ID}/`)).toBe(`chrome-extension://${ID}`);
  expect(originOf('moz-extension://u/')).toBe('moz-extension://u');
});
