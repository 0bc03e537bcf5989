/**
 * Conventions for UI strings: every locale has every key of the default locale (and no others), with
 * the same placeholders; every key the code asks for exists; the manifest's __MSG_ keys exist.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TEXT_SIZES } from '../../src/shared/settings';
import { FONT_LABEL_KEYS, THEME_LABEL_KEYS } from '../../src/settings-ui/settings-form';
import { dirOfLang } from '../../src/shared/i18n';

const root = join(__dirname, '..', '..');
type Messages = Record<string, { message: string; description?: string }>;
const load = (locale: string): Messages =>
  JSON.parse(readFileSync(join(root, '_locales', locale, 'messages.json'), 'utf8'));
const locales = readdirSync(join(root, '_locales'));
const en = load('en');
const placeholders = (m: string) => (m.match(/\$\d/g) ?? []).sort().join(',');

test('there is a right-to-left locale besides English', () => {
  expect(locales).toContain('en');
  expect(locales.some((l) => dirOfLang(l) === 'rtl')).toBe(true);
});

describe.each(locales)('%s', (locale) => {
  const messages = load(locale);
  test('has exactly the keys of en, none empty, with the same placeholders', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(messages)) {
      expect({ key, empty: message.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(message) }).toEqual({
        key,
        placeholders: placeholders(en[key]!.message),
      });
    }
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('every key the code uses exists in en', () => {
  const used = new Set<string>();
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    // t('key') and t(cond ? 'a' : 'b')
    for (const m of text.matchAll(/\bt\(\s*'([^'@]+)'/g)) used.add(m[1]!);
    for (const m of text.matchAll(/\bt\(\s*[\w.?!=\s]+\?\s*'(\w+)'\s*:\s*'(\w+)'/g)) {
      used.add(m[1]!);
      used.add(m[2]!);
    }
    expect({ file, templates: /\bt\(`(?!textSize\$\{)/.test(text) }).toEqual({ file, templates: false });
  }
  for (const size of TEXT_SIZES) used.add(`textSize${size}`);
  for (const key of [...Object.values(FONT_LABEL_KEYS), ...Object.values(THEME_LABEL_KEYS)]) used.add(key);
  const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
  for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) used.add(m[1]!);
  expect(used.size).toBeGreaterThan(40);
  const missing = [...used].filter((k) => !(k in en));
  expect(missing).toEqual([]);
});
