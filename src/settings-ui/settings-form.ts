/**
 * The settings form, one implementation for the popup, the options page and the overlay's settings
 * panel. Pure DOM: it takes a Document, a Translate and callbacks, never the extension API.
 *
 * Every control is a native form control inside a fieldset with a legend. Radio groups are also
 * `role=radiogroup` named by their legend. Changes are reported at once (`onChange`), except while a
 * slider is being dragged: the preview follows `input`, the stored value follows `change`.
 */
import {
  FONTS,
  RANGES,
  TEXT_SIZES,
  THEMES,
  WCAG_SPACING,
  DEFAULT_SETTINGS,
  HIGHLIGHT_MODES,
  type Settings,
} from '../shared/settings';
import type { Translate } from '../shared/i18n';
import { applySettings, FONT_STACKS, type FontStacks } from './apply-settings';
import { buildVoiceMenu } from './voice-menu';
import type { VoiceLike } from '../speech';

/** Written out, so that the locale test sees every key the form uses. */
const HIGHLIGHT_LABEL_KEYS = {
  word: 'highlightWord',
  sentence: 'highlightSentence',
  off: 'highlightOff',
} as const;

export interface SettingsFormOptions {
  doc: Document;
  t: Translate;
  /** Prefix for element ids (several forms may share a document in tests). */
  idPrefix: string;
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
  /** The site this form is about (registrable domain), or null: then the site section is left out. */
  site?: string | null;
  siteOnly?: boolean;
  onSiteOnly?: (on: boolean) => void;
  /** The reader's read-aloud keys, said under the read-aloud settings (the reader's panel only). */
  readAloudHelp?: string;
  /** The font stacks to show fonts in (the reader's bundled fonts have names of their own). */
  fontStacks?: FontStacks;
  /**
   * The reader's panel: its changes apply to one page's view only, so the settings that mean nothing
   * there ("This site only", "Open articles automatically") are left out.
   */
  viewOnly?: boolean;
}

export interface SettingsForm {
  element: HTMLElement;
  /** Shows new settings (made elsewhere) without reporting them back. */
  update(settings: Settings, siteOnly?: boolean): void;
  /** The voices the Voice menu offers, ordered for `lang` (the article's, or the interface's). */
  setVoices(voices: readonly VoiceLike[], lang: string): void;
}

export const FONT_LABEL_KEYS: Readonly<Record<Settings['font'], string>> = {
  serif: 'fontSerif',
  sans: 'fontSans',
  atkinson: 'fontAtkinson',
  opendyslexic: 'fontOpenDyslexic',
};
export const THEME_LABEL_KEYS: Readonly<Record<Settings['theme'], string>> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  contrast: 'themeContrast',
};

type RangeKey = 'lineHeight' | 'letterSpacing' | 'wordSpacing' | 'paragraphSpacing' | 'width' | 'speechRate';
const RANGE_LABEL_KEYS: Readonly<Record<RangeKey, string>> = {
  lineHeight: 'lineHeight',
  letterSpacing: 'letterSpacing',
  wordSpacing: 'wordSpacing',
  paragraphSpacing: 'paragraphSpacing',
  width: 'lineLength',
  speechRate: 'speechRate',
};

