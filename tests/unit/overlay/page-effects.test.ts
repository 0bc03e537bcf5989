/**
 * What the open overlay does to the page: it stays on it when removed, and above the page's own top
 * layer (or says the page covers it); the page is hidden while printing.
 */
import { article } from './helpers';
import { useOverlays } from './fixture';

const { make } = useOverlays();

describe('page effects', () => {
  test('a page script that removes the host gets it back, still open', async () => {
    const { overlay } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    overlay.host.remove();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(overlay.host.isConnected).toBe(true);
    expect(overlay.isOpen).toBe(true);
    overlay.close();
    overlay.host.remove();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(overlay.host.isConnected).toBe(false);
  });

  test('printing hides the page behind and restores it after', () => {
    const { overlay } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    document.body.style.setProperty('display', 'flex');
    overlay.open();
    window.dispatchEvent(new Event('beforeprint'));
    expect(document.body.style.getPropertyValue('display')).toBe('none');
    expect(document.body.style.getPropertyPriority('display')).toBe('important');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body.style.getPropertyValue('display')).toBe('flex');
    document.body.style.removeProperty('display');
  });

  test("the page's top layer opened after the reader: raised again, focus kept; a page that keeps at it is named", () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    const theme = $('button[data-action="theme"]')!;
    theme.focus();
    // jsdom has no top layer: a fullscreen element stands for the page's popover or modal dialog.
    const layer = document.createElement('div');
    document.body.append(layer);
    let full: Element | null = layer;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => full });
    const shows: number[] = [];
    const showModal = overlay.dialog.showModal.bind(overlay.dialog);
    overlay.dialog.showModal = () => {
      shows.push(1);
      showModal();
    };
    // The page (re)opens its layer: a toggle event on it, as for a popover or a dialog.
    const reopen = (): void => {
      const e = new Event('toggle');
      Object.defineProperty(e, 'newState', { value: 'open' });
      layer.dispatchEvent(e);
    };
    try {
      reopen();
      expect(shows.length).toBe(1);
      expect(overlay.isOpen).toBe(true);
      expect(overlay.root.activeElement).toBe(theme);
      expect(overlay.hasNotice('covered')).toBe(false);
      // The page opens its layer again and again: after a few raises the reader says so.
      for (let i = 0; i < 3; i++) reopen();
      expect(shows.length).toBe(3);
      expect(overlay.hasNotice('covered')).toBe(true);
      expect($('[data-notice="covered"]')!.textContent).toBe(
        'This page is covering the reader. Close what the page opened, or press Escape to close the reader.',
      );
      full = null;
      window.dispatchEvent(new Event('fullscreenchange'));
      expect(overlay.hasNotice('covered')).toBe(false);
      // Closed: the guard is stopped, the page's layer is its own business again.
      overlay.close();
      full = layer;
      reopen();
      expect(shows.length).toBe(3);
    } finally {
      delete (document as unknown as Record<string, unknown>).fullscreenElement;
    }
  });
});
