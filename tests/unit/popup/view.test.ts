import { renderPopup, type PopupViewOptions } from '../../../src/popup/view';
import { DEFAULT_SETTINGS, TEXT_SIZES, WCAG_SPACING, type Settings } from '../../../src/shared/settings';
import { translate } from '../overlay/helpers';
import { uiLocale } from '../../../src/settings-ui/ui-locale';

function render(o: Partial<PopupViewOptions> = {}) {
  const changes: Partial<Settings>[] = [];
  const siteOnly: boolean[] = [];
  let opened = 0;
  const view = renderPopup({
    doc: document,
    t: translate(),
    isOptions: false,
    hasTab: true,
    found: 'Westmere lighthouse shines again',
    site: 'example.co.uk',
    settings: { ...DEFAULT_SETTINGS },
    siteOnly: false,
    onOpen: () => opened++,
    onChange: (p) => changes.push(p),
    onSiteOnly: (on) => siteOnly.push(on),
    ...o,
  });
  const main = document.createElement('main');
  main.append(...view.nodes);
  document.body.replaceChildren(main);
  return { view, changes, siteOnly, opened: () => opened };
}
const $ = <T extends Element = HTMLElement>(s: string) => document.querySelector(s) as T;
const $$ = <T extends Element = HTMLElement>(s: string) => Array.from(document.querySelectorAll<T>(s));

/** The accessible name of a labelled input, as a screen reader computes it for this markup. */
const nameOf = (input: HTMLInputElement) =>
  (input.labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();

test('status and Open reader on a tab with an article', () => {
  const r = render();
  expect($('#status').textContent).toBe('Article found: Westmere lighthouse shines again');
  expect($('#status').getAttribute('role')).toBe('status');
  const open = $<HTMLButtonElement>('button#open-reader');
  expect(open.textContent).toBe('Open reader');
  open.click();
  expect(r.opened()).toBe(1);
  r.view.setStatus('Reader opened');
  expect($('#status').textContent).toBe('Reader opened');
});

test('a tab without an article still offers Open reader; the options page alone says what to do', () => {
  render({ found: null });
  expect($('#status').textContent).toBe('No article found on this page');
  expect($('button#open-reader')).not.toBeNull();
  render({ hasTab: false, isOptions: true, site: null });
  expect($('#status').textContent).toBe('Open a news page in a tab to use the reader there.');
  expect($('button#open-reader')).toBeNull();
  expect($('input[name="siteOnly"]')).toBeNull();
  expect($('h1').textContent).toBe('Lectern options');
});

test('fieldsets with legends; the Text size radio group; names begin with XS … XXXL', () => {
  render();
  expect($$('fieldset').every((f) => f.firstElementChild?.tagName === 'LEGEND')).toBe(true);
  expect($$('legend').map((l) => l.textContent)).toEqual([
    'Text size',
    'Font',
    'Spacing',
    'Theme',
    'Layout',
    'This site and opening',
    'Read aloud',
    'Highlight',
  ]);
  const group = $('[role="radiogroup"]');
  expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).toBe('Text size');
  const radios = $$<HTMLInputElement>('input[name="textSize"]');
  expect(radios.map((r) => nameOf(r).split(' ')[0])).toEqual([...TEXT_SIZES]);
  expect(nameOf(radios[0]!)).toBe('XS Extra small');
  expect(radios.find((r) => r.checked)?.value).toBe('MD');
  for (const input of $$<HTMLInputElement>('input')) expect(nameOf(input)).not.toBe('');
});

test('every change is reported at once; sliders report on change, preview on input', () => {
  const r = render();
  $<HTMLInputElement>('input[name="textSize"][value="XXL"]').click();
  $<HTMLInputElement>('input[name="font"][value="opendyslexic"]').click();
  $<HTMLInputElement>('input[name="theme"][value="sepia"]').click();
  $<HTMLInputElement>('input[name="images"]').click();
  $<HTMLInputElement>('input[name="autoOpen"]').click();
  const line = $<HTMLInputElement>('input[name="lineHeight"]');
  line.value = '2';
  line.dispatchEvent(new Event('input'));
  expect($('.form').style.getPropertyValue('--lectern-line-height')).toBe('2');
  expect(r.changes).toHaveLength(5);
  line.dispatchEvent(new Event('change'));
  expect(r.changes).toEqual([
    { textSize: 'XXL' },
    { font: 'opendyslexic' },
    { theme: 'sepia' },
    { images: false },
    { autoOpen: true },
    { lineHeight: 2 },
  ]);
  expect($('#popup-lineHeight-value').textContent).toBe('2.0');
  expect($('.form').style.getPropertyValue('--lectern-font-size')).toBe('2.5em');
});

test('WCAG spacing is one toggle step, on and off', () => {
  const r = render();
  const wcag = $<HTMLButtonElement>('#popup-wcag');
  expect(wcag.getAttribute('aria-pressed')).toBe('false');
  wcag.click();
  expect(r.changes.at(-1)).toEqual(WCAG_SPACING);
  expect(wcag.getAttribute('aria-pressed')).toBe('true');
  expect($<HTMLInputElement>('input[name="letterSpacing"]').value).toBe('0.12');
  wcag.click();
  expect(r.changes.at(-1)).toMatchObject({
    lineHeight: 1.6,
    letterSpacing: 0,
    wordSpacing: 0,
    paragraphSpacing: 1.2,
  });
  expect(wcag.getAttribute('aria-pressed')).toBe('false');
});

test('This site only names the registrable domain and reports the toggle; update() shows outside changes', () => {
  const r = render();
  const box = $<HTMLInputElement>('input[name="siteOnly"]');
  expect(nameOf(box)).toBe('This site only (example.co.uk)');
  box.click();
  expect(r.siteOnly).toEqual([true]);
  r.view.update({ ...DEFAULT_SETTINGS, textSize: 'XL', theme: 'dark', images: false }, false);
  expect($<HTMLInputElement>('input[name="textSize"][value="XL"]').checked).toBe(true);
  expect($<HTMLInputElement>('input[name="theme"][value="dark"]').checked).toBe(true);
  expect($<HTMLInputElement>('input[name="images"]').checked).toBe(false);
  expect(box.checked).toBe(false);
  expect(r.changes).toEqual([]); // showing is not changing
});

test('in Urdu every visible string comes from the Urdu locale', () => {
  render({ t: translate('ur') });
  expect($('button#open-reader').textContent).toBe('ریڈر کھولیں');
  expect($$('legend')[0]!.textContent).toBe('متن کا سائز');
  // The step names stay XS … XXXL (what readers of news sites know), then the words in Urdu.
  expect(nameOf($<HTMLInputElement>('input[name="textSize"][value="XS"]'))).toBe('XS بہت چھوٹا');
});

describe('uiLocale: the language and direction of the strings shown', () => {
  test('each locale states its own', () => {
    expect(uiLocale(translate('en'), 'en-US')).toEqual({ lang: 'en', dir: 'ltr' });
    // Chromium without an Urdu language pack shows Urdu messages under an en-US UI language.
    expect(uiLocale(translate('ur'), 'en-US')).toEqual({ lang: 'ur', dir: 'rtl' });
  });
  test('a locale without the keys falls back to the UI language', () => {
    const t = (key: string) => key;
    expect(uiLocale(t, 'ar-EG')).toEqual({ lang: 'ar-EG', dir: 'rtl' });
  });
});