function decimals(step: number): number {
  const s = String(step);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

export function buildSettingsForm(options: SettingsFormOptions): SettingsForm {
  const { doc, t, idPrefix } = options;
  let current: Settings = { ...options.settings };
  const stacks = options.fontStacks ?? FONT_STACKS;
  const id = (name: string): string => `${idPrefix}-${name}`;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Partial<Record<string, string>> = {},
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const form = el('form', { class: 'form', novalidate: '' });
  form.addEventListener('submit', (e) => e.preventDefault());
  const updaters: Array<(s: Settings, siteOnly: boolean) => void> = [];

  function change(patch: Partial<Settings>): void {
    current = { ...current, ...patch };
    applySettings(form, current, stacks);
    for (const u of updaters) u(current, siteOnlyBox?.checked ?? false);
    options.onChange(patch);
  }

  function radioGroup<K extends 'textSize' | 'font' | 'theme' | 'highlight'>(
    key: K,
    legendText: string,
    values: readonly Settings[K][],
    label: (value: Settings[K]) => { short?: string; long: string },
  ): HTMLFieldSetElement {
    const fieldset = el('fieldset', { role: 'radiogroup', 'aria-labelledby': id(`${key}-legend`) });
    fieldset.append(el('legend', { id: id(`${key}-legend`) }, legendText));
    const choices = el('div', { class: 'choices' });
    const inputs: HTMLInputElement[] = [];
    for (const value of values) {
      const input = el('input', {
        type: 'radio',
        name: key,
        value: String(value),
        id: id(`${key}-${value}`),
      });
      input.addEventListener('change', () => {
        if (input.checked) change({ [key]: value } as Partial<Settings>);
      });
      inputs.push(input);
      const l = el('label', { for: input.id });
      const text = label(value);
      if (text.short) {
        // The accessible name begins with the short name (XS, SM, …), then says it in words.
        l.append(
          input,
          el('span', { class: 'short' }, text.short),
          el('span', { class: 'visually-hidden' }, ` ${text.long}`),
        );
        l.title = text.long;
      } else {
        l.append(input, el('span', {}, text.long));
      }
      if (key === 'font') l.style.fontFamily = stacks[value as Settings['font']];
      choices.append(l);
    }
    fieldset.append(choices);
    updaters.push((s) => {
      for (const input of inputs) input.checked = input.value === String(s[key]);
    });
    return fieldset;
  }

  function range(key: RangeKey, format: (v: number) => string): HTMLElement {
    const r = RANGES[key];
    const row = el('div', { class: 'range' });
    const input = el('input', {
      type: 'range',
      id: id(key),
      name: key,
      min: String(r.min),
      max: String(r.max),
      step: String(r.step),
    });
    const out = el('output', { for: input.id, id: id(`${key}-value`), 'aria-hidden': 'true' });
    const show = (v: number): void => {
      out.textContent = format(v);
      input.setAttribute('aria-valuetext', format(v));
    };
    input.addEventListener('input', () => {
      const v = Number(input.value);
      show(v);
      // Preview only while dragging: storage.sync limits writes per minute.
      applySettings(form, { ...current, [key]: v }, stacks);
    });
    input.addEventListener('change', () => change({ [key]: Number(input.value) } as Partial<Settings>));
    row.append(el('label', { for: input.id }, t(RANGE_LABEL_KEYS[key])), input, out);
    updaters.push((s) => {
      input.value = String(s[key]);
      show(s[key]);
    });
    return row;
  }

  const fixed = (key: RangeKey) => (v: number) => v.toFixed(decimals(RANGES[key].step));

  // Preview: a line of text in the chosen font and spacing.
  const preview = el('div', { class: 'preview', id: id('preview') }, t('previewText'));

  const sizeGroup = radioGroup('textSize', t('textSize'), TEXT_SIZES, (size) => ({
    short: size,
    long: t(`textSize${size}`),
  }));
  const fontGroup = radioGroup('font', t('font'), FONTS, (font) => ({ long: t(FONT_LABEL_KEYS[font]) }));

  const spacing = el('fieldset');
  spacing.append(el('legend', {}, t('spacing')));
  spacing.append(
    range('lineHeight', fixed('lineHeight')),
    range('letterSpacing', (v) => `${fixed('letterSpacing')(v)} em`),
    range('wordSpacing', (v) => `${fixed('wordSpacing')(v)} em`),
    range('paragraphSpacing', (v) => `${fixed('paragraphSpacing')(v)} em`),
  );
  const actions = el('div', { class: 'actions' });
  const wcag = el('button', { type: 'button', id: id('wcag'), 'aria-pressed': 'false' }, t('wcagSpacing'));
  wcag.addEventListener('click', () => {
    const on = wcag.getAttribute('aria-pressed') === 'true';
    const base = on
      ? {
          lineHeight: DEFAULT_SETTINGS.lineHeight,
          letterSpacing: DEFAULT_SETTINGS.letterSpacing,
          wordSpacing: DEFAULT_SETTINGS.wordSpacing,
          paragraphSpacing: DEFAULT_SETTINGS.paragraphSpacing,
        }
      : { ...WCAG_SPACING };
    change(base);
  });
  updaters.push((s) => {
    const on = (Object.keys(WCAG_SPACING) as (keyof typeof WCAG_SPACING)[]).every(
      (k) => Math.abs(s[k] - WCAG_SPACING[k]) < 1e-9,
    );
    wcag.setAttribute('aria-pressed', String(on));
  });
  actions.append(wcag);
  spacing.append(actions);

  const layout = el('fieldset');
  layout.append(el('legend', {}, t('layout')));
  layout.append(range('width', (v) => t('lineLengthValue', String(Math.round(v)))));
  const imagesBox = el('input', { type: 'checkbox', id: id('images'), name: 'images' });
  imagesBox.addEventListener('change', () => change({ images: imagesBox.checked }));
  const imagesLabel = el('label', { for: imagesBox.id });
  imagesLabel.append(imagesBox, doc.createTextNode(t('showImages')));
  layout.append(imagesLabel);
  updaters.push((s) => {
    imagesBox.checked = s.images;
  });

  const themeGroup = radioGroup('theme', t('theme'), THEMES, (theme) => ({
    long: t(THEME_LABEL_KEYS[theme]),
  }));

  let siteOnlyBox: HTMLInputElement | null = null;
  const behaviour = options.viewOnly ? null : behaviourFieldset();
  function behaviourFieldset(): HTMLFieldSetElement {
    const fieldset = el('fieldset');
    fieldset.append(el('legend', {}, t('behaviour')));
    if (options.site) {
      siteOnlyBox = el('input', { type: 'checkbox', id: id('siteOnly'), name: 'siteOnly' });
      const box = siteOnlyBox;
      box.checked = Boolean(options.siteOnly);
      box.addEventListener('change', () => options.onSiteOnly?.(box.checked));
      const l = el('label', { for: box.id });
      l.append(box, doc.createTextNode(t('siteOnly', options.site)));
      const row = el('div');
      row.append(l);
      fieldset.append(row);
    }
    const autoBox = el('input', { type: 'checkbox', id: id('autoOpen'), name: 'autoOpen' });
    autoBox.addEventListener('change', () => change({ autoOpen: autoBox.checked }));
    const autoLabel = el('label', { for: autoBox.id });
    autoLabel.append(autoBox, doc.createTextNode(t('autoOpen')));
    const autoRow = el('div');
    autoRow.append(autoLabel);
    fieldset.append(autoRow);
    updaters.push((s, siteOnly) => {
      autoBox.checked = s.autoOpen;
      if (siteOnlyBox) siteOnlyBox.checked = siteOnly;
    });
    return fieldset;
  }

  const previewBox = el('div', {
    class: 'preview-box',
    role: 'group',
    'aria-labelledby': id('preview-label'),
  });
  previewBox.append(el('div', { class: 'visually-hidden', id: id('preview-label') }, t('preview')), preview);

  // Read aloud: Voice, Speed, Read captions, Highlight (applied live to a reader that is speaking).
  const readAloud = el('fieldset', { class: 'read-aloud' });
  readAloud.append(el('legend', {}, t('readAloud')));
  const voiceMenu = buildVoiceMenu(doc, t, id('voice'), (voice) => change({ voice }));
  const voiceRow = el('div', { class: 'select' });
  voiceRow.append(el('label', { for: voiceMenu.select.id }, t('voice')), voiceMenu.select);
  const rateNumber = (v: number) => String(Math.round(v * 100) / 100);
  const captionsBox = el('input', { type: 'checkbox', id: id('readCaptions'), name: 'readCaptions' });
  captionsBox.addEventListener('change', () => change({ readCaptions: captionsBox.checked }));
  const captionsLabel = el('label', { for: captionsBox.id });
  captionsLabel.append(captionsBox, doc.createTextNode(t('readCaptions')));
  const captionsRow = el('div');
  captionsRow.append(captionsLabel);
  const highlightGroup = radioGroup('highlight', t('highlight'), HIGHLIGHT_MODES, (mode) => ({
    long: t(HIGHLIGHT_LABEL_KEYS[mode]),
  }));
  readAloud.append(
    voiceRow,
    range('speechRate', (v) => t('speechRateValue', rateNumber(v))),
    captionsRow,
    highlightGroup,
  );
  if (options.readAloudHelp)
    readAloud.append(el('p', { class: 'hint', id: id('read-aloud-keys') }, options.readAloudHelp));
  updaters.push((s) => {
    voiceMenu.show(s.voice);
    captionsBox.checked = s.readCaptions;
  });

  form.append(sizeGroup, previewBox, fontGroup, spacing, themeGroup, layout);
  if (behaviour) form.append(behaviour);
  form.append(readAloud);

  function update(settings: Settings, siteOnly = siteOnlyBox?.checked ?? false): void {
    current = { ...settings };
    applySettings(form, current, stacks);
    for (const u of updaters) u(current, siteOnly);
  }
  update(current, Boolean(options.siteOnly));
  return { element: form, update, setVoices: (voices, lang) => voiceMenu.setVoices(voices, lang) };
}
