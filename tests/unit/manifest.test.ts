/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script's CommonJS module
const { deriveManifest } = require('../../scripts/lib/manifest.js') as {
  deriveManifest: (m: unknown, t: string, p: { version: string }) => Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifest JSON
};

const root = join(__dirname, '..', '..');
const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('deriveManifest', () => {
  test('Chrome gets a service worker and no gecko settings', () => {
    const m = deriveManifest(source, 'chrome', pkg);
    expect(m.manifest_version).toBe(3);
    expect(m.version).toBe(pkg.version);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.browser_specific_settings).toBeUndefined();
  });

  test('Firefox gets background scripts, a gecko id, strict_min_version >= 142 and no data collection', () => {
    const m = deriveManifest(source, 'firefox', pkg);
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(parseFloat(m.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    for (const entry of m.web_accessible_resources) expect(entry.use_dynamic_url).toBeUndefined();
  });

  test('the reader bundle is never a declared content script; the detector is the only one', () => {
    for (const target of ['chrome', 'firefox']) {
      const m = deriveManifest(source, target, pkg);
      const scripts = m.content_scripts.flatMap((c: { js: string[] }) => c.js);
      expect(scripts).toEqual(['detector.js']);
      expect(m.permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
      expect(m.commands['open-reader'].suggested_key.default).toBe('Alt+Shift+R');
    }
  });

  test('does not change its input, and rejects bad input with a message', () => {
    const copy = structuredClone(source);
    deriveManifest(source, 'firefox', pkg);
    expect(source).toEqual(copy);
    expect(() => deriveManifest(source, 'safari', pkg)).toThrow('unknown target');
    expect(() => deriveManifest(source, 'chrome', { version: 'one' })).toThrow('version');
  });
});
