import { connectSettings, syncSettings } from '../../../src/settings-ui/settings-sync';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { SettingsStore, type SettingsSnapshot } from '../../../src/shared/settings-store';
import { renderPopup, type PopupView } from '../../../src/popup/view';
import { translate } from '../overlay/helpers';
import { FakeStorageArea } from '../../support/fake-storage';

const settle = () => new Promise((ok) => setTimeout(ok, 0));

function setup(site: string | null = 'example.org') {
  const area = new FakeStorageArea();
  const store = new SettingsStore({ primary: area });
  const shown: SettingsSnapshot[] = [];
  const sync = syncSettings(store, site, (s) => shown.push(s));
  return { area, store, shown, sync };
}

test('quick changes of different keys are all kept (writes are queued, not interleaved)', async () => {
  const { store, sync } = setup();
  void sync.change({ textSize: 'LG' });
  void sync.change({ theme: 'dark' });
  await sync.change({ font: 'atkinson' });
  await settle();
  expect((await store.load('example.org')).effective).toMatchObject({
    textSize: 'LG',
    theme: 'dark',
    font: 'atkinson',
  });
});

test('echoes of its own writes are ignored while writes are in flight; one reload when they land', async () => {
  const { shown, sync } = setup();
  void sync.change({ textSize: 'LG' });
  void sync.change({ textSize: 'XL' });
  sync.storageChanged(['settings']); // the echo of the first write
  const last = sync.change({ textSize: 'XXL' });
  sync.storageChanged(['settings']);
  await last;
  await settle();
  expect(shown.map((s) => s.effective.textSize)).toEqual(['XXL']);
});

test('changes made elsewhere are shown; other sites and keys are not', async () => {
  const { area, shown, sync } = setup();
  await area.set({ settings: { schemaVersion: 2, textSize: 'SM' } });
  sync.storageChanged(['settings']);
  sync.storageChanged(['site:other.org', 'tab:3']);
  await settle();
  expect(shown.map((s) => s.effective.textSize)).toEqual(['SM']);
});

test('a reload overtaken by a newer one is dropped', async () => {
  const { area, shown, sync } = setup();
  await area.set({ settings: { schemaVersion: 2, textSize: 'SM' } });
  sync.storageChanged(['settings']);
  await area.set({ settings: { schemaVersion: 2, textSize: 'XS' } });
  sync.storageChanged(['settings']);
  await settle();
  expect(shown.map((s) => s.effective.textSize)).toEqual(['XS']);
});

test('"this site only" goes through the same queue and shows the site profile', async () => {
  const { area, shown, sync } = setup();
  void sync.change({ textSize: 'XL' });
  await sync.setSiteOnly(true);
  await settle();
  expect(area.data['site:example.org']).toMatchObject({ textSize: 'XL' });
  expect(shown.at(-1)?.site).not.toBeNull();
  await sync.setSiteOnly(false);
  await settle();
  expect(area.data['site:example.org']).toBeUndefined();
  expect(shown.at(-1)?.site).toBeNull();
});

test('a failed write is reported and the stored state shown again', async () => {
  const area = new FakeStorageArea();
  const store = new SettingsStore({ primary: area });
  const errors: unknown[] = [];
  const shown: SettingsSnapshot[] = [];
  const sync = syncSettings(
    store,
    null,
    (s) => shown.push(s),
    (e) => errors.push(e),
  );
  area.failWrites = new Error('QUOTA_BYTES_PER_ITEM');
  await sync.change({ textSize: 'XXXL' });
  await settle();
  expect(errors).toHaveLength(1);
  expect(shown.map((s) => s.effective.textSize)).toEqual(['MD']);
});

describe('sync full or off: the views say so once, and keep every setting', () => {
  // The same wiring as src/popup/popup.ts: connectSettings, the popup's view, its status line.
  function popup(sync: FakeStorageArea, local: FakeStorageArea) {
    const said: string[] = [];
    let view: PopupView | null = null;
    const { store, sync: s } = connectSettings({
      primary: sync,
      fallback: local,
      site: 'example.org',
      t: translate(),
      show: (snap) => view?.update(snap.effective, snap.site !== null),
      say: (text) => {
        said.push(text);
        view?.setStatus(text);
      },
    });
    view = renderPopup({
      doc: document,
      t: translate(),
      isOptions: false,
      hasTab: true,
      found: 'Winter ferry',
      site: 'example.org',
      settings: { ...DEFAULT_SETTINGS },
      siteOnly: false,
      onOpen: () => undefined,
      onChange: (patch) => void s.change(patch),
      onSiteOnly: (on) => void s.setSiteOnly(on),
    });
    document.body.replaceChildren(...view.nodes);
    const pick = async (name: string, value: string) => {
      document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!.click();
      await settle(); // the store's promises (fake storage: microtasks) have all run by the next task
    };
    const status = () => document.querySelector('[role="status"]')!.textContent;
    return { said, store, pick, status };
  }
  const MESSAGE = 'Your settings could not sync, so they are saved on this device only.';

  test('over quota: said once in the status line, not on every change, and not again in the next popup', async () => {
    const sync = new FakeStorageArea();
    const local = new FakeStorageArea();
    sync.failWrites = new Error('QUOTA_BYTES quota exceeded');
    const first = popup(sync, local);
    await first.pick('textSize', 'XL');
    expect(first.status()).toBe(MESSAGE);
    await first.pick('theme', 'sepia');
    expect(first.said).toEqual([MESSAGE]);
    // Reopened: the settings are there, and the reader is not told again.
    const second = popup(sync, local);
    expect((await second.store.load('example.org')).effective).toMatchObject({
      textSize: 'XL',
      theme: 'sepia',
    });
    await second.pick('font', 'atkinson');
    expect(second.said).toEqual([]);
    expect(second.status()).toBe('Article found: Winter ferry');
    expect((await second.store.load('example.org')).effective).toMatchObject({
      textSize: 'XL',
      theme: 'sepia',
      font: 'atkinson',
    });
  });

  test('sync works again: the settings move back to sync, and a later failure is news again', async () => {
    const sync = new FakeStorageArea();
    const local = new FakeStorageArea();
    sync.failWrites = new Error('sync is disabled');
    await popup(sync, local).pick('textSize', 'LG');
    sync.failWrites = null;
    const back = popup(sync, local);
    await back.pick('textSize', 'XXL');
    expect(back.said).toEqual([]);
    expect(sync.data.settings).toMatchObject({ textSize: 'XXL' });
    expect(local.data).toEqual({});
    sync.failWrites = new Error('QUOTA_BYTES quota exceeded');
    await back.pick('textSize', 'XS');
    expect(back.said).toEqual([MESSAGE]);
  });

  test('both areas failing: "could not be saved", and nothing is marked as said', async () => {
    const sync = new FakeStorageArea();
    const local = new FakeStorageArea();
    sync.failWrites = new Error('sync down');
    local.failWrites = new Error('disk full');
    const p = popup(sync, local);
    await p.pick('textSize', 'XL');
    expect(p.said).toEqual(['Your settings could not be saved.']);
  });
});
