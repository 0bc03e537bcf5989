/** Shared set-up of the overlay's unit tests: overlays made per test and removed after it, key presses. */
import { ReaderOverlay, HOST_ATTRIBUTE } from '../../../src/overlay/overlay';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { stubDialog, translate } from './helpers';

/** Call at the top of a test file: stubs <dialog> and removes every overlay after each test. */
export function useOverlays() {
  const made: ReaderOverlay[] = [];
  beforeAll(stubDialog);
  afterEach(() => {
    for (const o of made.splice(0)) o.destroy();
    document.querySelectorAll(`[${HOST_ATTRIBUTE}]`).forEach((h) => h.remove());
    document.body.replaceChildren();
  });
  function make(
    settings: Partial<Settings> = {},
    extra: Partial<ConstructorParameters<typeof ReaderOverlay>[0]> = {},
  ) {
    const changes: Partial<Settings>[] = [];
    const overlay = new ReaderOverlay({
      doc: document,
      t: translate(),
      settings: { ...DEFAULT_SETTINGS, ...settings },
      onViewChange: (p) => changes.push(p),
      ...extra,
    });
    made.push(overlay);
    return { overlay, changes, $: (s: string) => overlay.root.querySelector(s) as HTMLElement | null };
  }
  /** `made` takes overlays built by hand, so that they are removed too. */
  return { make, made };
}

export const key = (el: Element, k: string, init: KeyboardEventInit = {}) =>
  el.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true, ...init }),
  );
