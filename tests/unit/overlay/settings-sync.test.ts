import { syncSettings } from '../../../src/overlay/settings-sync';
import { SettingsStore, type SettingsSnapshot } from '../../../src/shared/settings';
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
