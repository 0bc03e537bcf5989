/** The overlay keeps what a page inserts out of its (closed) root, and its own late nodes in. */
import { article } from './helpers';
import { useOverlays } from './fixture';

const { make } = useOverlays();
const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** What a page holding the root (Firefox's getSelection leak) would insert: a fake sign-in notice. */
function fakeSignIn(): HTMLFormElement {
  const form = document.createElement('form');
  form.className = 'notice';
  form.dataset.page = '';
  form.innerHTML =
    '<p data-page>Session expired</p><a data-page href="https://evil.example/">Sign in</a><input data-page type="password">';
  return form;
}

test('an element a page appends to the open reader is gone after a microtask; the reader’s own stay', async () => {
  const { overlay, $ } = make();
  overlay.setContent({ kind: 'article', article: article(document) });
  expect(overlay.open()).toBe(true);
  overlay.notify('update', 'The article on the page has changed.', { label: 'Show', run: () => undefined });
  overlay.notices.append(fakeSignIn());
  overlay.main.querySelector('.article-body p')!.append(fakeSignIn());
  overlay.root.append(document.createElement('style'));
  await flush();
  expect(overlay.root.querySelectorAll('[data-page]')).toHaveLength(0);
  expect(overlay.root.querySelectorAll('style')).toHaveLength(1);
  // The overlay's own: its notice, added after opening, and the article with its helpers.
  expect($('[data-notice="update"] button')?.textContent).toBe('Show');
  expect($('.article-body p')?.textContent).toBe('First paragraph of the article.');
  expect($('.scroll-box table')).not.toBeNull();
  expect($('img + .alt-text')).not.toBeNull();
  expect($('h1')?.textContent).toBe('Westmere lighthouse shines again');
});

test('new content set while open stays; what a page inserted while closed is gone at the next opening', async () => {
  const { overlay, $ } = make();
  overlay.setContent({ kind: 'article', article: article(document) });
  overlay.open();
  overlay.setContent({ kind: 'message', title: 'No article found', message: 'Nothing here.' });
  overlay.notify('settings', 'Kept on this device only.');
  await flush();
  expect($('main .message')?.textContent).toBe('Nothing here.');
  expect($('[data-notice="settings"]')).not.toBeNull();
  overlay.close();
  overlay.dialog.append(fakeSignIn());
  expect(overlay.open()).toBe(true);
  expect(overlay.root.querySelector('[data-page]')).toBeNull();
  expect($('main .message')?.textContent).toBe('Nothing here.');
});
