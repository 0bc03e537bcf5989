/** Notices under the toolbar, said through the polite live region. */
import { article } from './helpers';
import { useOverlays } from './fixture';

const { make } = useOverlays();

describe('notices', () => {
  test('a notice is shown under the toolbar, said politely, replaced by kind, and its button acts', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    let runs = 0;
    overlay.notify('update', 'The article on the page has changed.', {
      label: 'Show the updated article',
      run: () => runs++,
    });
    expect($('[role="status"]')!.textContent).toBe('The article on the page has changed.');
    const button = $('.notices [data-notice="update"] button') as HTMLButtonElement;
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('Show the updated article');
    expect(overlay.tabStops()).toContain(button);
    button.click();
    expect(runs).toBe(1);
    overlay.notify('settings', 'Saved on this device only.');
    overlay.notify('settings', 'Saved on this device only.');
    expect(overlay.notices.querySelectorAll('[data-notice="settings"]')).toHaveLength(1);
    expect(overlay.hasNotice('update')).toBe(true);
  });

  test('clearing a notice whose button has focus moves focus to the article, not to nowhere', () => {
    const { overlay, $ } = make();
    overlay.setContent({ kind: 'article', article: article(document) });
    overlay.open();
    overlay.notify('update', 'Changed.', { label: 'Show', run: () => undefined });
    ($('.notices button') as HTMLButtonElement).focus();
    overlay.clearNotice('update');
    expect(overlay.hasNotice('update')).toBe(false);
    expect(overlay.root.activeElement).toBe(overlay.main);
  });
});
