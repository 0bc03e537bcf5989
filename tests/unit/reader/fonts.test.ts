/** The bundled fonts: random names, in the page's font set only while the reader is open, fetched once. */
import { BundledFonts, randomFamily } from '../../../src/reader/fonts';

interface FakeFace {
  family: string;
  descriptors: FontFaceDescriptors;
  load(): Promise<FakeFace>;
}

function setUp() {
  const set = new Set<FakeFace>();
  const fetched: string[] = [];
  const fonts = new BundledFonts((path) => `ext://id/${path}`, {
    fonts: {
      add: (face) => set.add(face as unknown as FakeFace),
      delete: (face) => set.delete(face as unknown as FakeFace),
    },
    fetchBytes: async (url) => {
      fetched.push(url);
      return new ArrayBuffer(8);
    },
    makeFace: (family, _bytes, descriptors) => {
      const face: FakeFace = { family, descriptors, load: async () => face };
      return face as unknown as FontFace;
    },
  });
  return { fonts, set, fetched };
}

test('family names are random per reader, 16 hex digits, and say nothing of Lectern or the font', () => {
  const a = setUp().fonts.families;
  const b = setUp().fonts.families;
  for (const name of [a.atkinson, a.opendyslexic, b.atkinson, b.opendyslexic])
    expect(name).toMatch(/^f[0-9a-f]{16}$/);
  expect(new Set([a.atkinson, a.opendyslexic, b.atkinson, b.opendyslexic]).size).toBe(4);
  expect(randomFamily()).not.toBe(randomFamily());
});

test('faces enter the font set while open, leave it on close, and come back without a new fetch', async () => {
  const { fonts, set, fetched } = setUp();
  // Settings arrive before the reader opens: loaded, not yet in the page.
  await fonts.ensure('opendyslexic');
  expect(fetched).toHaveLength(3);
  expect(set.size).toBe(0);
  fonts.show();
  expect([...set].map((f) => f.family)).toEqual(Array(3).fill(fonts.families.opendyslexic));
  expect(new Set([...set].map((f) => `${f.descriptors.weight}/${f.descriptors.style}`))).toEqual(
    new Set(['400/normal', '700/normal', '400/italic']),
  );
  const shown = [...set];
  fonts.hide();
  expect(set.size).toBe(0);
  fonts.show();
  expect([...set]).toEqual(shown); // the same FontFace objects
  await fonts.ensure('opendyslexic');
  expect(fetched).toHaveLength(3);
});

test('a font chosen while open is shown when loaded; one that loads after close stays out', async () => {
  const { fonts, set } = setUp();
  fonts.show();
  await fonts.ensure('atkinson');
  expect([...set].every((f) => f.family === fonts.families.atkinson)).toBe(true);
  expect(set.size).toBe(3);
  const late = fonts.ensure('opendyslexic');
  fonts.hide();
  await late;
  expect(set.size).toBe(0);
  fonts.show();
  expect(set.size).toBe(6);
});

test('system fonts need nothing', async () => {
  const { fonts, set, fetched } = setUp();
  await fonts.ensure('serif');
  await fonts.ensure('sans');
  fonts.show();
  expect(fetched).toEqual([]);
  expect(set.size).toBe(0);
});
