import {
  DEFAULT_SETTINGS,
  SCHEMA_VERSION,
  TEXT_SIZES,
  TEXT_SIZE_SCALE,
  migrate,
  stepTextSize,
  textSizePx,
  type Settings,
} from '../../src/shared/settings';
import { SETTINGS_KEY, SettingsStore, siteKey } from '../../src/shared/settings-store';
import { FakeStorageArea } from '../support/fake-storage';

describe('migrate: whatever is stored comes back complete and valid', () => {
  const cases: Array<[string, unknown, Partial<Settings>]> = [
    ['nothing stored', undefined, {}],
    ['null', null, {}],
    ['a string', 'large please', {}],
    ['a number', 42, {}],
    ['an array', ['XL'], {}],
    ['an empty object', {}, {}],
    ['wrong types', { textSize: 3, font: true, lineHeight: 'tall', images: 'yes', autoOpen: 1 }, {}],
    ['unknown enum values', { textSize: 'HUGE', theme: 'neon', font: 'comic' }, {}],
    [
      'unknown keys are dropped',
      { textSize: 'LG', evil: '<script>', __proto__: { polluted: true } },
      { textSize: 'LG' },
    ],
    [
      'out-of-range numbers are clamped',
      { lineHeight: 99, letterSpacing: -4, width: 5 },
      { lineHeight: 3, letterSpacing: 0, width: 30 },
    ],
    ['NaN and Infinity fall back', { lineHeight: Number.NaN, width: Number.POSITIVE_INFINITY }, {}],
    ['numeric strings are read as numbers', { lineHeight: '1.8' }, { lineHeight: 1.8 }],
    ['missing keys take defaults', { schemaVersion: SCHEMA_VERSION, theme: 'dark' }, { theme: 'dark' }],
    ['version 1 font size percentage', { fontSize: 150 }, { textSize: 'XL' }],
    ['version 1 dark flag', { schemaVersion: 1, dark: true }, { theme: 'dark' }],
    [
      'a newer version keeps what it understands',
      { schemaVersion: 99, textSize: 'SM', newThing: 1 },
      { textSize: 'SM' },
    ],
    [
      'a stored version 2 record without the read-aloud keys gets their defaults',
      { schemaVersion: 2, textSize: 'LG' },
      { textSize: 'LG', voice: null, speechRate: 1, readCaptions: false, highlight: 'word' },
    ],
    [
      'read-aloud values are kept',
      {
        voice: { name: 'Urdu (Pakistan)', lang: 'ur-PK', extra: 1 },
        speechRate: 1.75,
        readCaptions: true,
        highlight: 'sentence',
      },
      {
        voice: { name: 'Urdu (Pakistan)', lang: 'ur-PK' },
        speechRate: 1.75,
        readCaptions: true,
        highlight: 'sentence',
      },
    ],
    [
      'an engine that spells the language ur_PK',
      { voice: { name: 'x', lang: 'ur_PK' } },
      { voice: { name: 'x', lang: 'ur_PK' } },
    ],
    ['the speech rate is clamped', { speechRate: 10 }, { speechRate: 3 }],
    ['a speech rate below the range is clamped', { speechRate: 0.1 }, { speechRate: 0.5 }],
    [
      'bad read-aloud values fall back',
      { voice: 'Alex', speechRate: 'fast', readCaptions: 'no', highlight: 'line' },
      {},
    ],
    ['a voice without a name falls back', { voice: { name: ' ', lang: 'en' } }, {}],
    ['a voice with a bad language falls back', { voice: { name: 'x', lang: '<script>' } }, {}],
    ['a voice with a missing language falls back', { voice: { name: 'x' } }, {}],
  ];
  test.each(cases)('%s', (_name, stored, expected) => {
    const out = migrate(stored);
    expect(out).toEqual({ ...DEFAULT_SETTINGS, ...expected });
    expect(Object.keys(out).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('text sizes', () => {
  test('MD is the browser default × 1.25, XXL at least 200 % and XXXL at least 400 % of MD', () => {
    expect(textSizePx('MD', 16)).toBe(20);
    expect(TEXT_SIZE_SCALE.XXL).toBeGreaterThanOrEqual(2);
    expect(TEXT_SIZE_SCALE.XXXL).toBeGreaterThanOrEqual(4);
    const px = TEXT_SIZES.map((s) => textSizePx(s));
    expect([...px].sort((a, b) => a - b)).toEqual(px);
  });
  test('stepping stops at both ends', () => {
    expect(stepTextSize('XS', -1)).toBe('XS');
    expect(stepTextSize('XXXL', 1)).toBe('XXXL');
    expect(stepTextSize('MD', 1)).toBe('LG');
  });
});

describe('SettingsStore', () => {
  test('reads defaults from empty storage and repairs a corrupted record once', async () => {
    const sync = new FakeStorageArea({ [SETTINGS_KEY]: { textSize: 7, theme: 'dark' } });
    const store = new SettingsStore({ primary: sync });
    expect((await store.load()).effective).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await store.repair();
    expect(sync.data[SETTINGS_KEY]).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      schemaVersion: SCHEMA_VERSION,
    });
    const writes = sync.writes;
    await store.repair();
    expect(sync.writes).toBe(writes);
  });

  test('update validates and saves with the schema version', async () => {
    const sync = new FakeStorageArea();
    const store = new SettingsStore({ primary: sync });
    const snap = await store.update({ textSize: 'XXL', lineHeight: 12 } as Partial<Settings>);
    expect(snap.effective.textSize).toBe('XXL');
    expect(snap.effective.lineHeight).toBe(3);
    expect(sync.data[SETTINGS_KEY]).toMatchObject({ textSize: 'XXL', schemaVersion: SCHEMA_VERSION });
  });

  test('a site profile takes changes for that site only, and turning it off restores the global settings', async () => {
    const sync = new FakeStorageArea();
    const store = new SettingsStore({ primary: sync });
    await store.update({ textSize: 'LG' });
    await store.setSiteOnly('example.com', true);
    await store.update({ textSize: 'XXXL' }, 'example.com');
    expect((await store.load('example.com')).effective.textSize).toBe('XXXL');
    expect((await store.load('other.org')).effective.textSize).toBe('LG');
    expect((await store.load()).global.textSize).toBe('LG');
    await store.setSiteOnly('example.com', false);
    expect(sync.data[siteKey('example.com')]).toBeUndefined();
    expect((await store.load('example.com')).effective.textSize).toBe('LG');
  });

  test('sync over quota: the change lands in the fallback, is read back, and the reader is told once', async () => {
    const sync = new FakeStorageArea({ [SETTINGS_KEY]: { textSize: 'SM', schemaVersion: SCHEMA_VERSION } });
    const local = new FakeStorageArea();
    const told: unknown[] = [];
    const store = new SettingsStore({ primary: sync, fallback: local, onFallback: (e) => told.push(e) });
    sync.failWrites = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    await store.update({ textSize: 'XL' });
    await store.update({ theme: 'sepia' });
    expect(told).toHaveLength(1);
    expect((await store.load()).effective).toMatchObject({ textSize: 'XL', theme: 'sepia' });
    // Nothing lost in sync either: the previous value is intact.
    expect(sync.data[SETTINGS_KEY]).toMatchObject({ textSize: 'SM' });
  });

  test('a load asks both areas at once (each read is a round trip the opening reader waits for)', async () => {
    const sync = new FakeStorageArea({ [SETTINGS_KEY]: { textSize: 'SM', schemaVersion: SCHEMA_VERSION } });
    const local = new FakeStorageArea({ [SETTINGS_KEY]: { textSize: 'XL', schemaVersion: SCHEMA_VERSION } });
    const asked: string[] = [];
    const answers: (() => void)[] = [];
    for (const [name, area] of [
      ['sync', sync],
      ['local', local],
    ] as const) {
      const get = area.get.bind(area);
      area.get = (keys) => {
        asked.push(name);
        return new Promise((resolve) => answers.push(() => resolve(get(keys))));
      };
    }
    const loading = new SettingsStore({ primary: sync, fallback: local }).load();
    await Promise.resolve();
    expect(asked).toEqual(['sync', 'local']);
    for (const answer of answers) answer();
    // The fallback's copy is the newer one (written while sync failed).
    expect((await loading).effective.textSize).toBe('XL');
  });

  test('storage that cannot be read gives defaults, not an exception', async () => {
    const sync = new FakeStorageArea();
    sync.failReads = new Error('storage unavailable');
    const store = new SettingsStore({ primary: sync });
    await expect(store.load('example.com')).resolves.toMatchObject({
      effective: DEFAULT_SETTINGS,
      site: null,
    });
  });

  test('both areas failing rejects the write and keeps the stored value', async () => {
    const sync = new FakeStorageArea({ [SETTINGS_KEY]: { textSize: 'SM' } });
    const local = new FakeStorageArea();
    sync.failWrites = new Error('sync down');
    local.failWrites = new Error('local down');
    const store = new SettingsStore({ primary: sync, fallback: local });
    await expect(store.update({ textSize: 'XL' })).rejects.toThrow('local down');
    expect(sync.data[SETTINGS_KEY]).toEqual({ textSize: 'SM' });
  });
});
