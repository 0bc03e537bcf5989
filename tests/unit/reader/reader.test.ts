/**
 * The reader only reads settings: whatever its own controls do (the page's script can reach them)
 * changes this page's view, never storage; a change stored by the popup still reaches it live.
 * (Not a loopback URL, so that no User Timing entry is recorded: jsdom has no performance.measure.)
 *
 * @jest-environment-options {"url": "https://news.example.org/ferry"}
 */
import { Reader } from '../../../src/reader/reader';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { FakeStorageArea } from '../../support/fake-storage';
import { stubDialog, translate } from '../overlay/helpers';

const para = (n: number) =>
  `<p>Paragraph ${n}: the town council agreed on Thursday to cover the cost of a second crew and a heated waiting room on the north bank, after a long campaign.</p>`;
const settle = () => new Promise((ok) => setTimeout(ok, 0));

beforeAll(stubDialog);
afterEach(() => {
  document.querySelectorAll('[data-lectern-host]').forEach((h) => h.remove());
  document.body.replaceChildren();
});

const roots: ShadowRoot[] = [];
const attachShadow = Element.prototype.attachShadow;
beforeAll(() => {
  jest.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  });
});
afterAll(() => jest.restoreAllMocks());

function makeReader(stored: Partial<Settings> = {}) {
  document.title = 'Winter ferry approved';
  document.body.innerHTML = `<main><article><h1>Winter ferry approved</h1>${[1, 2, 3, 4, 5, 6].map(para).join('')}</article></main>`;
  const sync = new FakeStorageArea({ settings: { ...DEFAULT_SETTINGS, ...stored, schemaVersion: 2 } });
  const local = new FakeStorageArea();
  const fonts: string[] = [];
  const reader = new Reader({
    t: translate(),
    uiLang: 'en',
    uiDir: 'ltr',
    siteKey: Promise.resolve('example.org'),
    storage: { primary: sync, fallback: local },
    dateInWords: async () => null,
    fonts: {
      families: { atkinson: 'fa', opendyslexic: 'fo' },
      ensure: async (font) => void fonts.push(font),
      show: () => undefined,
      hide: () => undefined,
    },
  });
  // The reader's root is closed: the test keeps the one the overlay attaches.
  const root = () => roots[roots.length - 1]!;
  const dialog = () => root().querySelector('dialog')!;
  return { reader, sync, local, fonts, root, dialog };
}

test("every control of the reader changes this page's view only: storage is never written", async () => {
  const { reader, sync, local, fonts, root, dialog } = makeReader();
  const before = {
    sync: JSON.parse(JSON.stringify(sync.data)),
    local: JSON.parse(JSON.stringify(local.data)),
  };
  expect(await reader.open()).toMatchObject({ ok: true, state: 'opened' });
  const r = root();
  r.querySelector<HTMLElement>('button[data-action="larger"]')!.click();
  r.querySelector<HTMLElement>('button[data-action="theme"]')!.click();
  dialog().dispatchEvent(new KeyboardEvent('keydown', { key: '=', ctrlKey: true, bubbles: true }));
  // Everything a page script could do to the panel: click every control, set values, dispatch events.
  for (const input of Array.from(r.querySelectorAll<HTMLInputElement>('input'))) {
    if (input.type === 'range') input.value = input.max;
    input.click();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const b of Array.from(r.querySelectorAll<HTMLElement>('.panel button'))) b.click();
  await settle();
  expect(dialog().dataset.font).not.toBe('serif'); // the view did change
  expect(fonts).toContain(dialog().dataset.font); // and the font it shows was loaded
  expect({ sync: sync.data, local: local.data }).toEqual(before);
  expect(sync.writes + local.writes).toBe(0);
  reader.close();
});

test('a change stored by the popup reaches the open reader and replaces the view for that key only', async () => {
  const { reader, sync, dialog, root } = makeReader({ textSize: 'SM' });
  await reader.open();
  expect(dialog().dataset.textSize).toBe('SM');
  root().querySelector<HTMLElement>('button[data-action="theme"]')!.click(); // light, this page only
  root().querySelector<HTMLElement>('button[data-action="larger"]')!.click(); // MD, this page only
  expect(dialog().dataset).toMatchObject({ theme: 'light', textSize: 'MD' });
  // The popup stores XL; other keys' changes (and other sites) do not reload.
  await sync.set({ settings: { ...DEFAULT_SETTINGS, textSize: 'XL', schemaVersion: 2 } });
  reader.storageChanged(['site:other.org']);
  await settle();
  expect(dialog().dataset.textSize).toBe('MD');
  reader.storageChanged(['settings']);
  await settle();
  expect(dialog().dataset).toMatchObject({ theme: 'light', textSize: 'XL' });
  // Closed and opened again on the same page: the view keeps its theme.
  reader.close();
  await reader.open();
  expect(dialog().dataset).toMatchObject({ theme: 'light', textSize: 'XL' });
  reader.close();
});
