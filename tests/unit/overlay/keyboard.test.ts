/** Keys in the overlay: the toolbar's one tab stop and arrow keys, Tab kept inside, the skip link. */
import { article } from './helpers';
import { key, useOverlays } from './fixture';

const { make } = useOverlays();

describe('keyboard', () => {
  test('the toolbar is one tab stop with arrow keys, Home and End (reversed right to left)', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    const buttons = Array.from(overlay.toolbar.querySelectorAll('button'));
    buttons[0]!.focus();
    key(buttons[0]!, 'ArrowRight');
    expect(overlay.root.activeElement).toBe(buttons[1]);
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1, -1, -1, -1, -1, -1]);
    key(buttons[1]!, 'End');
    expect(overlay.root.activeElement).toBe(buttons[8]);
    key(buttons[8]!, 'ArrowRight');
    expect(overlay.root.activeElement).toBe(buttons[0]);
    key(buttons[0]!, 'ArrowLeft');
    expect(overlay.root.activeElement).toBe(buttons[8]);
    overlay.dialog.dir = 'rtl';
    key(buttons[8]!, 'ArrowLeft');
    expect(overlay.root.activeElement).toBe(buttons[0]);
    void $;
  });

  test('Tab and Shift+Tab wrap around inside the dialog', () => {
    const { overlay } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    const stops = overlay.tabStops();
    const labels = stops.map((s) => s.className || s.tagName);
    expect(labels[0]).toBe('skip');
    // Skip link, toolbar (one stop), the article's scroll boxes and link; the settings panel is hidden.
    expect(stops).toHaveLength(5);
    stops.at(-1)!.focus();
    key(stops.at(-1)!, 'Tab');
    expect(overlay.root.activeElement).toBe(stops[0]);
    key(stops[0]!, 'Tab', { shiftKey: true });
    expect(overlay.root.activeElement).toBe(stops.at(-1));
    // From <main> (after the skip link), Tab goes to the first stop inside the article.
    overlay.main.focus();
    key(overlay.main, 'Tab');
    expect(overlay.root.activeElement).toBe(stops[2]);
  });

  test('the skip link moves focus to the article', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    $('.skip')!.click();
    expect(overlay.root.activeElement).toBe(overlay.main);
  });
});
