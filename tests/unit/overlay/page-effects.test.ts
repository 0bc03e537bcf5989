/** What the open overlay does to the page: it stays on it when removed; the page is hidden while printing. */
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
});
