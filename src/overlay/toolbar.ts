/**
 * The reader's toolbar: its buttons, one tab stop among them (roving tabindex), arrow keys, Home, End.
 * The read-aloud buttons are built here and driven by read-aloud.ts (names, aria-disabled, keys).
 */
import type { Translate } from '../shared/i18n';

export interface ToolbarActions {
  close: () => void;
  smaller: () => void;
  larger: () => void;
  theme: () => void;
  settings: () => void;
  readAloud: () => void;
  stop: () => void;
  previous: () => void;
  next: () => void;
}

/** The read-aloud buttons; their labels, glyphs and states are set by read-aloud.ts. */
export interface SpeechButtons {
  toggle: HTMLButtonElement;
  stop: HTMLButtonElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
}

export interface Toolbar {
  element: HTMLElement;
  /** The Settings button (aria-expanded follows the panel). */
  settingsButton: HTMLButtonElement;
  speech: SpeechButtons;
}

/** `articleId` and `panelId` are what the toolbar and its Settings button control. */
export function buildToolbar(
  doc: Document,
  t: Translate,
  actions: ToolbarActions,
  ids: { article: string; panel: string },
): Toolbar {
  const element = doc.createElement('div');
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', t('toolbarLabel'));
  element.setAttribute('aria-controls', ids.article);
  const buttons: HTMLButtonElement[] = [];
  const setRovingFocus = (target: HTMLButtonElement): void => {
    for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
  };
  const button = (name: string, glyph: string, label: string, action: () => void): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.dataset.action = name;
    const g = doc.createElement('span');
    g.className = 'glyph';
    g.setAttribute('aria-hidden', 'true');
    g.textContent = glyph;
    const l = doc.createElement('span');
    l.className = 'label';
    l.textContent = label;
    b.append(g, l);
    b.addEventListener('click', () => {
      setRovingFocus(b);
      action();
    });
    return b;
  };
  const settingsButton = button('settings', '⚙', t('settings'), actions.settings);
  settingsButton.setAttribute('aria-expanded', 'false');
  settingsButton.setAttribute('aria-controls', ids.panel);
  buttons.push(
    button('close', '✕', t('close'), actions.close),
    button('smaller', 'A−', t('smallerText'), actions.smaller),
    button('larger', 'A+', t('largerText'), actions.larger),
    button('theme', '◐', t('theme'), actions.theme),
    settingsButton,
  );
  // After the view's buttons, so that the arrow keys reach the ones used most (Close, size) first.
  const speech: SpeechButtons = {
    toggle: button('read-aloud', '▶\ufe0e', t('readAloud'), actions.readAloud),
    stop: button('stop', '■\ufe0e', t('readAloudStop'), actions.stop),
    previous: button('previous', '«', t('previousSentence'), actions.previous),
    next: button('next', '»', t('nextSentence'), actions.next),
  };
  buttons.push(speech.toggle, speech.stop, speech.previous, speech.next);
  buttons.forEach((b, i) => (b.tabIndex = i === 0 ? 0 : -1));
  element.append(...buttons);
  element.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    if (i < 0) return;
    const rtl = getDir(element) === 'rtl';
    let next: number;
    if (e.key === 'ArrowRight') next = rtl ? i - 1 : i + 1;
    else if (e.key === 'ArrowLeft') next = rtl ? i + 1 : i - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    else return;
    e.preventDefault();
    const n = buttons.length;
    const target = buttons[(next + n) % n] as HTMLButtonElement;
    setRovingFocus(target);
    target.focus();
  });
  return { element, settingsButton, speech };
}

function getDir(el: HTMLElement): 'ltr' | 'rtl' {
  const holder = el.closest('[dir]');
  return holder?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
}
