/** The overlay's life: open and close, a late close event, settings shown, and changed for this view only. */
import { DEFAULT_SETTINGS, WCAG_SPACING } from '../../../src/shared/settings';
import { article } from './helpers';
import { key, useOverlays } from './fixture';

const { make } = useOverlays();

describe('behaviour', () => {
  test('close returns focus to where it was, and the close button and Escape path close', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    let closed = 0;
    const { overlay, $ } = make({}, { onClose: () => closed++ });
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    expect(document.activeElement).toBe(overlay.host);
    $('button[data-action="close"]')!.click();
    expect(overlay.isOpen).toBe(false);
    expect(closed).toBe(1);
    expect(document.activeElement).toBe(button);
  });

  test('a close event that comes after the reader opened again leaves it open', () => {
    let closed = 0;
    const { overlay } = make({}, { onClose: () => closed++ });
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    // As in browsers, the close event comes a task later, here after the reader was opened again.
    const late: Event[] = [];
    overlay.dialog.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open');
      late.push(new Event('close'));
    };
    overlay.close();
    expect(overlay.host.isConnected).toBe(false);
    expect(closed).toBe(1);
    overlay.open();
    for (const event of late) overlay.dialog.dispatchEvent(event);
    expect(overlay.isOpen).toBe(true);
    expect(overlay.host.isConnected).toBe(true);
    expect(closed).toBe(1);
  });

  test('settings only change custom properties: the article nodes stay the same', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    const p = $('.article-body p');
    overlay.applySettings({
      ...DEFAULT_SETTINGS,
      textSize: 'XXXL',
      theme: 'dark',
      font: 'atkinson',
      ...WCAG_SPACING,
    });
    expect($('.article-body p')).toBe(p);
    const style = overlay.dialog.style;
    expect(style.getPropertyValue('--lectern-font-size')).toBe('5em');
    expect(style.getPropertyValue('--lectern-line-height')).toBe('1.5');
    expect(style.getPropertyValue('--lectern-letter-spacing')).toBe('0.12em');
    expect(style.getPropertyValue('--lectern-word-spacing')).toBe('0.16em');
    expect(style.getPropertyValue('--lectern-paragraph-spacing')).toBe('2em');
    expect(overlay.dialog.dataset.theme).toBe('dark');
    expect(overlay.dialog.dataset.font).toBe('atkinson');
  });

  test('Smaller/Larger buttons and Ctrl/Cmd +/− step the size, report the change and announce it', () => {
    const { overlay, changes, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    $('button[data-action="larger"]')!.click();
    expect(changes).toEqual([{ textSize: 'LG' }]);
    expect($('[role="status"]')!.textContent).toBe('Text size LG');
    key(overlay.main, '=', { ctrlKey: true });
    key(overlay.main, '+', { metaKey: true });
    expect(overlay.currentSettings.textSize).toBe('XXL');
    key(overlay.main, '-', { ctrlKey: true });
    expect(changes.at(-1)).toEqual({ textSize: 'XL' });
    expect($('[role="status"]')!.textContent).toBe('Text size XL');
    // At the end of the scale: nothing changes, but the size is said again.
    overlay.applySettings({ ...DEFAULT_SETTINGS, textSize: 'XXXL' });
    const before = changes.length;
    $('button[data-action="larger"]')!.click();
    expect(changes.length).toBe(before);
    expect($('[role="status"]')!.textContent!.trim()).toBe('Text size XXXL');
  });

  test('Theme cycles through the themes and announces each; Settings shows the panel', () => {
    const { overlay, changes, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    const theme = $('button[data-action="theme"]')!;
    theme.click();
    expect(changes.at(-1)).toEqual({ theme: 'light' });
    expect($('[role="status"]')!.textContent).toBe('Theme: Light');
    for (let i = 0; i < 4; i++) theme.click();
    expect(overlay.currentSettings.theme).toBe('auto');
    const settings = $('button[data-action="settings"]')!;
    settings.click();
    expect(settings.getAttribute('aria-expanded')).toBe('true');
    expect(overlay.panel.hidden).toBe(false);
    expect(overlay.panel.querySelector('[role="radiogroup"]')).not.toBeNull();
    settings.click();
    expect(overlay.panel.hidden).toBe(true);
  });

  test('the panel form changes this view only, says so once, and follows changes from elsewhere', () => {
    const { overlay, changes, $ } = make();
    overlay.open();
    const note = overlay.panel.querySelector('.panel-note')!;
    expect(note.textContent).toBe(
      "Changes made here apply to this page only. To change your settings for every page, use the Lectern button in the browser's toolbar.",
    );
    // Only what makes sense for one page's view: no "This site only", no "Open articles automatically".
    expect(overlay.panel.querySelector('input[name="siteOnly"]')).toBeNull();
    expect(overlay.panel.querySelector('input[name="autoOpen"]')).toBeNull();
    const xl = overlay.panel.querySelector<HTMLInputElement>('input[name="textSize"][value="XL"]')!;
    xl.click();
    expect(changes.at(-1)).toEqual({ textSize: 'XL' });
    expect(overlay.dialog.dataset.textSize).toBe('XL');
    // The first change made in the panel says the note too; later ones say only the change.
    expect($('[role="status"]')!.textContent).toBe(`Text size XL ${note.textContent}`);
    overlay.panel.querySelector<HTMLInputElement>('input[name="theme"][value="dark"]')!.click();
    expect($('[role="status"]')!.textContent).toBe('Theme: Dark');
    overlay.applySettings({ ...DEFAULT_SETTINGS, textSize: 'SM' });
    expect(overlay.panel.querySelector<HTMLInputElement>('input[value="SM"]')!.checked).toBe(true);
  });

  test("a stored change replaces the view's override of that key only; the others stay", () => {
    const { overlay, $ } = make();
    overlay.open();
    $('button[data-action="larger"]')!.click(); // LG, this page only
    $('button[data-action="theme"]')!.click(); // light, this page only
    expect(overlay.currentSettings).toMatchObject({ textSize: 'LG', theme: 'light' });
    // Stored elsewhere: a new font. The view's size and theme stay.
    overlay.applySettings({ ...DEFAULT_SETTINGS, font: 'atkinson' });
    expect(overlay.currentSettings).toMatchObject({ textSize: 'LG', theme: 'light', font: 'atkinson' });
    // Stored elsewhere: a new size. It replaces the view's size; the theme stays.
    overlay.applySettings({ ...DEFAULT_SETTINGS, font: 'atkinson', textSize: 'XL' });
    expect(overlay.currentSettings).toMatchObject({ textSize: 'XL', theme: 'light', font: 'atkinson' });
    expect($('[role="status"]')!.textContent).toBe('Text size XL');
    expect(overlay.dialog.dataset.theme).toBe('light');
    // Closed and opened again on the same page: the view's changes are still there.
    overlay.close();
    overlay.open();
    overlay.applySettings({ ...DEFAULT_SETTINGS, font: 'atkinson', textSize: 'XL' });
    expect(overlay.currentSettings).toMatchObject({ textSize: 'XL', theme: 'light' });
  });
});
