/**
 * Where the settings live: storage.sync (storage.local when sync is full or off), one global record and
 * one per site, read and written through an injected storage area so tests pass a fake. The model
 * itself (types, defaults, validation, migration) is in settings.ts.
 */
import { type Settings, isRecord, migrate, normalizeSettings, sanitizePartial, toStored } from './settings';

/** The slice of `browser.storage.StorageArea` this module needs; tests pass a fake. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const SETTINGS_KEY = 'settings';
export const SITE_PREFIX = 'site:';

export function siteKey(site: string): string {
  return SITE_PREFIX + site;
}

/** Global settings merged with the overrides of one site (when given). */
export function effectiveSettings(global: Settings, site?: Partial<Settings> | null): Settings {
  return site ? normalizeSettings({ ...global, ...site }) : global;
}

export interface SettingsSnapshot {
  global: Settings;
  /** The overrides of the site asked about, or null when it follows the global settings. */
  site: Partial<Settings> | null;
  effective: Settings;
}

export interface SettingsStoreOptions {
  /** Preferred area (storage.sync). */
  primary: StorageAreaLike;
  /** Used when the primary area fails (over quota, disabled sync): storage.local. */
  fallback?: StorageAreaLike;
  /**
   * Told when the store falls back, so the UI can say so: at most once per store, and not again by any
   * store (another popup, an overlay in another tab) until the primary area takes a write again. A
   * reader whose sync is off or full for good would otherwise hear the same sentence every time they
   * touch a setting in a new popup; and when sync works again and later fails again, that is news.
   * The "already said" mark lives in the fallback area (FALLBACK_NOTICE_KEY). Stores without this
   * hook (the background's repair) fall back silently and leave the mark alone: nobody was told.
   */
  onFallback?: (error: unknown) => void;
}

/** In the fallback area while the reader has been told that sync failed; removed when sync works again. */
export const FALLBACK_NOTICE_KEY = 'syncFallbackNoticed';

/**
 * Reads and writes settings. Reads never throw (defaults are returned when storage fails); writes
 * try the primary area, then the fallback, and reject only when both fail, after which nothing was lost:
 * the previous stored value is still there.
 */
export class SettingsStore {
  private readonly primary: StorageAreaLike;
  private readonly fallback: StorageAreaLike | undefined;
  private readonly onFallback: ((error: unknown) => void) | undefined;
  private fellBack = false;

  constructor(options: SettingsStoreOptions) {
    this.primary = options.primary;
    this.fallback = options.fallback;
    this.onFallback = options.onFallback;
  }

  private async read(keys: string[]): Promise<Record<string, unknown>> {
    // Both areas are asked at once: each read is a round trip to the browser, and the reader waits for
    // this one when it opens.
    const [primary, local] = await Promise.all([
      this.primary.get(keys).catch(() => ({})),
      this.fallback?.get(keys).catch(() => ({})),
    ]);
    if (!this.fallback) return primary ?? {};
    // Values written to the fallback while sync was failing are newer than what sync still holds.
    return { ...(primary ?? {}), ...(local ?? {}) };
  }

  private async write(items: Record<string, unknown>, removeKeys: string[] = []): Promise<void> {
    try {
      if (Object.keys(items).length) await this.primary.set(items);
      if (removeKeys.length) await this.primary.remove(removeKeys);
      if (this.fallback) {
        // The primary holds the truth again: clear stale fallback copies of these keys, and the mark
        // that the reader was told about a failure (a new failure is worth saying again).
        const keys = [...Object.keys(items), ...removeKeys, FALLBACK_NOTICE_KEY];
        await this.fallback.remove(keys).catch(() => undefined);
        this.fellBack = false;
      }
    } catch (error) {
      if (!this.fallback) throw error;
      if (Object.keys(items).length) await this.fallback.set(items);
      if (removeKeys.length) await this.fallback.remove(removeKeys);
      if (!this.fellBack) {
        this.fellBack = true;
        await this.tellFallback(error);
      }
    }
  }

  private async tellFallback(error: unknown): Promise<void> {
    const fallback = this.fallback;
    if (!this.onFallback || !fallback) return;
    const told = await fallback.get(FALLBACK_NOTICE_KEY).catch(() => ({}) as Record<string, unknown>);
    if (told?.[FALLBACK_NOTICE_KEY] === true) return;
    await fallback.set({ [FALLBACK_NOTICE_KEY]: true }).catch(() => undefined);
    try {
      this.onFallback(error);
    } catch {
      // A UI that cannot say it must not turn a saved setting into a failed one.
    }
  }

  async load(site?: string | null): Promise<SettingsSnapshot> {
    const keys = [SETTINGS_KEY];
    if (site) keys.push(siteKey(site));
    const data = await this.read(keys);
    const global = migrate(data[SETTINGS_KEY]);
    const rawSite = site ? data[siteKey(site)] : undefined;
    const siteOverrides = isRecord(rawSite) ? sanitizePartial(rawSite) : null;
    return { global, site: siteOverrides, effective: effectiveSettings(global, siteOverrides) };
  }

  /**
   * Changes some settings. With `site` given and that site having its own profile, the change goes to
   * the site's profile; otherwise to the global settings.
   */
  async update(patch: Partial<Settings>, site?: string | null): Promise<SettingsSnapshot> {
    const current = await this.load(site);
    const clean = sanitizePartial(patch);
    if (site && current.site) {
      const nextSite = { ...current.site, ...clean };
      await this.write({ [siteKey(site)]: nextSite });
      return {
        global: current.global,
        site: nextSite,
        effective: effectiveSettings(current.global, nextSite),
      };
    }
    const global = normalizeSettings({ ...current.global, ...clean });
    await this.write({ [SETTINGS_KEY]: toStored(global) });
    return { global, site: current.site, effective: effectiveSettings(global, current.site) };
  }

  /** Turns "this site only" on (copying the effective settings into a site profile) or off. */
  async setSiteOnly(site: string, on: boolean): Promise<SettingsSnapshot> {
    const current = await this.load(site);
    if (on) {
      const profile = { ...current.effective };
      await this.write({ [siteKey(site)]: profile });
      return { global: current.global, site: profile, effective: effectiveSettings(current.global, profile) };
    }
    await this.write({}, [siteKey(site)]);
    return { global: current.global, site: null, effective: current.global };
  }

  /** Rewrites a stored record that needed repair (so it is repaired once, not on every read). */
  async repair(): Promise<void> {
    const data = await this.read([SETTINGS_KEY]);
    const raw = data[SETTINGS_KEY];
    const fixed = toStored(migrate(raw));
    if (JSON.stringify(raw) !== JSON.stringify(fixed))
      await this.write({ [SETTINGS_KEY]: fixed }).catch(() => undefined);
  }
}

/** Is this `storage.onChanged` change one that concerns the settings of `site`? */
export function affectsSettings(changedKeys: string[], site?: string | null): boolean {
  return changedKeys.some((k) => k === SETTINGS_KEY || (site != null && k === siteKey(site)));
}
