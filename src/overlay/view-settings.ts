/**
 * What one reader shows: the stored settings with this page's overrides on top. The reader's own
 * controls change only overrides (a page's script can press them); a key the popup or options page
 * stores again replaces that key's override, and the others stay until the page is reloaded.
 */
import type { Settings } from '../shared/settings';

export class ViewSettings {
  private stored: Settings;
  private overrides: Partial<Settings> = {};

  constructor(stored: Settings) {
    this.stored = { ...stored };
  }

  /** The settings shown now. */
  get view(): Settings {
    return { ...this.stored, ...this.overrides };
  }

  /** New stored settings: an override of a key whose stored value changed is dropped. */
  fromStore(stored: Settings): Settings {
    for (const key of Object.keys(stored) as (keyof Settings)[])
      if (JSON.stringify(stored[key]) !== JSON.stringify(this.stored[key])) delete this.overrides[key];
    this.stored = { ...stored };
    return this.view;
  }

  /** A change made in the reader: this view only. */
  override(patch: Partial<Settings>): Settings {
    this.overrides = { ...this.overrides, ...patch };
    return this.view;
  }
}
