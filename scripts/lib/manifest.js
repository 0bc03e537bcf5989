'use strict';
/**
 * Derives each browser's manifest from the one source manifest (the root `manifest.json`).
 * Pure: no file system, no clock; unit-tested in tests/unit/manifest.test.ts.
 *
 * - Chrome (156) loads `background.service_worker` and warns about `background.scripts`.
 * - Firefox (ESR 153) rejects `service_worker` alone and needs `background.scripts`, plus
 *   `browser_specific_settings.gecko` (without an id `storage` throws) and, for `web-ext lint`,
 *   `data_collection_permissions` with `strict_min_version` >= 142.0.
 * - `use_dynamic_url` in web_accessible_resources is Chrome's; Firefox's linter flags it.
 */

/** @typedef {'chrome' | 'firefox'} Target */

/**
 * @param {Record<string, any>} source the parsed root manifest.json
 * @param {Target} target
 * @param {{ version: string }} pkg the parsed package.json (version is the single source of truth)
 * @returns {Record<string, any>}
 */
function deriveManifest(source, target, pkg) {
  if (target !== 'chrome' && target !== 'firefox') throw new Error(`unknown target: ${target}`);
  if (!pkg || typeof pkg.version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(pkg.version)) {
    throw new Error(`package.json version must be 1 to 4 dot-separated integers, got ${pkg && pkg.version}`);
  }
  /** @type {Record<string, any>} */
  const m = JSON.parse(JSON.stringify(source));
  m.version = pkg.version;
  const bg = m.background || {};
  const script = bg.service_worker || (bg.scripts && bg.scripts[0]);
  if (!script) throw new Error('manifest.json must name a background script');

  if (target === 'chrome') {
    m.background = { service_worker: script };
    delete m.browser_specific_settings;
  } else {
    m.background = { scripts: [script] };
    const gecko = (m.browser_specific_settings && m.browser_specific_settings.gecko) || {};
    if (!gecko.id) throw new Error('manifest.json must give browser_specific_settings.gecko.id for Firefox');
    m.browser_specific_settings = { gecko };
    if (Array.isArray(m.web_accessible_resources)) {
      m.web_accessible_resources = m.web_accessible_resources.map((/** @type {any} */ entry) => {
        const { use_dynamic_url: _ignored, ...rest } = entry;
        return rest;
      });
    }
  }
  return m;
}

module.exports = { deriveManifest };
