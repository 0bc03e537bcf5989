/** Read aloud's keys in the reader, and the help line that names them. */
import type { Translate } from '../shared/i18n';

/**
 * The keys, matched on the physical key (event.code) so that they hold on every layout. Ctrl+Alt
 * combinations: single letters belong to screen readers' browse mode, Alt+Shift+letter to browser and
 * extension commands, Ctrl+Shift+letter to the browser; Ctrl+Alt+arrows move through tables in NVDA and
 * JAWS (and switch workspaces on some desktops), so Comma and Period ("<" and ">") step instead.
 */
export const READ_ALOUD_KEYS = {
  toggle: { code: 'Space', aria: 'Control+Alt+Space', label: 'Ctrl+Alt+Space' },
  previous: { code: 'Comma', aria: 'Control+Alt+,', label: 'Ctrl+Alt+,' },
  next: { code: 'Period', aria: 'Control+Alt+.', label: 'Ctrl+Alt+.' },
  stop: { code: 'Slash', aria: 'Control+Alt+/', label: 'Ctrl+Alt+/' },
} as const;
export type KeyAction = keyof typeof READ_ALOUD_KEYS;

/** Media keys do the same where the system passes them to the page. */
const MEDIA_KEYS: Readonly<Record<string, KeyAction>> = {
  MediaPlayPause: 'toggle',
  MediaTrackPrevious: 'previous',
  MediaTrackNext: 'next',
  MediaStop: 'stop',
};

/** The help line for the settings panel. */
export function readAloudKeysHelp(t: Translate): string {
  const k = READ_ALOUD_KEYS;
  return t('readAloudKeys', [k.toggle.label, k.previous.label, k.next.label, k.stop.label]);
}

/** The read-aloud action of a key press, if it is one of the keys. */
export function keyAction(e: KeyboardEvent): KeyAction | undefined {
  const media = MEDIA_KEYS[e.key];
  if (media) return media;
  if (!e.ctrlKey || !e.altKey || e.shiftKey || e.metaKey) return undefined;
  return (Object.keys(READ_ALOUD_KEYS) as KeyAction[]).find((k) => READ_ALOUD_KEYS[k].code === e.code);
}
