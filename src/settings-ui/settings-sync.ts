/**
 * Keeps one settings view (an overlay, the popup) in step with storage without echoes: the popup and
 * the overlay show a change at once and write it; storage.onChanged then reports every write back,
 * to every view. Taken one by one, those echoes would step an overlay back through the sizes the
 * reader just pressed through (and announce each), and two quick writes of different keys could lose
 * one (update is read-modify-write). So: writes are queued one after the other; echoes are ignored
 * while this view has writes in flight; when its last write lands, it reloads once; and a reload that
 * a newer one overtook is dropped.
 *
 * Pure: the store is injected (the reader and the popup pass the storage.sync-backed one).
 */
import { type Settings } from '../shared/settings';
import {
  affectsSettings,
  SettingsStore,
  type SettingsSnapshot,
  type StorageAreaLike,
} from '../shared/settings-store';
import type { Translate } from '../shared/i18n';

export interface SettingsSync {
  /** Writes a change (already shown by the caller). */
  change(patch: Partial<Settings>): Promise<void>;
  /** Turns "this site only" on or off. */
  setSiteOnly(on: boolean): Promise<void>;
  /** Call from storage.onChanged with the changed keys. */
  storageChanged(keys: string[]): void;
  /** Reloads and shows what is stored now. */
  refresh(): void;
}

export function syncSettings(
  store: Pick<SettingsStore, 'load' | 'update' | 'setSiteOnly'>,
  site: string | null,
  show: (snapshot: SettingsSnapshot) => void,
  onError: (error: unknown) => void = () => undefined,
): SettingsSync {
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  let seq = 0;

  function refresh(): void {
    const n = ++seq;
    store.load(site).then(
      (snapshot) => {
        if (n === seq && pending === 0) show(snapshot);
      },
      () => undefined,
    );
  }

  function enqueue(op: () => Promise<unknown>): Promise<void> {
    pending++;
    queue = queue
      .then(op)
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => {
        if (--pending === 0) refresh();
      });
    return queue;
  }

  return {
    change: (patch) => enqueue(() => store.update(patch, site)),
    setSiteOnly: (on) => enqueue(async () => (site ? store.setSiteOnly(site, on) : undefined)),
    storageChanged(keys) {
      if (!affectsSettings(keys, site) || pending > 0) return;
      refresh();
    },
    refresh,
  };
}

export interface ConnectOptions {
  /** storage.sync (the views pass the real areas; tests pass fakes). */
  primary: StorageAreaLike;
  /** storage.local: where settings go when sync is full or off. */
  fallback: StorageAreaLike;
  site: string | null;
  t: Translate;
  show: (snapshot: SettingsSnapshot) => void;
  /**
   * Says something to the reader in this view's status line or live region: that settings are kept on
   * this device only (once: see SettingsStoreOptions.onFallback), or that they could not be saved.
   */
  say: (text: string) => void;
}

/** The store and the sync of one settings view (the popup, an overlay), wired the same way in each. */
export function connectSettings(o: ConnectOptions): { store: SettingsStore; sync: SettingsSync } {
  const store = new SettingsStore({
    primary: o.primary,
    fallback: o.fallback,
    onFallback: () => o.say(o.t('settingsSyncFallback')),
  });
  const sync = syncSettings(store, o.site, o.show, () => o.say(o.t('settingsSaveFailed')));
  return { store, sync };
}
